import { describe, expect, it } from 'vitest';
import { chiSquare1UpperTail, zPValue } from '../../src/analysis/normal-p-value.js';
import { cases, expectRel } from './r-fixture.js';

interface ZTail {
  z: number;
  call: string;
  lower: number;
  upper: number;
  twoSided: number;
  chisq1Upper: number;
}

describe('zPValue and chiSquare1UpperTail', () => {
  for (const c of cases<ZTail>('zTails')) {
    it(`match R's pnorm() and pchisq(lower.tail = FALSE) for z = ${c.z}`, () => {
      // Expected values come from R's pnorm(z), pnorm(z, lower.tail = FALSE) and pchisq(z^2, 1, lower.tail = FALSE).
      expectRel(zPValue(c.z, 2, 'higher'), c.twoSided, 'two-sided');
      expectRel(zPValue(c.z, 1, 'higher'), c.upper, 'upper');
      expectRel(zPValue(c.z, 1, 'lower'), c.lower, 'lower');
      expectRel(chiSquare1UpperTail(c.z * c.z), c.chisq1Upper, 'chi-square(1) upper tail');
    });
  }

  it('gives 1 at chi-square 0', () => {
    expect(chiSquare1UpperTail(0)).toBe(1);
  });
});
