import { describe, expect, it } from 'vitest';
import { mannWhitney, mannWhitneyFromCounts } from '../../src/analysis/mann-whitney.js';
import { emptyTestResult, type TestOptions } from '../../src/analysis/types.js';
import { cases, expectRel, label, type RCase } from './r-fixture.js';

interface Case extends RCase {
  x: number[];
  y: number[];
  rMethod: string;
}
interface CountsCase extends RCase {
  countsX: number[];
  countsY: number[];
  rMethod: string;
}

const two: TestOptions = { sides: 2, better: 'higher' };

/** R says "exact" in its method exactly when it used the exact null distribution. */
function expectSameBranch(method: string, rMethod: string): void {
  const exact = rMethod.includes('exact');
  expect(method).toContain(exact ? 'exact' : 'normal approximation with tie and continuity correction');
}

function expand(counts: readonly number[]): number[] {
  return counts.flatMap((n, k) => Array<number>(n).fill(k));
}

describe('mannWhitney', () => {
  for (const c of cases<Case>('mannWhitney')) {
    it(`matches R's wilcox.test(x, y) — ${label(c)}`, () => {
      // W and the p-value come from R's wilcox.test(x, y) with its defaults (exact / correct = TRUE).
      const r = mannWhitney(c.x, c.y, c);
      expect(r.statistic).toBe(c.statistic);
      expectRel(r.pValue, c.pValue, 'p');
      expectSameBranch(r.method, c.rMethod);
    });
  }

  it('fills and returns the out object it is given', () => {
    const out = emptyTestResult();
    expect(mannWhitney([1, 5, 3], [2, 0], two, out)).toBe(out);
    expect(mannWhitneyFromCounts([1, 2], [2, 1], two, out)).toBe(out);
  });

  it('does not modify its input', () => {
    const x = [3, 1, 2];
    const y = new Float64Array([9, 7, 8]);
    mannWhitney(x, y, two);
    expect(x).toEqual([3, 1, 2]);
    expect(Array.from(y)).toEqual([9, 7, 8]);
  });

  it('gives the same answer when scratch buffers grow between calls', () => {
    const small = mannWhitney([0.5, 2.5], [1.5, 3.5, 4.5], two);
    const big = Array.from({ length: 300 }, (_, i) => i * 1.5);
    mannWhitney(
      big,
      big.map((v) => v + 0.25),
      two,
    );
    const again = mannWhitney([0.5, 2.5], [1.5, 3.5, 4.5], two);
    expect(again.pValue).toBe(small.pValue);
    expect(again.statistic).toBe(small.statistic);
  });

  describe('degenerate data give degenerate: true and pValue NaN without throwing', () => {
    it.each([
      ['empty x', [], [1, 2]],
      ['empty y', [1, 2], []],
      ['all values tied', [4, 4, 4], [4, 4]],
    ])('%s', (_name, x, y) => {
      const r = mannWhitney(x, y, two);
      expect(r.degenerate).toBe(true);
      expect(r.pValue).toBeNaN();
    });
  });
});

describe('mannWhitneyFromCounts', () => {
  for (const c of cases<CountsCase>('mannWhitneyCounts')) {
    it(`matches R's wilcox.test on the expanded categories — ${label(c)}`, () => {
      // W and the p-value come from R's wilcox.test(rep(0:(K-1), countsX), rep(0:(K-1), countsY)).
      const r = mannWhitneyFromCounts(c.countsX, c.countsY, c);
      expect(r.statistic).toBe(c.statistic);
      expectRel(r.pValue, c.pValue, 'p');
      expectSameBranch(r.method, c.rMethod);
      const raw = mannWhitney(expand(c.countsX), expand(c.countsY), c);
      expect(raw.statistic).toBe(r.statistic);
      expectRel(raw.pValue, r.pValue, 'same as mannWhitney on the expanded values', 1e-12);
    });
  }

  describe('degenerate data give degenerate: true and pValue NaN without throwing', () => {
    it.each([
      ['empty treatment', [0, 0, 0], [1, 2, 3]],
      ['empty control', [1, 2, 3], [0, 0, 0]],
      ['no categories', [], []],
      ['everyone in one category', [0, 5, 0], [0, 4, 0]],
    ])('%s', (_name, cx, cy) => {
      const r = mannWhitneyFromCounts(cx, cy, two);
      expect(r.degenerate).toBe(true);
      expect(r.pValue).toBeNaN();
    });
  });
});
