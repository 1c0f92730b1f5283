/**
 * The memo behind the count deciders: it must answer exactly what `compute`
 * answered for that key (NaN, 0 and 1 included), call `compute` once per key
 * and never again, and keep keys apart — the same inner key under two outer
 * keys, (a, b) against (b, a), and an outer key left and come back to (the memo
 * keeps the last outer key's table at hand).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PValueMemo } from '../../../src/engine/deciders/p-value-memo.js';

/** A p-value that tells its key apart from every other key used here. */
const valueOf = (outer: number, inner: number) => (outer * 1000 + inner) / 1e9;

describe('PValueMemo', () => {
  it('returns what compute returned, NaN, 0 and 1 included, and computes each key once', () => {
    const memo = new PValueMemo();
    let calls = 0;
    const compute = (p: number) => () => {
      calls++;
      return p;
    };
    expect(memo.get(0, 0, compute(NaN))).toBeNaN();
    expect(memo.get(0, 1, compute(0))).toBe(0);
    expect(memo.get(0, 2, compute(1))).toBe(1);
    expect(calls).toBe(3);
    // Asked again with a compute that would answer otherwise: the memo answers, compute is not called.
    expect(memo.get(0, 0, compute(0.5))).toBeNaN();
    expect(memo.get(0, 1, compute(0.5))).toBe(0);
    expect(memo.get(0, 2, compute(0.5))).toBe(1);
    expect(calls).toBe(3);
  });

  it('keeps the same inner key under different outer keys apart, also when coming back to an earlier outer key', () => {
    const memo = new PValueMemo();
    const computed: string[] = [];
    const get = (outer: number, inner: number) =>
      memo.get(outer, inner, () => {
        computed.push(`${outer},${inner}`);
        return valueOf(outer, inner);
      });
    expect(get(1, 5)).toBe(valueOf(1, 5));
    expect(get(2, 5)).toBe(valueOf(2, 5));
    expect(get(1, 5)).toBe(valueOf(1, 5));
    expect(get(5, 1)).toBe(valueOf(5, 1));
    expect(get(1, 5)).toBe(valueOf(1, 5));
    expect(get(2, 5)).toBe(valueOf(2, 5));
    // −1 is the memo's "no outer key yet"; a real key of −1 still gets its own table.
    expect(get(-1, 5)).toBe(valueOf(-1, 5));
    expect(get(-1, 5)).toBe(valueOf(-1, 5));
    expect(computed).toEqual(['1,5', '2,5', '5,1', '-1,5']);
  });

  it('on any sequence of keys, answers as a plain map of (outer, inner) would, computing each key exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -1, max: 6 }), fc.integer({ min: 0, max: 6 })), { maxLength: 200 }), (keys) => {
        const memo = new PValueMemo();
        const calls = new Map<string, number>();
        for (const [outer, inner] of keys) {
          const p = memo.get(outer, inner, () => {
            const key = `${outer},${inner}`;
            calls.set(key, (calls.get(key) ?? 0) + 1);
            return valueOf(outer, inner);
          });
          expect(p).toBe(valueOf(outer, inner));
        }
        expect(new Set(calls.keys())).toEqual(new Set(keys.map(([o, i]) => `${o},${i}`)));
        for (const n of calls.values()) expect(n).toBe(1);
      }),
      { seed: 14, numRuns: 300 },
    );
  });

  it('keys as large as the two-proportion decider makes them (n1 · 1 000 003 + n2) stay exact', () => {
    const memo = new PValueMemo();
    const outerA = 100_000 * 1_000_003 + 99_999;
    const outerB = 99_999 * 1_000_003 + 100_000;
    expect(memo.get(outerA, 7, () => 0.25)).toBe(0.25);
    expect(memo.get(outerB, 7, () => 0.75)).toBe(0.75);
    expect(memo.get(outerA, 7, () => 1)).toBe(0.25);
  });
});
