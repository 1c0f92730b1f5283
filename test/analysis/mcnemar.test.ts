import { describe, expect, it } from 'vitest';
import { mcnemar } from '../../src/analysis/mcnemar.js';
import { emptyTestResult, type CorrectableTestOptions } from '../../src/analysis/types.js';
import { cases, expectRel, label, type RCase } from './r-fixture.js';

interface Case extends RCase {
  b: number;
  c: number;
  continuityCorrection: boolean;
  rMethod: string;
}

const two: CorrectableTestOptions = { sides: 2, better: 'higher', continuityCorrection: true };

describe('mcnemar', () => {
  for (const c of cases<Case>('mcnemar')) {
    it(`matches R's mcnemar.test — ${label(c)}`, () => {
      // X-squared comes from R's mcnemar.test(correct =); two-sided p from it too, one-sided p from
      // R's pnorm of the signed root of that statistic (mcnemar.test itself has no alternative).
      const r = mcnemar(c.b, c.c, c);
      expectRel(r.statistic, c.statistic, "McNemar's chi-squared");
      expectRel(r.pValue, c.pValue, 'p');
      expect(r.df).toBe(1);
      expect(r.method.includes('continuity correction')).toBe(c.rMethod.includes('continuity correction'));
    });
  }

  it('fills and returns the out object it is given', () => {
    const out = emptyTestResult();
    expect(mcnemar(8, 2, two, out)).toBe(out);
    expect(mcnemar(0, 0, two, out)).toBe(out);
  });

  it('is degenerate (pValue NaN, no throw) without discordant pairs', () => {
    for (const continuityCorrection of [true, false]) {
      for (const sides of [1, 2] as const) {
        const r = mcnemar(0, 0, { sides, better: 'higher', continuityCorrection });
        expect(r.degenerate).toBe(true);
        expect(r.pValue).toBeNaN();
      }
    }
  });
});
