import { chiSquare1UpperTail, zPValue } from './normal-p-value.js';
import { setDegenerate, setResult } from './result.js';
import { emptyTestResult, type CorrectableTestOptions, type TestResult } from './types.js';

const METHOD_CORRECTED = "McNemar's chi-square test with continuity correction";
const METHOD_PLAIN = "McNemar's chi-square test";

/**
 * McNemar's chi-square test for paired binary outcomes, as R's
 * `mcnemar.test(table, correct =)`: X² = (b − c)² / (b + c), or with Edwards'
 * continuity correction (|b − c| − 1)² / (b + c). As in R the correction is
 * skipped when b = c (it would push X² above 0), and `method` then says so.
 * Statistic X², df 1.
 *
 * One-sided (R's `mcnemar.test` has none): the signed root
 * z = sign(b − c)·√X² is referred to the normal distribution in the `better`
 * direction, the same construction as R's `prop.test(alternative =)`.
 *
 * Degenerate (`degenerate: true`, `pValue: NaN`, never a throw) when there are
 * no discordant pairs (b + c = 0: X² is 0/0) or a count is negative.
 *
 * @param b - pairs with treated site success and control site failure
 * @param c - pairs with treated site failure and control site success
 * @param opts - sidedness, direction of benefit (one-sided: b > c favours treatment when `better` is `higher`) and Edwards' correction
 * @param out - optional result object to fill and return instead of allocating
 */
export function mcnemar(b: number, c: number, opts: CorrectableTestOptions, out?: TestResult): TestResult {
  const res = out ?? emptyTestResult();
  const corrected = opts.continuityCorrection && b !== c;
  const method = corrected ? METHOD_CORRECTED : METHOD_PLAIN;
  if (!(b >= 0 && c >= 0 && b + c > 0)) return setDegenerate(res, method, NaN, 1);
  const y = corrected ? Math.abs(b - c) - 1 : b - c;
  const x2 = (y * y) / (b + c);
  const pv = opts.sides === 2 ? chiSquare1UpperTail(x2) : zPValue(Math.sign(b - c) * Math.sqrt(x2), 1, opts.better);
  return setResult(res, x2, pv, method, 1);
}
