import { zPValue } from './normal-p-value.js';
import { rankSumOfSorted, type RankSumScratch } from './rank-sum.js';
import { setDegenerate, setResult } from './result.js';
import { ensureCapacity } from './scratch.js';
import { sortPrefix } from './sort.js';
import { emptyTestResult, type OneSampleTestOptions, type PairedTestOptions, type TestResult } from './types.js';
import { signedRankLowerTail, signedRankUpperTail } from './wilcoxon-null.js';

const METHOD_EXACT = 'Wilcoxon signed-rank test, exact';
const METHOD_NORMAL = 'Wilcoxon signed-rank test, normal approximation with tie and continuity correction';
const METHOD = 'Wilcoxon signed-rank test';

/** R's `wilcox.test` uses the exact distribution only below this many non-zero values. */
const EXACT_LIMIT = 50;

let bufPos = new Float64Array(64);
let bufNeg = new Float64Array(64);
const ranks: RankSumScratch = { rankSum: 0, tieTerm: 0 };

/**
 * Shared core: `x[i] − y[i] − mu` (or `x[i] − mu` when `y` is null), with the
 * subtractions in R's order so that zeros and ties are detected exactly as R
 * detects them. Positive and negative values go to separate buffers as
 * absolute values; the rank sum of the positives within the pooled absolute
 * values is V, computed by the same merge as the rank-sum test.
 */
function signedRank(x: ArrayLike<number>, y: ArrayLike<number> | null, mu: number, opts: PairedTestOptions, out: TestResult): TestResult {
  const len = x.length;
  if (len < 1) return setDegenerate(out, METHOD);
  bufPos = ensureCapacity(bufPos, len);
  bufNeg = ensureCapacity(bufNeg, len);
  const pos = bufPos;
  const neg = bufNeg;
  let np = 0;
  let nm = 0;
  let zeros = false;
  for (let i = 0; i < len; i++) {
    const d = (y === null ? x[i] : x[i] - y[i]) - mu;
    if (d > 0) pos[np++] = d;
    else if (d < 0) neg[nm++] = -d;
    else zeros = true;
  }
  const n = np + nm;
  // Every value equals the null value: after R drops zeros nothing is left to rank.
  if (n === 0) return setDegenerate(out, METHOD_NORMAL, 0);
  sortPrefix(pos, np);
  sortPrefix(neg, nm);
  rankSumOfSorted(pos, np, neg, nm, ranks);
  const v = ranks.rankSum;
  if (n < EXACT_LIMIT && ranks.tieTerm === 0 && !zeros) {
    let p: number;
    if (opts.sides === 2) {
      p = v > (n * (n + 1)) / 4 ? signedRankUpperTail(v, n) : signedRankLowerTail(v, n);
      p = Math.min(2 * p, 1);
    } else {
      p = opts.better === 'higher' ? signedRankUpperTail(v, n) : signedRankLowerTail(v, n);
    }
    return setResult(out, v, p, METHOD_EXACT, undefined);
  }
  const z0 = v - (n * (n + 1)) / 4;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - ranks.tieTerm / 48);
  const correction = opts.sides === 2 ? Math.sign(z0) * 0.5 : opts.better === 'higher' ? 0.5 : -0.5;
  const z = (z0 - correction) / sigma;
  return setResult(out, v, zPValue(z, opts.sides, opts.better), METHOD_NORMAL, undefined);
}

/**
 * Wilcoxon signed-rank test of `x − nullValue`, matching R's
 * `wilcox.test(x, mu = nullValue)` defaults exactly: zeros are dropped;
 * statistic V = sum of the ranks of |x − nullValue| over the positive values;
 * the exact null distribution when fewer than 50 values remain and there were
 * no ties and no zeros; otherwise the normal approximation with tie correction
 * and continuity correction. `method` says which branch was taken. For a single
 * arm's change from baseline, or for paired differences computed by the caller.
 *
 * Degenerate (`degenerate: true`, `pValue: NaN`, never a throw) when `x` is
 * empty or every value equals `nullValue`. Values must be finite. Exact null
 * distributions are memoized per n.
 *
 * @param x - the values
 * @param opts - sidedness, direction of benefit (one-sided: values above `nullValue` when `better` is `higher`) and `nullValue`
 * @param out - optional result object to fill and return instead of allocating
 */
export function wilcoxonSignedRank(x: ArrayLike<number>, opts: OneSampleTestOptions, out?: TestResult): TestResult {
  return signedRank(x, null, opts.nullValue, opts, out ?? emptyTestResult());
}

/**
 * Wilcoxon signed-rank test of the paired differences treated − control, as
 * R's `wilcox.test(x, y, paired = TRUE, mu = nullValue)` (`nullValue` defaults
 * to 0). Avoids materializing the differences. Branches and degenerate cases as
 * {@link wilcoxonSignedRank}; also degenerate when `x` and `y` differ in length.
 *
 * @param x - treated-site values
 * @param y - control-site values, same patient order
 * @param opts - sidedness, direction of benefit (one-sided: treated site larger when `better` is `higher`), optional `nullValue`
 * @param out - optional result object to fill and return instead of allocating
 */
export function wilcoxonSignedRankPaired(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  opts: PairedTestOptions,
  out?: TestResult,
): TestResult {
  const res = out ?? emptyTestResult();
  if (x.length !== y.length) return setDegenerate(res, METHOD);
  return signedRank(x, y, opts.nullValue ?? 0, opts, res);
}
