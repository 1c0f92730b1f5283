import { describe, expect, it } from 'vitest';
import { oneSampleT, oneSampleTFromSummary } from '../../src/analysis/one-sample-t.js';
import { emptyTestResult, type OneSampleTestOptions } from '../../src/analysis/types.js';
import { cases, expectRel, label, summary, type RCase, type RSummary } from './r-fixture.js';

interface Case extends RCase {
  x: number[];
  nullValue: number;
  summary: RSummary;
  df: number;
}

const two: OneSampleTestOptions = { sides: 2, better: 'higher', nullValue: 0 };

describe('oneSampleT', () => {
  for (const c of cases<Case>('oneSampleT')) {
    it(`matches R's t.test(x, mu =) — ${label(c)}`, () => {
      // Statistic, df and p-value come from R's t.test(x, mu = nullValue).
      const r = oneSampleT(c.x, c);
      expectRel(r.statistic, c.statistic, 't');
      expect(r.df).toBe(c.df);
      expectRel(r.pValue, c.pValue, 'p');
      const s = oneSampleTFromSummary(summary(c.summary), c);
      expectRel(s.statistic, c.statistic, 't from summary');
      expectRel(s.pValue, c.pValue, 'p from summary');
    });
  }

  it('fills and returns the out object it is given', () => {
    const out = emptyTestResult();
    expect(oneSampleT([1, 2, 4], two, out)).toBe(out);
    expect(oneSampleTFromSummary({ n: 3, mean: 1, variance: 1 }, two, out)).toBe(out);
  });

  describe('degenerate data give degenerate: true and pValue NaN without throwing', () => {
    it.each([
      ['constant', [1.5, 1.5, 1.5]],
      ['constant at the null value', [0, 0, 0]],
      ['one value', [3]],
      ['empty', []],
    ])('%s', (_name, x) => {
      const r = oneSampleT(x, two);
      expect(r.degenerate).toBe(true);
      expect(r.pValue).toBeNaN();
    });
  });
});
