/**
 * The share-link form of a scenario: its JSON text (minified when it parses),
 * UTF-8, compressed with raw DEFLATE (`CompressionStream('deflate-raw')`, a
 * web standard present in browsers and Node ≥ 18) and written in base64url,
 * behind a version prefix: `1.<base64url>`. The UI puts it in the URL
 * fragment (`#s=1.…`), which browsers never send to a server.
 *
 * A link is untrusted input. Decoding is bounded: at most
 * `MAX_ENCODED_LENGTH` characters are read, and decompression stops as soon
 * as the output passes `MAX_FILE_BYTES` (the scenario file limit), so a
 * "zip bomb" costs at most 1 MiB of memory. The decoded text is then checked
 * by the same loader and validator as a file (`loadScenario`). Decoding never
 * throws; every failure is a one-line message.
 */
import { loadScenario, utf8Length, type LoadResult } from './load.js';
import { prepareScenarioText } from './prepare.js';
import { MAX_FILE_BYTES } from './limits.js';

/** Version prefix of the current encoding (deflate-raw + base64url). */
export const SHARE_ENCODING_PREFIX = '1.';

/**
 * Longest encoded scenario accepted, in characters (32 768). Links up to this
 * length work in every current browser; the shipped scenarios take 1–3 k.
 * Larger scenarios are shared as files.
 */
export const MAX_ENCODED_LENGTH = 32_768;

/** The outcome of `encodeScenario`. */
export type EncodeResult = { ok: true; encoded: string } | { ok: false; message: string };

/** The outcome of `decodeScenario`: the text and what the validator says of it, or why the link cannot be read. */
export type DecodeResult = { ok: true; text: string; loaded: LoadResult } | { ok: false; message: string };

/** The text to put in a link: minified JSON when it parses (same values, fewer bytes), else the text as is. */
export function compactScenarioText(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

/** Bytes → base64url without padding. */
function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padding optional) → bytes, or undefined when it is not base64url. */
function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  let binary: string;
  try {
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Reads a byte stream to the end, or stops with an error once more than `limit` bytes came out. */
async function readAtMost(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | 'too large'> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return 'too large';
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out;
}

/** Runs `bytes` through a (de)compression stream. */
function piped(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  return source.pipeThrough(transform as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
}

/**
 * Encodes a scenario text for a link (minified first, see
 * `compactScenarioText`). Fails, with a message, when the text is over the
 * file limit or the result is longer than `MAX_ENCODED_LENGTH`.
 */
export async function encodeScenario(text: string): Promise<EncodeResult> {
  const compact = compactScenarioText(text);
  const bytes = utf8Length(compact);
  if (bytes > MAX_FILE_BYTES)
    return { ok: false, message: `the scenario has ${bytes} bytes; a link holds at most ${MAX_FILE_BYTES} (1 MiB) before compression` };
  const compressed = await readAtMost(piped(new TextEncoder().encode(compact), new CompressionStream('deflate-raw')), 4 * MAX_FILE_BYTES);
  if (compressed === 'too large') return { ok: false, message: 'the scenario could not be compressed' };
  const encoded = SHARE_ENCODING_PREFIX + toBase64Url(compressed);
  if (encoded.length > MAX_ENCODED_LENGTH) {
    return {
      ok: false,
      message: `the compressed scenario needs ${encoded.length} characters; a link holds at most ${MAX_ENCODED_LENGTH}: share the file instead`,
    };
  }
  return { ok: true, encoded };
}

/** A short, safe preview of untrusted link text for messages. */
function preview(text: string): string {
  const shown = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  return JSON.stringify(shown);
}

/**
 * Decodes the scenario of a link (the part after `s=`), then loads and
 * validates it like a file. Never throws. A link that cannot be read gives
 * `{ ok: false, message }`; a link that decodes to an invalid scenario gives
 * `{ ok: true }` with the validator's issues in `loaded`.
 */
export async function decodeScenario(encoded: unknown): Promise<DecodeResult> {
  if (typeof encoded !== 'string') return { ok: false, message: 'the link holds no scenario' };
  if (encoded.length > MAX_ENCODED_LENGTH) {
    return { ok: false, message: `the link's scenario has ${encoded.length} characters; at most ${MAX_ENCODED_LENGTH} are accepted` };
  }
  if (!encoded.startsWith(SHARE_ENCODING_PREFIX)) {
    const version = /^(\d{1,6})\./.exec(encoded);
    return {
      ok: false,
      message: version
        ? `the link uses encoding version ${version[1]}, which this version of trialsim cannot read (it reads version 1)`
        : `the link's scenario ${preview(encoded)} is not in trialsim's format (it starts with "${SHARE_ENCODING_PREFIX}")`,
    };
  }
  const bytes = fromBase64Url(encoded.slice(SHARE_ENCODING_PREFIX.length));
  if (!bytes) return { ok: false, message: `the link's scenario ${preview(encoded)} is damaged: it is not base64url text` };
  let inflated: Uint8Array | 'too large';
  try {
    inflated = await readAtMost(piped(bytes, new DecompressionStream('deflate-raw')), MAX_FILE_BYTES);
  } catch {
    return { ok: false, message: 'the link is damaged: its scenario cannot be decompressed (was it cut short when copied?)' };
  }
  if (inflated === 'too large') {
    return { ok: false, message: `the link's scenario expands to more than ${MAX_FILE_BYTES} bytes (1 MiB), the limit of a scenario file` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return { ok: false, message: "the link's scenario is not UTF-8 text" };
  }
  try {
    await prepareScenarioText(text);
  } catch {
    return { ok: false, message: "the link's scenario has expressions, and the expression parser could not be loaded (offline?)" };
  }
  return { ok: true, text, loaded: loadScenario(text) };
}
