import { describe, expect, it } from 'vitest';
import { emptyTestResult, type TestOptions } from '../../src/analysis/types.js';
import { welchDf, welchT, welchTFromSummary } from '../../src/analysis/welch-t.js';
import { cases, expectRel, label, summary, type RCase, type RSummary } from './r-fixture.js';

interface Case extends RCase {
  x: number[];
  y: number[];
  summaryX: RSummary;
  summaryY: RSummary;
  df: number;
}

const two: TestOptions = { sides: 2, better: 'higher' };

describe('welchT', () => {
  for (const c of cases<Case>('welchT')) {
    it(`matches R's t.test(var.equal = FALSE) — ${label(c)}`, () => {
      // Statistic, df and p-value come from R's t.test(x, y, var.equal = FALSE).
      const r = welchT(c.x, c.y, c);
      expectRel(r.statistic, c.statistic, 't');
      expectRel(r.df!, c.df, 'df');
      expectRel(r.pValue, c.pValue, 'p');
      expect(r.degenerate).toBe(false);
      const s = welchTFromSummary(summary(c.summaryX), summary(c.summaryY), c);
      expectRel(s.statistic, c.statistic, 't from summary');
      expectRel(s.pValue, c.pValue, 'p from summary');
      expectRel(welchDf(c.summaryX.variance!, c.x.length, c.summaryY.variance!, c.y.length), c.df, 'welchDf');
    });
  }

  it('fills and returns the out object it is given, clearing an earlier degenerate flag', () => {
    const out = emptyTestResult();
    expect(welchT([1, 1], [1, 1], two, out)).toBe(out);
    expect(out.degenerate).toBe(true);
    expect(welchT([1, 2, 3], [2, 3, 5], two, out)).toBe(out);
    expect(out.degenerate).toBe(false);
    expect(out.pValue).toBeGreaterThan(0);
    expect(welchTFromSummary({ n: 5, mean: 1, variance: 1 }, { n: 5, mean: 0, variance: 2 }, two, out)).toBe(out);
  });

  describe('degenerate data give degenerate: true and pValue NaN without throwing', () => {
    it.each([
      ['both arms constant', [2, 2, 2], [2, 2, 2, 2]],
      ['both arms constant at different levels', [3, 3, 3], [1, 1]],
      ['both arms all zero', [0, 0], [0, 0, 0]],
      ['one value in x', [1], [1, 2, 3]],
      ['one value in y', [1, 2, 3], [4]],
      ['empty x', [], [1, 2, 3]],
      ['empty y', [1, 2], []],
    ])('%s', (_name, x, y) => {
      const r = welchT(x, y, two);
      expect(r.degenerate).toBe(true);
      expect(r.pValue).toBeNaN();
    });

    it('from a summary with zero variances or n < 2', () => {
      expect(welchTFromSummary({ n: 4, mean: 1, variance: 0 }, { n: 4, mean: 2, variance: 0 }, two).pValue).toBeNaN();
      expect(welchTFromSummary({ n: 1, mean: 1, variance: NaN }, { n: 4, mean: 2, variance: 1 }, two).degenerate).toBe(true);
    });
  });

  it('is not degenerate when only one arm is constant (df = n − 1 of the other)', () => {
    const r = welchT([2, 2, 2, 2], [1.1, 2.3, 0.7, 1.9, 1.4], two);
    expect(r.degenerate).toBe(false);
    expectRel(r.df!, 4, 'df');
  });
});
