import { describe, expect, it } from 'vitest';
import { mcnemarExact } from '../../src/analysis/mcnemar-exact.js';
import { emptyTestResult, type TestOptions } from '../../src/analysis/types.js';
import { cases, expectRel, label, type RCase } from './r-fixture.js';

interface Case extends RCase {
  b: number;
  c: number;
}

const two: TestOptions = { sides: 2, better: 'higher' };

describe('mcnemarExact', () => {
  for (const c of cases<Case>('mcnemarExact')) {
    it(`matches R's binom.test(b, b + c, 0.5) — ${label(c)}`, () => {
      // The statistic (b) and p-value come from R's binom.test(b, b + c, p = 0.5, alternative =).
      const r = mcnemarExact(c.b, c.c, c);
      expect(r.statistic).toBe(c.statistic);
      expectRel(r.pValue, c.pValue, 'p');
    });
  }

  it('gives p = 1 (not degenerate) without discordant pairs', () => {
    for (const sides of [1, 2] as const) {
      const r = mcnemarExact(0, 0, { sides, better: 'lower' });
      expect(r.pValue).toBe(1);
      expect(r.degenerate).toBe(false);
    }
  });

  it('fills and returns the out object it is given', () => {
    const out = emptyTestResult();
    expect(mcnemarExact(8, 2, two, out)).toBe(out);
  });

  it('is degenerate (pValue NaN, no throw) for impossible counts', () => {
    const r = mcnemarExact(-1, 3, two);
    expect(r.degenerate).toBe(true);
    expect(r.pValue).toBeNaN();
  });
});
