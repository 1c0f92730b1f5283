import { describe, expect, it } from 'vitest';
import { seededXorwow } from '../../src/random/xorwow.js';
import { cumulativeProbabilities, fillCategorical } from '../../src/outcomes/ordinal.js';

describe('ordinal outcomes', () => {
  it('draws each category with its probability (TCI alone: 45.0/16.5/20.4/18.1 %, EVIDENCE.md)', () => {
    const probs = [0.45, 0.165, 0.204, 0.181];
    const n = 200_000;
    const out = new Float64Array(n);
    fillCategorical(seededXorwow('ordinal'), out, n, cumulativeProbabilities(probs));
    probs.forEach((p, c) => {
      const share = out.filter((v) => v === c).length / n;
      expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    });
  });
  it('forces the last cumulative probability to 1', () => {
    expect(cumulativeProbabilities([0.1, 0.2, 0.3, 0.39999999])[3]).toBe(1);
  });
});
