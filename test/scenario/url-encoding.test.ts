import { readdirSync, readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/scenario/limits.js';
import {
  compactScenarioText,
  decodeScenario,
  encodeScenario,
  MAX_ENCODED_LENGTH,
  SHARE_ENCODING_PREFIX,
} from '../../src/scenario/url-encoding.js';

const dir = new URL('../../scenarios/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
const TEXT = readFileSync(new URL('nct06764329-hair-count.json', dir), 'utf8');

/** A link payload made by hand (zlib's raw deflate is the same format as CompressionStream's). */
const payload = (bytes: Uint8Array | string) =>
  SHARE_ENCODING_PREFIX + Buffer.from(deflateRawSync(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes)).toString('base64url');

describe('share-link encoding of scenarios', () => {
  it.each(files)('round-trips %s to the same values, in a URL-safe string well under the limit', async (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const encoded = await encodeScenario(text);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.encoded).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    expect(encoded.encoded.length).toBeLessThan(4000);
    const decoded = await decodeScenario(encoded.encoded);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(JSON.parse(decoded.text)).toEqual(JSON.parse(text));
    expect(decoded.text).toBe(compactScenarioText(text));
    expect(decoded.loaded.ok).toBe(true);
  });

  it('keeps non-ASCII text (α, ≥, –) intact', async () => {
    const text = TEXT.replace('"title": "', '"title": "α ≥ 0.8 – 测试 😀 ');
    const e = await encodeScenario(text);
    const d = e.ok ? await decodeScenario(e.encoded) : undefined;
    expect(d?.ok && JSON.parse(d.text).title).toMatch(/^α ≥ 0\.8 – 测试 😀 /);
  });

  it('encodes text that is not JSON as it is, and the validator then reports it', async () => {
    const e = await encodeScenario('{ broken');
    expect(e.ok).toBe(true);
    const d = e.ok ? await decodeScenario(e.encoded) : undefined;
    expect(d?.ok).toBe(true);
    if (d?.ok) {
      expect(d.text).toBe('{ broken');
      expect(d.loaded.ok).toBe(false);
      if (!d.loaded.ok) expect(d.loaded.issues[0]).toMatchObject({ path: '', allowed: 'a JSON document' });
    }
  });

  it('refuses to make a link longer than MAX_ENCODED_LENGTH', async () => {
    // Incompressible: random-looking text in the description.
    let x = 2463534242;
    const xorshift = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>>= 0));
    const noise = Array.from({ length: 40_000 }, () => String.fromCharCode(40 + (xorshift() % 80))).join('');
    const big = JSON.stringify({ ...JSON.parse(TEXT), description: noise });
    const e = await encodeScenario(big);
    expect(e.ok).toBe(false);
    if (!e.ok) expect(e.message).toContain(`at most ${MAX_ENCODED_LENGTH}`);
  });

  it('sends the decoded scenario through the validator (prototype-pollution keys are reported, not applied)', async () => {
    const hostile = '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "format": "trialsim/1"}';
    const d = await decodeScenario(payload(hostile));
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.loaded.ok).toBe(false);
    if (!d.loaded.ok) expect(d.loaded.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it.each([
    ['not a string', 42, /holds no scenario/],
    ['no prefix', 'hello', /not in trialsim's format/],
    ['a newer version', '2.abc', /version 2/],
    ['not base64url', '1.ab+c/d==', /not base64url/],
    ['impossible base64 length', '1.abcde', /not base64url/],
    ['empty', '1.', /cannot be decompressed/],
    ['not deflate', `1.${Buffer.from('just some bytes, not deflate at all').toString('base64url')}`, /cannot be decompressed/],
    ['too long', `1.${'A'.repeat(MAX_ENCODED_LENGTH)}`, /at most 32768/],
  ])('rejects a link that is %s, with a message', async (_what, input, message) => {
    const d = await decodeScenario(input);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.message).toMatch(message);
  });

  it('rejects a damaged (truncated) link', async () => {
    const e = await encodeScenario(TEXT);
    if (!e.ok) throw new Error(e.message);
    const d = await decodeScenario(e.encoded.slice(0, Math.floor(e.encoded.length / 2)));
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.message).toMatch(/damaged|cannot be decompressed/);
  });

  it('stops decompressing a "zip bomb" at the file limit', async () => {
    // 64 MiB of spaces deflate to ~64 KiB; keep the link under the length limit with 20 MiB.
    const bomb = payload(new Uint8Array(20 * MAX_FILE_BYTES).fill(32));
    expect(bomb.length).toBeLessThan(MAX_ENCODED_LENGTH);
    const d = await decodeScenario(bomb);
    expect(d).toEqual({
      ok: false,
      message: `the link's scenario expands to more than ${MAX_FILE_BYTES} bytes (1 MiB), the limit of a scenario file`,
    });
  });

  it('rejects bytes that are not UTF-8', async () => {
    const d = await decodeScenario(payload(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])));
    expect(d).toEqual({ ok: false, message: "the link's scenario is not UTF-8 text" });
  });
});
