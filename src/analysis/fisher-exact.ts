import hpmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import { setDegenerate, setResult } from './result.js';
import { emptyTestResult, type TestOptions, type TestResult } from './types.js';

const METHOD = "Fisher's exact test";

/** R's `fisher.test` tolerance for "as or less likely than the observed table". */
const REL_ERR = 1 + 1e-7;
/** Arm sizes below this share one small-integer cache key; larger arms are computed without caching. */
const KEY_LIMIT = 32768;
/** Total cached table entries above which the cache is emptied (bounds memory in long sweeps). */
const MAX_CACHED_ENTRIES = 1 << 22;

/**
 * Conditional null distribution of x1 given the margins (n1, n2, m = x1 + x2):
 * x1 ~ Hypergeometric(population n1 + n2, m successes, n1 draws), over its
 * support lo … hi.
 */
interface Margin {
  lo: number;
  /** P(x1 = lo + i). */
  pmf: Float64Array;
  /** Σ pmf over the whole support, the normalizer R applies in the two-sided sum. */
  total: number;
  /** P(x1 ≤ lo + i). */
  lower: Float64Array;
  /** P(x1 ≥ lo + i). */
  upper: Float64Array;
  /** Two-sided p-value at lo + i, NaN until first asked for. */
  twoSided: Float64Array;
}

const cache = new Map<number, (Margin | undefined)[]>();
let cachedEntries = 0;

function buildMargin(n1: number, n2: number, m: number): Margin {
  const N = n1 + n2;
  const lo = Math.max(0, m - n2);
  const hi = Math.min(n1, m);
  const s = hi - lo + 1;
  const pmf = new Float64Array(s);
  const lower = new Float64Array(s);
  const upper = new Float64Array(s);
  const twoSided = new Float64Array(s).fill(NaN);
  for (let i = 0; i < s; i++) pmf[i] = hpmf(lo + i, N, m, n1);
  // Both tails as sums of point probabilities from their own end: no 1 − cdf.
  let acc = 0;
  for (let i = 0; i < s; i++) {
    acc += pmf[i];
    lower[i] = Math.min(1, acc);
  }
  const total = acc;
  acc = 0;
  for (let i = s - 1; i >= 0; i--) {
    acc += pmf[i];
    upper[i] = Math.min(1, acc);
  }
  return { lo, pmf, total, lower, upper, twoSided };
}

function margin(n1: number, n2: number, m: number): Margin {
  if (n1 >= KEY_LIMIT || n2 >= KEY_LIMIT) return buildMargin(n1, n2, m);
  const key = n1 * KEY_LIMIT + n2;
  let byM = cache.get(key);
  if (byM === undefined) {
    if (cachedEntries > MAX_CACHED_ENTRIES) {
      cache.clear();
      cachedEntries = 0;
    }
    byM = new Array<Margin | undefined>(n1 + n2 + 1);
    cache.set(key, byM);
  }
  let mg = byM[m];
  if (mg === undefined) {
    mg = buildMargin(n1, n2, m);
    byM[m] = mg;
    cachedEntries += 4 * mg.pmf.length;
  }
  return mg;
}

function twoSided(mg: Margin, i: number): number {
  const cached = mg.twoSided[i];
  if (cached === cached) return cached; // not NaN: computed before
  const pmf = mg.pmf;
  const d = pmf[i] * REL_ERR;
  let sum = 0;
  for (let j = 0; j < pmf.length; j++) if (pmf[j] <= d) sum += pmf[j];
  const p = Math.min(1, sum / mg.total);
  mg.twoSided[i] = p;
  return p;
}

/**
 * Fisher's exact test of a 2×2 table (x1 successes of n1 in treatment, x2 of
 * n2 in control), as R's
 * `fisher.test(matrix(c(x1, x2, n1 - x1, n2 - x2), 2))`: conditional on the
 * margins, x1 is hypergeometric. Two-sided p = sum of the probabilities of all
 * tables no more likely than the observed one (relative tolerance 1 + 1e-7, as
 * R); one-sided P(x1 ≥ observed) when `better` is `higher` (treatment has more
 * successes; R's `alternative = "greater"`), else P(x1 ≤ observed).
 *
 * The null distribution of each margin (n1, n2, m = x1 + x2) is memoized with
 * both tails and the two-sided p-values filled in as they are asked for, so the
 * engine can evaluate every cell of a decision table cheaply.
 *
 * Statistic: x1, the count the conditional test is about (R reports no
 * statistic, only the conditional odds-ratio estimate, which needs a root
 * search and is not computed here). A zero success or failure margin is not
 * degenerate: only one table is possible and p = 1, as in R.
 *
 * Degenerate (`degenerate: true`, `pValue: NaN`, never a throw) when an arm is
 * empty (n1 or n2 < 1) or a count is outside 0 … n.
 *
 * @param x1 - treatment successes
 * @param n1 - treatment size
 * @param x2 - control successes
 * @param n2 - control size
 * @param opts - sidedness and direction of benefit
 * @param out - optional result object to fill and return instead of allocating
 */
export function fisherExact(x1: number, n1: number, x2: number, n2: number, opts: TestOptions, out?: TestResult): TestResult {
  const res = out ?? emptyTestResult();
  if (
    !(n1 >= 1 && n2 >= 1 && x1 >= 0 && x2 >= 0 && x1 <= n1 && x2 <= n2) ||
    !(Number.isInteger(x1) && Number.isInteger(n1) && Number.isInteger(x2) && Number.isInteger(n2))
  ) {
    return setDegenerate(res, METHOD, x1);
  }
  const mg = margin(n1, n2, x1 + x2);
  const i = x1 - mg.lo;
  let p: number;
  if (opts.sides === 2) p = twoSided(mg, i);
  else p = opts.better === 'higher' ? mg.upper[i] : mg.lower[i];
  return setResult(res, x1, p, METHOD, undefined);
}
