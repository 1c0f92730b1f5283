import { setDegenerate, setResult } from './result.js';
import { summarize } from './sample-summary.js';
import { tPValue } from './t-p-value.js';
import { emptyTestResult, type SampleSummary, type TestOptions, type TestResult } from './types.js';

const METHOD = "Welch's two-sample t-test";
const EPS = Number.EPSILON;

/**
 * Welch–Satterthwaite degrees of freedom of the difference of two means with
 * unequal variances, computed in the same order as R's `t.test`
 * (`se⁴ / (se_x⁴/(n_x−1) + se_y⁴/(n_y−1))` with `se_x = √(v_x/n_x)`).
 *
 * @param vx - variance of the first sample (n − 1 denominator)
 * @param nx - size of the first sample, ≥ 2
 * @param vy - variance of the second sample
 * @param ny - size of the second sample, ≥ 2
 * @returns the degrees of freedom, between min(n_x, n_y) − 1 and n_x + n_y − 2;
 *   NaN when both variances are 0 (no information about the spread)
 */
export function welchDf(vx: number, nx: number, vy: number, ny: number): number {
  const sx = Math.sqrt(vx / nx);
  const sy = Math.sqrt(vy / ny);
  const se2 = sx * sx + sy * sy;
  const sx2 = sx * sx;
  const sy2 = sy * sy;
  return (se2 * se2) / ((sx2 * sx2) / (nx - 1) + (sy2 * sy2) / (ny - 1));
}

/**
 * Welch's two-sample t-test from summaries, as R's
 * `t.test(x, y, var.equal = FALSE)`: t = (mean_x − mean_y) / √(v_x/n_x + v_y/n_y)
 * with Welch–Satterthwaite df. The summary form exists so the engine can test
 * arms whose mean and variance it accumulated without storing the values.
 *
 * Degenerate (`degenerate: true`, `pValue: NaN`, never a throw) when either
 * sample has fewer than 2 values, or when the standard error is 0 or
 * negligible against the means (R's "data are essentially constant"), e.g. both
 * arms constant: the data then carry no information about the spread.
 *
 * @param x - treatment summary
 * @param y - control summary
 * @param opts - sidedness and direction of benefit (one-sided: treatment mean larger when `better` is `higher`)
 * @param out - optional result object to fill and return instead of allocating
 * @returns statistic t, its p-value and df
 */
export function welchTFromSummary(x: SampleSummary, y: SampleSummary, opts: TestOptions, out?: TestResult): TestResult {
  const res = out ?? emptyTestResult();
  const nx = x.n;
  const ny = y.n;
  if (!(nx >= 2 && ny >= 2)) return setDegenerate(res, METHOD);
  const sx = Math.sqrt(x.variance / nx);
  const sy = Math.sqrt(y.variance / ny);
  const sx2 = sx * sx;
  const sy2 = sy * sy;
  const se2 = sx2 + sy2;
  const se = Math.sqrt(se2);
  if (!(se > 0) || !Number.isFinite(se) || se < 10 * EPS * Math.max(Math.abs(x.mean), Math.abs(y.mean))) {
    return setDegenerate(res, METHOD);
  }
  const df = (se2 * se2) / ((sx2 * sx2) / (nx - 1) + (sy2 * sy2) / (ny - 1));
  const t = (x.mean - y.mean) / se;
  return setResult(res, t, tPValue(t, df, opts.sides, opts.better), METHOD, df);
}

const sumX: SampleSummary = { n: 0, mean: 0, variance: 0 };
const sumY: SampleSummary = { n: 0, mean: 0, variance: 0 };

/**
 * Welch's two-sample t-test on raw values, as R's `t.test(x, y)` (the default,
 * unequal variances). The usual test for two parallel arms of a continuous
 * endpoint, robust to unequal spread.
 *
 * Degenerate (`pValue: NaN`) for fewer than 2 values in either arm or both arms
 * (essentially) constant; see {@link welchTFromSummary}.
 *
 * @param x - treatment values
 * @param y - control values
 * @param opts - sidedness and direction of benefit
 * @param out - optional result object to fill and return instead of allocating
 */
export function welchT(x: ArrayLike<number>, y: ArrayLike<number>, opts: TestOptions, out?: TestResult): TestResult {
  return welchTFromSummary(summarize(x, sumX), summarize(y, sumY), opts, out);
}
