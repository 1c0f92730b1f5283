import { describe, expect, it } from 'vitest';
import { sortPrefix } from '../../src/analysis/sort.js';

/** Deterministic pseudo-random values (a fixed LCG), so no Math.random in tests. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('sortPrefix', () => {
  it('sorts only the prefix, matching the built-in numeric sort', () => {
    const rnd = lcg(7);
    for (const n of [0, 1, 2, 3, 10, 16, 17, 33, 100, 1000]) {
      const a = new Float64Array(n + 5);
      for (let i = 0; i < a.length; i++) a[i] = rnd() * 10 - 5;
      const tail = Array.from(a.subarray(n));
      const expected = Array.from(a.subarray(0, n)).sort((u, v) => u - v);
      sortPrefix(a, n);
      expect(Array.from(a.subarray(0, n))).toEqual(expected);
      expect(Array.from(a.subarray(n))).toEqual(tail);
    }
  });

  it('handles heavy ties, sorted and reversed input', () => {
    const rnd = lcg(11);
    const cases = [
      Float64Array.from({ length: 500 }, () => Math.floor(rnd() * 4)),
      Float64Array.from({ length: 300 }, (_, i) => i),
      Float64Array.from({ length: 300 }, (_, i) => 300 - i),
      new Float64Array(200).fill(2.5),
    ];
    for (const a of cases) {
      const expected = Array.from(a).sort((u, v) => u - v);
      sortPrefix(a, a.length);
      expect(Array.from(a)).toEqual(expected);
    }
  });
});
