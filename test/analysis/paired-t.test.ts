import { describe, expect, it } from 'vitest';
import { pairedT, pairedTFromSummary } from '../../src/analysis/paired-t.js';
import { emptyTestResult, type TestOptions } from '../../src/analysis/types.js';
import { cases, expectRel, label, summary, type RCase, type RSummary } from './r-fixture.js';

interface Case extends RCase {
  x: number[];
  y: number[];
  nullValue: number;
  summaryDiff: RSummary;
  df: number;
}

const two: TestOptions = { sides: 2, better: 'higher' };

describe('pairedT', () => {
  for (const c of cases<Case>('pairedT')) {
    it(`matches R's t.test(paired = TRUE) — ${label(c)}`, () => {
      // Statistic, df and p-value come from R's t.test(x, y, paired = TRUE, mu = nullValue).
      const r = pairedT(c.x, c.y, c);
      expectRel(r.statistic, c.statistic, 't');
      expect(r.df).toBe(c.df);
      expectRel(r.pValue, c.pValue, 'p');
      const s = pairedTFromSummary(summary(c.summaryDiff), c);
      expectRel(s.statistic, c.statistic, 't from summary');
      expectRel(s.pValue, c.pValue, 'p from summary');
    });
  }

  it('tests against 0 when nullValue is omitted', () => {
    const withZero = pairedT([3, 4, 6, 5], [2, 2, 3, 4], { ...two, nullValue: 0 });
    const omitted = pairedT([3, 4, 6, 5], [2, 2, 3, 4], two);
    expect(omitted.pValue).toBe(withZero.pValue);
  });

  it('fills and returns the out object it is given', () => {
    const out = emptyTestResult();
    expect(pairedT([1, 2, 4], [0, 2, 1], two, out)).toBe(out);
    expect(pairedTFromSummary({ n: 3, mean: 1, variance: 1 }, two, out)).toBe(out);
  });

  describe('degenerate data give degenerate: true and pValue NaN without throwing', () => {
    it.each([
      ['constant differences', [3, 4, 5], [1, 2, 3]],
      ['identical sites', [3, 4, 5], [3, 4, 5]],
      ['one pair', [3], [1]],
      ['empty', [], []],
      ['unequal lengths', [1, 2, 3], [1, 2]],
    ])('%s', (_name, x, y) => {
      const r = pairedT(x, y, two);
      expect(r.degenerate).toBe(true);
      expect(r.pValue).toBeNaN();
    });
  });
});
