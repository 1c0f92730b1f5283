import hcdf from '@stdlib/stats-base-dists-hypergeometric-cdf';
import { describe, expect, it } from 'vitest';
import { fisherExact } from '../../src/analysis/fisher-exact.js';
import { emptyTestResult, type TestOptions } from '../../src/analysis/types.js';
import { cases, expectRel, label, type RCase } from './r-fixture.js';

interface Case extends RCase {
  x1: number;
  n1: number;
  x2: number;
  n2: number;
}

const two: TestOptions = { sides: 2, better: 'higher' };
const greater: TestOptions = { sides: 1, better: 'higher' };
const less: TestOptions = { sides: 1, better: 'lower' };

describe('fisherExact', () => {
  for (const c of cases<Case>('fisherExact')) {
    it(`matches R's fisher.test — ${label(c)}`, () => {
      // The p-value comes from R's fisher.test on the 2x2 table (R reports no statistic; ours is x1).
      const r = fisherExact(c.x1, c.n1, c.x2, c.n2, c);
      expectRel(r.pValue, c.pValue, 'p');
      expect(r.statistic).toBe(c.x1);
      expect(r.degenerate).toBe(false);
    });
  }

  it('memoized tails agree with stdlib hypergeometric CDFs over a whole 41 × 41 decision table', () => {
    const n1 = 40;
    const n2 = 40;
    for (let x1 = 0; x1 <= n1; x1++) {
      for (let x2 = 0; x2 <= n2; x2++) {
        const m = x1 + x2;
        const N = n1 + n2;
        // Lower tail P(X <= x1); upper tail via the failures, P(n1 - X <= n1 - x1).
        const lower = hcdf(x1, N, m, n1);
        const upper = hcdf(n1 - x1, N, N - m, n1);
        expectRel(fisherExact(x1, n1, x2, n2, less).pValue, Math.min(1, lower), `lower ${x1}/${x2}`, 1e-9);
        expectRel(fisherExact(x1, n1, x2, n2, greater).pValue, Math.min(1, upper), `upper ${x1}/${x2}`, 1e-9);
        const p2 = fisherExact(x1, n1, x2, n2, two).pValue;
        expect(p2).toBeGreaterThan(0);
        expect(p2).toBeLessThanOrEqual(1);
        // Two-sided is symmetric under swapping the arms.
        expect(fisherExact(x2, n2, x1, n1, two).pValue).toBeCloseTo(p2, 14);
      }
    }
  });

  it('fills and returns the out object it is given', () => {
    const out = emptyTestResult();
    expect(fisherExact(3, 10, 7, 10, two, out)).toBe(out);
    expect(fisherExact(0, 0, 7, 10, two, out)).toBe(out);
    expect(out.degenerate).toBe(true);
  });

  it('gives p = 1 when no one (or everyone) succeeded, as R', () => {
    expect(fisherExact(0, 6, 0, 9, two).pValue).toBe(1);
    expect(fisherExact(6, 6, 9, 9, greater).pValue).toBe(1);
  });

  describe('degenerate data give degenerate: true and pValue NaN without throwing', () => {
    it.each([
      ['empty treatment arm', 0, 0, 3, 10],
      ['empty control arm', 2, 10, 0, 0],
      ['more successes than patients', 11, 10, 3, 10],
      ['negative count', -1, 10, 3, 10],
    ])('%s', (_name, x1, n1, x2, n2) => {
      const r = fisherExact(x1, n1, x2, n2, two);
      expect(r.degenerate).toBe(true);
      expect(r.pValue).toBeNaN();
    });
  });
});
