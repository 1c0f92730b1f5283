import { describe, expect, it } from 'vitest';
import { binomialExact } from '../../src/analysis/binomial-exact.js';
import { emptyTestResult, type OneSampleTestOptions } from '../../src/analysis/types.js';
import { cases, expectRel, label, type RCase } from './r-fixture.js';

interface Case extends RCase {
  x: number;
  n: number;
  nullValue: number;
}

const two: OneSampleTestOptions = { sides: 2, better: 'higher', nullValue: 0.3 };

describe('binomialExact', () => {
  for (const c of cases<Case>('binomialExact')) {
    it(`matches R's binom.test — ${label(c)}`, () => {
      // The statistic (x) and p-value come from R's binom.test(x, n, p = nullValue, alternative =).
      const r = binomialExact(c.x, c.n, c);
      expect(r.statistic).toBe(c.statistic);
      expectRel(r.pValue, c.pValue, 'p');
    });
  }

  it('returns the same memoized answer on repeated calls', () => {
    const first = binomialExact(4, 23, two).pValue;
    binomialExact(9, 23, two);
    binomialExact(4, 23, { ...two, nullValue: 0.31 });
    expect(binomialExact(4, 23, two).pValue).toBe(first);
  });

  it('fills and returns the out object it is given', () => {
    const out = emptyTestResult();
    expect(binomialExact(3, 10, two, out)).toBe(out);
    expect(binomialExact(0, 0, two, out)).toBe(out);
    expect(out.degenerate).toBe(true);
  });

  describe('degenerate data give degenerate: true and pValue NaN without throwing', () => {
    it.each([
      ['no trials', 0, 0, 0.3],
      ['more successes than trials', 5, 4, 0.3],
      ['non-integer count', 1.5, 4, 0.3],
      ['null probability above 1', 2, 4, 1.2],
    ])('%s', (_name, x, n, nullValue) => {
      const r = binomialExact(x, n, { ...two, nullValue });
      expect(r.degenerate).toBe(true);
      expect(r.pValue).toBeNaN();
    });
  });
});
