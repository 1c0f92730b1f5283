import { describe, expect, it } from 'vitest';
import { seededXorwow } from '../../src/random/xorwow.js';
import { keepCompletePairs, keepCompleters } from '../../src/designs/dropout.js';

describe('dropout', () => {
  it('keeps completers in order and loses each patient with the stated probability', () => {
    const rng = seededXorwow('dropout');
    const values = new Float64Array(100_000).map((_, i) => i);
    const kept = keepCompleters(rng, values, values.length, 0.2);
    // Binomial(100000, 0.8): SD = √(100000·0.8·0.2) ≈ 126.5
    expect(Math.abs(kept - 80_000)).toBeLessThan(4 * 126.5);
    for (let i = 1; i < kept; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);
  });

  it('does not change who of the first patients drops out when more are added (nested samples)', () => {
    const small = new Float64Array(30).map((_, i) => i);
    const large = new Float64Array(60).map((_, i) => i);
    const keptSmall = keepCompleters(seededXorwow('nest'), small, 30, 0.3);
    keepCompleters(seededXorwow('nest'), large, 60, 0.3);
    expect(Array.from(large.subarray(0, keptSmall))).toEqual(Array.from(small.subarray(0, keptSmall)));
  });

  it('drops both sites of a patient together', () => {
    const a = new Float64Array(1000).map((_, i) => i);
    const b = new Float64Array(1000).map((_, i) => -i);
    const kept = keepCompletePairs(seededXorwow('pairs'), a, b, 1000, 0.5);
    for (let i = 0; i < kept; i++) expect(b[i]).toBe(-a[i]);
  });
});
