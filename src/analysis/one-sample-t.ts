import { setDegenerate, setResult } from './result.js';
import { summarize } from './sample-summary.js';
import { tPValue } from './t-p-value.js';
import { emptyTestResult, type OneSampleTestOptions, type SampleSummary, type TestOptions, type TestResult } from './types.js';

const METHOD = 'One-sample t-test';
const EPS = Number.EPSILON;

/**
 * The one-sample t computation shared with the paired test (which is a
 * one-sample test of the differences); `method` labels the result.
 * Degenerate as R's `t.test` errors: n < 2, or a standard error that is 0 or
 * negligible against the mean.
 */
export function oneSampleTCore(s: SampleSummary, nullValue: number, opts: TestOptions, method: string, out: TestResult): TestResult {
  const n = s.n;
  if (!(n >= 2)) return setDegenerate(out, method);
  const df = n - 1;
  const se = Math.sqrt(s.variance / n);
  if (!(se > 0) || !Number.isFinite(se) || se < 10 * EPS * Math.abs(s.mean)) return setDegenerate(out, method, NaN, df);
  const t = (s.mean - nullValue) / se;
  return setResult(out, t, tPValue(t, df, opts.sides, opts.better), method, df);
}

/**
 * One-sample t-test of the mean against `opts.nullValue` from a summary, as R's
 * `t.test(x, mu = nullValue)`: t = (mean − nullValue) / √(v/n), df = n − 1.
 * For single-arm designs with a continuous change from baseline.
 *
 * Degenerate (`degenerate: true`, `pValue: NaN`, never a throw) when n < 2 or
 * the sample is (essentially) constant: there is no estimate of the spread.
 *
 * @param s - sample summary
 * @param opts - sidedness, direction of benefit (one-sided: mean above `nullValue` when `better` is `higher`) and `nullValue`
 * @param out - optional result object to fill and return instead of allocating
 */
export function oneSampleTFromSummary(s: SampleSummary, opts: OneSampleTestOptions, out?: TestResult): TestResult {
  return oneSampleTCore(s, opts.nullValue, opts, METHOD, out ?? emptyTestResult());
}

const scratch: SampleSummary = { n: 0, mean: 0, variance: 0 };

/**
 * One-sample t-test on raw values, as R's `t.test(x, mu = nullValue)`.
 * Degenerate cases as {@link oneSampleTFromSummary}.
 *
 * @param x - the values (e.g. changes from baseline)
 * @param opts - sidedness, direction of benefit and `nullValue`
 * @param out - optional result object to fill and return instead of allocating
 */
export function oneSampleT(x: ArrayLike<number>, opts: OneSampleTestOptions, out?: TestResult): TestResult {
  return oneSampleTCore(summarize(x, scratch), opts.nullValue, opts, METHOD, out ?? emptyTestResult());
}
