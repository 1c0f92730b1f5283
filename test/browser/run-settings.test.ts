import { describe, expect, it } from 'vitest';
import { MAX_REPLICATES } from '../../src/scenario/limits.js';
import { MAX_SEED_LENGTH, parseRunSettings } from '../../web/run-settings.js';

describe('parseRunSettings (the UI replicates and seed fields, as --replicates and --seed)', () => {
  it('leaves empty fields to the scenario', () => {
    expect(parseRunSettings('', '')).toEqual({ ok: true, settings: {} });
    expect(parseRunSettings('  ', '   ')).toEqual({ ok: true, settings: {} });
  });

  it('reads whole numbers from 1 to MAX_REPLICATES, digit groups allowed', () => {
    expect(parseRunSettings('4000', '')).toEqual({ ok: true, settings: { replicates: 4000 } });
    expect(parseRunSettings(' 2 000 000 ', '')).toEqual({ ok: true, settings: { replicates: 2_000_000 } });
    expect(parseRunSettings('2_000', '')).toEqual({ ok: true, settings: { replicates: 2000 } });
    expect(parseRunSettings('1', '')).toEqual({ ok: true, settings: { replicates: 1 } });
    expect(parseRunSettings(String(MAX_REPLICATES), '')).toEqual({ ok: true, settings: { replicates: MAX_REPLICATES } });
  });

  it.each(['0', '-5', '1.5', '1e4', '0x10', 'abc', '12abc', String(MAX_REPLICATES + 1), '99999999999'])('rejects replicates %j', (text) => {
    const r = parseRunSettings(text, '');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.messages).toEqual([`Replicates: got ${JSON.stringify(text)}; allowed: a whole number from 1 to ${MAX_REPLICATES}`]);
  });

  it('keeps a seed exactly as typed, up to MAX_SEED_LENGTH characters', () => {
    expect(parseRunSettings('', ' my seed ')).toEqual({ ok: true, settings: { seed: ' my seed ' } });
    expect(parseRunSettings('', 'x'.repeat(MAX_SEED_LENGTH))).toEqual({ ok: true, settings: { seed: 'x'.repeat(MAX_SEED_LENGTH) } });
    const long = parseRunSettings('abc', 'x'.repeat(MAX_SEED_LENGTH + 1));
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.messages).toHaveLength(2);
  });
});
