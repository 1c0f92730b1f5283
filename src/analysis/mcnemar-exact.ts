import { binomialNull, binomialTwoSided } from './binomial-null.js';
import { setDegenerate, setResult } from './result.js';
import { emptyTestResult, type TestOptions, type TestResult } from './types.js';

const METHOD = 'Exact McNemar test (binomial test of the discordant pairs)';

/**
 * Exact McNemar test for paired binary outcomes: given b + c discordant
 * pairs, b ~ Binomial(b + c, 1/2) under the null, tested as R's
 * `binom.test(b, b + c, p = 0.5)`. Statistic b. Preferred over the chi-square
 * McNemar test when discordant pairs are few.
 *
 * With no discordant pairs (b + c = 0) the data show no difference at all, so
 * the p-value is 1 and the result is not degenerate (R's `binom.test` would
 * refuse n = 0). Degenerate (`pValue: NaN`, never a throw) only for negative or
 * non-integer counts.
 *
 * @param b - pairs with treated site success and control site failure
 * @param c - pairs with treated site failure and control site success
 * @param opts - sidedness and direction of benefit (one-sided: b large when `better` is `higher`)
 * @param out - optional result object to fill and return instead of allocating
 */
export function mcnemarExact(b: number, c: number, opts: TestOptions, out?: TestResult): TestResult {
  const res = out ?? emptyTestResult();
  if (!(b >= 0 && c >= 0 && Number.isInteger(b) && Number.isInteger(c))) return setDegenerate(res, METHOD, b);
  const n = b + c;
  if (n === 0) return setResult(res, b, 1, METHOD, undefined);
  const t = binomialNull(n, 0.5);
  let pv: number;
  if (opts.sides === 2) pv = binomialTwoSided(t, b);
  else pv = opts.better === 'higher' ? t.upper[b] : t.lower[b];
  return setResult(res, b, pv, METHOD, undefined);
}
