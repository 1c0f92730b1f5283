import { setDegenerate, setResult } from './result.js';
import { summarize } from './sample-summary.js';
import { tPValue } from './t-p-value.js';
import { emptyTestResult, type SampleSummary, type TestOptions, type TestResult } from './types.js';

const METHOD = "Student's two-sample t-test (pooled variance)";
const EPS = Number.EPSILON;

/**
 * Student's two-sample t-test with pooled variance from summaries, as R's
 * `t.test(x, y, var.equal = TRUE)`: df = n_x + n_y − 2.
 *
 * As in R, one arm may hold a single value (its variance is then ignored and
 * the spread comes from the other arm) as long as df ≥ 1. Degenerate
 * (`degenerate: true`, `pValue: NaN`, never a throw) when an arm is empty,
 * n_x + n_y < 3, or the pooled standard error is 0 or negligible against the
 * means (R's "data are essentially constant").
 *
 * @param x - treatment summary (its `variance` is unused when n = 1)
 * @param y - control summary
 * @param opts - sidedness and direction of benefit (one-sided: treatment mean larger when `better` is `higher`)
 * @param out - optional result object to fill and return instead of allocating
 */
export function studentTFromSummary(x: SampleSummary, y: SampleSummary, opts: TestOptions, out?: TestResult): TestResult {
  const res = out ?? emptyTestResult();
  const nx = x.n;
  const ny = y.n;
  if (!(nx >= 1 && ny >= 1 && nx + ny >= 3)) return setDegenerate(res, METHOD);
  const df = nx + ny - 2;
  let v = 0;
  if (nx > 1) v += (nx - 1) * x.variance;
  if (ny > 1) v += (ny - 1) * y.variance;
  v /= df;
  const se = Math.sqrt(v * (1 / nx + 1 / ny));
  if (!(se > 0) || !Number.isFinite(se) || se < 10 * EPS * Math.max(Math.abs(x.mean), Math.abs(y.mean))) {
    return setDegenerate(res, METHOD, NaN, df);
  }
  const t = (x.mean - y.mean) / se;
  return setResult(res, t, tPValue(t, df, opts.sides, opts.better), METHOD, df);
}

const sumX: SampleSummary = { n: 0, mean: 0, variance: 0 };
const sumY: SampleSummary = { n: 0, mean: 0, variance: 0 };

/**
 * Student's two-sample t-test with pooled variance on raw values, as R's
 * `t.test(x, y, var.equal = TRUE)`; for designs that assume equal spread in
 * both arms. Degenerate cases as {@link studentTFromSummary}.
 *
 * @param x - treatment values
 * @param y - control values
 * @param opts - sidedness and direction of benefit
 * @param out - optional result object to fill and return instead of allocating
 */
export function studentT(x: ArrayLike<number>, y: ArrayLike<number>, opts: TestOptions, out?: TestResult): TestResult {
  return studentTFromSummary(summarize(x, sumX), summarize(y, sumY), opts, out);
}
