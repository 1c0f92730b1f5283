import { chiSquare1UpperTail, zPValue } from './normal-p-value.js';
import { setDegenerate, setResult } from './result.js';
import { emptyTestResult, type CorrectableTestOptions, type TestResult } from './types.js';

const METHOD_YATES = "Pearson's chi-square test of two proportions, with Yates' continuity correction";
const METHOD_PLAIN = "Pearson's chi-square test of two proportions, without continuity correction";

/**
 * Pearson's chi-square test of a 2×2 table (x1 successes of n1 in treatment,
 * x2 of n2 in control), as R's `prop.test(c(x1, x2), c(n1, n2), correct =)`
 * (whose two-sided statistic and p-value equal `chisq.test` of the table).
 * With `continuityCorrection` Yates' correction is applied, capped as in R at
 * |p̂1 − p̂2| / (1/n1 + 1/n2) so it never overshoots. Statistic X², df 1.
 *
 * One-sided, as R's `prop.test(alternative =)`: the signed root
 * z = sign(p̂1 − p̂2)·√X² is referred to the normal distribution in the
 * `better` direction (`higher`: treatment proportion larger).
 *
 * Degenerate (`degenerate: true`, `pValue: NaN`, never a throw) when a margin is
 * zero — an empty arm, or no successes or no failures at all — since an
 * expected count is then 0 and X² is 0/0; also for counts outside 0 … n.
 *
 * @param x1 - treatment successes
 * @param n1 - treatment size
 * @param x2 - control successes
 * @param n2 - control size
 * @param opts - sidedness, direction of benefit and whether to apply Yates' correction
 * @param out - optional result object to fill and return instead of allocating
 */
export function chiSquare(x1: number, n1: number, x2: number, n2: number, opts: CorrectableTestOptions, out?: TestResult): TestResult {
  const res = out ?? emptyTestResult();
  const method = opts.continuityCorrection ? METHOD_YATES : METHOD_PLAIN;
  const m = x1 + x2;
  const N = n1 + n2;
  if (!(n1 >= 1 && n2 >= 1 && x1 >= 0 && x2 >= 0 && x1 <= n1 && x2 <= n2 && m > 0 && m < N)) {
    return setDegenerate(res, method, NaN, 1);
  }
  const p = m / N;
  const delta = x1 / n1 - x2 / n2;
  const yates = opts.continuityCorrection ? Math.min(0.5, Math.abs(delta) / (1 / n1 + 1 / n2)) : 0;
  // Cells in R's column-major order of cbind(x, n - x), each (|O − E| − Yates)² / E.
  const e1 = n1 * p;
  const e2 = n2 * p;
  const f1 = n1 * (1 - p);
  const f2 = n2 * (1 - p);
  const a = Math.abs(x1 - e1) - yates;
  const b = Math.abs(x2 - e2) - yates;
  const c = Math.abs(n1 - x1 - f1) - yates;
  const d = Math.abs(n2 - x2 - f2) - yates;
  const x2stat = (a * a) / e1 + (b * b) / e2 + (c * c) / f1 + (d * d) / f2;
  const pv = opts.sides === 2 ? chiSquare1UpperTail(x2stat) : zPValue(Math.sign(delta) * Math.sqrt(x2stat), 1, opts.better);
  return setResult(res, x2stat, pv, method, 1);
}
