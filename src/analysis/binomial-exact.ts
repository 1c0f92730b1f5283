import { binomialNull, binomialTwoSided } from './binomial-null.js';
import { setDegenerate, setResult } from './result.js';
import { emptyTestResult, type OneSampleTestOptions, type TestResult } from './types.js';

const METHOD = 'Exact binomial test';

/**
 * Exact binomial test of x successes in n trials against the success
 * probability `opts.nullValue`, as R's `binom.test(x, n, p = nullValue)`:
 * statistic x; one-sided P(X ≥ x) (`better: 'higher'`) or P(X ≤ x); two-sided
 * by R's rule of summing all outcomes no more likely than x (relative
 * tolerance 1 + 1e-7). For single-arm response rates against a benchmark.
 * Null distributions are memoized per (n, p).
 *
 * Degenerate (`degenerate: true`, `pValue: NaN`, never a throw) when n < 1 (R
 * refuses n = 0), or when x, n or the null probability are outside their range
 * (x an integer in 0 … n, 0 ≤ p ≤ 1).
 *
 * @param x - number of successes
 * @param n - number of trials
 * @param opts - sidedness, direction of benefit and the null success probability `nullValue`
 * @param out - optional result object to fill and return instead of allocating
 */
export function binomialExact(x: number, n: number, opts: OneSampleTestOptions, out?: TestResult): TestResult {
  const res = out ?? emptyTestResult();
  const p = opts.nullValue;
  if (!(n >= 1 && x >= 0 && x <= n && Number.isInteger(x) && Number.isInteger(n) && p >= 0 && p <= 1)) {
    return setDegenerate(res, METHOD, x);
  }
  const t = binomialNull(n, p);
  let pv: number;
  if (opts.sides === 2) pv = binomialTwoSided(t, x);
  else pv = opts.better === 'higher' ? t.upper[x] : t.lower[x];
  return setResult(res, x, pv, METHOD, undefined);
}
