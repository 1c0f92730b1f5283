import { describe, expect, it } from 'vitest';
import { seededXorwow } from '../../src/random/xorwow.js';
import { countCompleters } from '../../src/designs/dropout.js';

describe('countCompleters', () => {
  it('loses each patient with the stated probability', () => {
    const kept = countCompleters(seededXorwow('dropout'), 100_000, 0.2, new Float64Array(100_000));
    // Binomial(100000, 0.8): SD = √(100000·0.8·0.2) ≈ 126.5
    expect(Math.abs(kept - 80_000)).toBeLessThan(4 * 126.5);
  });

  it('decides patient i by the i-th uniform of the stream, so adding patients never changes who of the first ones completes', () => {
    const uniforms = new Float64Array(60);
    seededXorwow('nest').fillUniform(uniforms, 60);
    for (const n of [1, 30, 59, 60]) {
      const expected = uniforms.subarray(0, n).filter((u) => u >= 0.3).length;
      expect(countCompleters(seededXorwow('nest'), n, 0.3, new Float64Array(n))).toBe(expected);
    }
  });
});
