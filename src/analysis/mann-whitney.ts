import { zPValue } from './normal-p-value.js';
import { rankSumOfSorted, type RankSumScratch } from './rank-sum.js';
import { setDegenerate, setResult } from './result.js';
import { ensureCapacity } from './scratch.js';
import { sortPrefix } from './sort.js';
import { emptyTestResult, type TestOptions, type TestResult } from './types.js';
import { rankSumLowerTail, rankSumUpperTail } from './wilcoxon-null.js';

const METHOD_EXACT = 'Wilcoxon–Mann–Whitney rank-sum test, exact';
const METHOD_NORMAL = 'Wilcoxon–Mann–Whitney rank-sum test, normal approximation with tie and continuity correction';
const METHOD = 'Wilcoxon–Mann–Whitney rank-sum test';

/** R's `wilcox.test` uses the exact distribution only below this size in both groups. */
const EXACT_LIMIT = 50;

let bufX = new Float64Array(64);
let bufY = new Float64Array(64);
const ranks: RankSumScratch = { rankSum: 0, tieTerm: 0 };

/**
 * The p-value step shared by the continuous and the category-count forms,
 * following R's `wilcox.test.default` branch by branch.
 */
function finish(rankSumX: number, tieTerm: number, nx: number, ny: number, opts: TestOptions, out: TestResult): TestResult {
  const w = rankSumX - (nx * (nx + 1)) / 2;
  const half = (nx * ny) / 2;
  if (nx < EXACT_LIMIT && ny < EXACT_LIMIT && tieTerm === 0) {
    let p: number;
    if (opts.sides === 2) {
      p = w > half ? rankSumUpperTail(w, nx, ny) : rankSumLowerTail(w, nx, ny);
      p = Math.min(2 * p, 1);
    } else {
      p = opts.better === 'higher' ? rankSumUpperTail(w, nx, ny) : rankSumLowerTail(w, nx, ny);
    }
    return setResult(out, w, p, METHOD_EXACT, undefined);
  }
  const z0 = w - half;
  const nn = nx + ny;
  const sigma = Math.sqrt(((nx * ny) / 12) * (nn + 1 - tieTerm / (nn * (nn - 1))));
  // Every value tied: the statistic cannot vary, and R's z would be 0/0.
  if (!(sigma > 0)) return setDegenerate(out, METHOD_NORMAL, w);
  const correction = opts.sides === 2 ? Math.sign(z0) * 0.5 : opts.better === 'higher' ? 0.5 : -0.5;
  const z = (z0 - correction) / sigma;
  return setResult(out, w, zPValue(z, opts.sides, opts.better), METHOD_NORMAL, undefined);
}

/**
 * Wilcoxon–Mann–Whitney rank-sum test of two independent samples, matching R's
 * `wilcox.test(x, y)` defaults exactly: statistic W = U of x (rank sum of x
 * minus n_x(n_x+1)/2); the exact null distribution when both samples have
 * fewer than 50 values and there are no ties; otherwise the normal
 * approximation with tie correction and continuity correction. `method` says
 * which branch was taken. For continuous endpoints whose distribution is not
 * trusted to be normal.
 *
 * Degenerate (`degenerate: true`, `pValue: NaN`, never a throw) when either
 * sample is empty, or when all values are tied (the statistic has no spread).
 * Values must be finite. Exact null distributions are memoized per (n_x, n_y).
 *
 * @param x - treatment values
 * @param y - control values
 * @param opts - sidedness and direction of benefit (one-sided: treatment values larger when `better` is `higher`)
 * @param out - optional result object to fill and return instead of allocating
 */
export function mannWhitney(x: ArrayLike<number>, y: ArrayLike<number>, opts: TestOptions, out?: TestResult): TestResult {
  const res = out ?? emptyTestResult();
  const nx = x.length;
  const ny = y.length;
  if (nx < 1 || ny < 1) return setDegenerate(res, METHOD);
  bufX = ensureCapacity(bufX, nx);
  bufY = ensureCapacity(bufY, ny);
  const a = bufX;
  const b = bufY;
  for (let i = 0; i < nx; i++) a[i] = x[i];
  for (let i = 0; i < ny; i++) b[i] = y[i];
  sortPrefix(a, nx);
  sortPrefix(b, ny);
  rankSumOfSorted(a, nx, b, ny, ranks);
  return finish(ranks.rankSum, ranks.tieTerm, nx, ny, opts, res);
}

/**
 * Wilcoxon–Mann–Whitney rank-sum test of an ordinal endpoint given as
 * category counts, identical to R's
 * `wilcox.test(rep(0:(K-1), countsX), rep(0:(K-1), countsY))`. Works in O(K)
 * with no sorting, because the ranks of tied categories follow from the counts.
 *
 * Categories are ordered worst (index 0) to best, and the category index is
 * the value being ranked: a one-sided test with `better: 'higher'` asks whether
 * the treatment lands in better categories. Ties make the normal branch the
 * usual one; the exact branch applies only when every category holds at most
 * one patient and both groups are below 50.
 *
 * Degenerate (`degenerate: true`, `pValue: NaN`, never a throw) when either
 * group is empty or all patients share one category.
 *
 * @param countsX - treatment counts per category, worst first
 * @param countsY - control counts per category, same categories (same length)
 * @param opts - sidedness and direction of benefit
 * @param out - optional result object to fill and return instead of allocating
 */
export function mannWhitneyFromCounts(
  countsX: ArrayLike<number>,
  countsY: ArrayLike<number>,
  opts: TestOptions,
  out?: TestResult,
): TestResult {
  const res = out ?? emptyTestResult();
  const k = Math.min(countsX.length, countsY.length);
  let nx = 0;
  let ny = 0;
  let pos = 0;
  let rankSumX = 0;
  let tieTerm = 0;
  for (let c = 0; c < k; c++) {
    const cx = countsX[c];
    const cy = countsY[c];
    const t = cx + cy;
    rankSumX += cx * (pos + (t + 1) / 2);
    if (t > 1) tieTerm += t * t * t - t;
    pos += t;
    nx += cx;
    ny += cy;
  }
  if (nx < 1 || ny < 1) return setDegenerate(res, METHOD);
  return finish(rankSumX, tieTerm, nx, ny, opts, res);
}
