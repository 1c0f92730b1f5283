import { describe, expect, it } from 'vitest';
import { armSizes } from '../../src/designs/arm-sizes.js';

describe('armSizes', () => {
  it('splits evenly when it can', () => {
    expect(armSizes(70, [1, 1])).toEqual([35, 35]);
    expect(armSizes(90, [1, 1, 1])).toEqual([30, 30, 30]);
  });
  it('gives leftover patients to the largest remainders, earlier arms first', () => {
    expect(armSizes(71, [1, 1])).toEqual([36, 35]);
    expect(armSizes(100, [1, 2])).toEqual([33, 67]);
    expect(armSizes(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });
  it('always sums to n', () => {
    for (let n = 2; n < 200; n++) {
      for (const allocation of [
        [1, 1],
        [2, 1],
        [1, 3],
        [1, 1, 1],
        [0.3, 0.7],
      ]) {
        expect(armSizes(n, allocation).reduce((s, k) => s + k, 0)).toBe(n);
      }
    }
  });
});
