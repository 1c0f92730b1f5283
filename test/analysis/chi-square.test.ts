import { describe, expect, it } from 'vitest';
import { chiSquare } from '../../src/analysis/chi-square.js';
import { emptyTestResult, type CorrectableTestOptions } from '../../src/analysis/types.js';
import { cases, expectRel, label, type RCase } from './r-fixture.js';

interface Case extends RCase {
  x1: number;
  n1: number;
  x2: number;
  n2: number;
  continuityCorrection: boolean;
}

const two: CorrectableTestOptions = { sides: 2, better: 'higher', continuityCorrection: true };

describe('chiSquare', () => {
  for (const c of cases<Case>('chiSquare')) {
    it(`matches R's prop.test — ${label(c)}`, () => {
      // X-squared and the p-value come from R's prop.test(c(x1, x2), c(n1, n2), correct =, alternative =).
      const r = chiSquare(c.x1, c.n1, c.x2, c.n2, c);
      expectRel(r.statistic, c.statistic, 'X-squared');
      expectRel(r.pValue, c.pValue, 'p');
      expect(r.df).toBe(1);
    });
  }
  for (const c of cases<Case>('chisqTest')) {
    it(`matches R's chisq.test — ${label(c)}`, () => {
      // X-squared and the p-value come from R's chisq.test(matrix(c(x1, x2, n1 - x1, n2 - x2), 2), correct =).
      const r = chiSquare(c.x1, c.n1, c.x2, c.n2, c);
      expectRel(r.statistic, c.statistic, 'X-squared');
      expectRel(r.pValue, c.pValue, 'p');
    });
  }

  it('says whether Yates’ correction was applied', () => {
    expect(chiSquare(3, 10, 7, 10, two).method).toContain('Yates');
    expect(chiSquare(3, 10, 7, 10, { ...two, continuityCorrection: false }).method).toContain('without');
  });

  it('fills and returns the out object it is given', () => {
    const out = emptyTestResult();
    expect(chiSquare(3, 10, 7, 10, two, out)).toBe(out);
    expect(chiSquare(0, 10, 0, 10, two, out)).toBe(out);
    expect(out.degenerate).toBe(true);
  });

  describe('a zero margin gives degenerate: true and pValue NaN without throwing', () => {
    it.each([
      ['no successes', 0, 10, 0, 12],
      ['no failures', 10, 10, 12, 12],
      ['empty treatment arm', 0, 0, 3, 10],
      ['empty control arm', 2, 10, 0, 0],
      ['more successes than patients', 11, 10, 3, 10],
    ])('%s', (_name, x1, n1, x2, n2) => {
      for (const continuityCorrection of [true, false]) {
        const r = chiSquare(x1, n1, x2, n2, { ...two, continuityCorrection });
        expect(r.degenerate).toBe(true);
        expect(r.pValue).toBeNaN();
      }
    });
  });
});
