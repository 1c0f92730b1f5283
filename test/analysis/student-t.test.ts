import { describe, expect, it } from 'vitest';
import { studentT, studentTFromSummary } from '../../src/analysis/student-t.js';
import { emptyTestResult, type TestOptions } from '../../src/analysis/types.js';
import { cases, expectRel, label, summary, type RCase, type RSummary } from './r-fixture.js';

interface Case extends RCase {
  x: number[];
  y: number[];
  summaryX: RSummary;
  summaryY: RSummary;
  df: number;
}

const two: TestOptions = { sides: 2, better: 'higher' };

describe('studentT', () => {
  for (const c of cases<Case>('studentT')) {
    it(`matches R's t.test(var.equal = TRUE) — ${label(c)}`, () => {
      // Statistic, df and p-value come from R's t.test(x, y, var.equal = TRUE).
      const r = studentT(c.x, c.y, c);
      expectRel(r.statistic, c.statistic, 't');
      expect(r.df).toBe(c.df);
      expectRel(r.pValue, c.pValue, 'p');
      const s = studentTFromSummary(summary(c.summaryX), summary(c.summaryY), c);
      expectRel(s.statistic, c.statistic, 't from summary');
      expectRel(s.pValue, c.pValue, 'p from summary');
    });
  }

  it('fills and returns the out object it is given', () => {
    const out = emptyTestResult();
    expect(studentT([1, 2, 3], [2, 3, 5], two, out)).toBe(out);
    expect(studentTFromSummary({ n: 5, mean: 1, variance: 1 }, { n: 5, mean: 0, variance: 2 }, two, out)).toBe(out);
    expect(out.df).toBe(8);
  });

  describe('degenerate data give degenerate: true and pValue NaN without throwing', () => {
    it.each([
      ['both arms constant', [2, 2, 2], [2, 2, 2, 2]],
      ['both arms constant at different levels', [3, 3, 3], [1, 1]],
      ['one value in each arm (df 0)', [1], [2]],
      ['empty x', [], [1, 2, 3]],
      ['empty y', [1, 2], []],
    ])('%s', (_name, x, y) => {
      const r = studentT(x, y, two);
      expect(r.degenerate).toBe(true);
      expect(r.pValue).toBeNaN();
    });
  });
});
