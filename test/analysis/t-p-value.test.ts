import { describe, expect, it } from 'vitest';
import { tPValue } from '../../src/analysis/t-p-value.js';
import { cases, expectRel } from './r-fixture.js';

interface TTail {
  t: number;
  df: number;
  call: string;
  lower: number;
  upper: number;
  twoSided: number;
}

describe('tPValue', () => {
  for (const c of cases<TTail>('tTails')) {
    it(`matches R's pt() for t = ${c.t}, df = ${c.df}`, () => {
      // Expected values come from R's pt(t, df), pt(t, df, lower.tail = FALSE) and 2 * pt(-|t|, df).
      expectRel(tPValue(c.t, c.df, 2, 'higher'), c.twoSided, 'two-sided');
      expectRel(tPValue(c.t, c.df, 1, 'higher'), c.upper, 'upper');
      expectRel(tPValue(c.t, c.df, 1, 'lower'), c.lower, 'lower');
    });
  }

  it('keeps a far upper tail instead of rounding 1 − cdf to 0', () => {
    const p = tPValue(40, 30, 1, 'higher');
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-20);
  });

  it('ignores better for two-sided tests', () => {
    expect(tPValue(-2.3, 9, 2, 'lower')).toBe(tPValue(-2.3, 9, 2, 'higher'));
  });

  it('is NaN for NaN input', () => {
    expect(tPValue(NaN, 5, 2, 'higher')).toBeNaN();
  });
});
