import { oneSampleTCore } from './one-sample-t.js';
import { setDegenerate } from './result.js';
import { summarizeDifferences } from './sample-summary.js';
import { emptyTestResult, type PairedTestOptions, type SampleSummary, type TestResult } from './types.js';

const METHOD = 'Paired t-test';

/**
 * Paired t-test from the summary of the treated − control differences, as R's
 * `t.test(x, y, paired = TRUE, mu = nullValue)`; `nullValue` defaults to 0.
 * Lets the engine test within-patient designs from running sums.
 *
 * Degenerate (`degenerate: true`, `pValue: NaN`, never a throw) when there are
 * fewer than 2 pairs or the differences are (essentially) constant.
 *
 * @param diff - summary of the differences treated − control
 * @param opts - sidedness, direction of benefit (one-sided: treated site larger when `better` is `higher`), optional `nullValue`
 * @param out - optional result object to fill and return instead of allocating
 */
export function pairedTFromSummary(diff: SampleSummary, opts: PairedTestOptions, out?: TestResult): TestResult {
  return oneSampleTCore(diff, opts.nullValue ?? 0, opts, METHOD, out ?? emptyTestResult());
}

const scratch: SampleSummary = { n: 0, mean: 0, variance: 0 };

/**
 * Paired t-test on the two sites of each patient, as R's
 * `t.test(x, y, paired = TRUE)`: a one-sample t-test of x[i] − y[i]. For
 * within-patient designs (e.g. left/right half of the scalp), where the
 * between-site correlation makes it more powerful than a two-sample test.
 *
 * Degenerate as {@link pairedTFromSummary}, and also when `x` and `y` differ in
 * length (the pairing is broken, so no result would be meaningful).
 *
 * @param x - treated-site values
 * @param y - control-site values, same patient order
 * @param opts - sidedness, direction of benefit, optional `nullValue`
 * @param out - optional result object to fill and return instead of allocating
 */
export function pairedT(x: ArrayLike<number>, y: ArrayLike<number>, opts: PairedTestOptions, out?: TestResult): TestResult {
  const res = out ?? emptyTestResult();
  if (x.length !== y.length) return setDegenerate(res, METHOD);
  return oneSampleTCore(summarizeDifferences(x, y, scratch), opts.nullValue ?? 0, opts, METHOD, res);
}
