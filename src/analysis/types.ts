/**
 * Shared vocabulary of the statistical tests in `src/analysis/`.
 *
 * Every test is a pure function `(data..., options, out?) => TestResult`. The
 * optional `out` argument is filled and returned instead of allocating a new
 * object, so the simulation hot loop can call a test once per replicate without
 * allocating.
 */

/** One- or two-sided alternative hypothesis. */
export type Sides = 1 | 2;

/**
 * Direction of benefit. For a one-sided test the alternative is that the first
 * (treatment) sample is better than the second (control) sample, or than the
 * null value for one-sample tests: larger when `higher`, smaller when `lower`.
 * Two-sided tests ignore it.
 */
export type Better = 'higher' | 'lower';

/** Options common to every test. */
export interface TestOptions {
  /** 1 = one-sided in the direction of `better`; 2 = two-sided. */
  sides: Sides;
  /** Direction of benefit, used by one-sided tests. */
  better: Better;
}

/** Options of tests that have a continuity correction (chi-square, McNemar). */
export interface CorrectableTestOptions extends TestOptions {
  /** Apply the continuity correction (Yates for chi-square, Edwards for McNemar). */
  continuityCorrection: boolean;
}

/** Options of one-sample tests (one-sample t, signed-rank, exact binomial). */
export interface OneSampleTestOptions extends TestOptions {
  /** The value under the null hypothesis: a mean / location, or a proportion for the binomial test. */
  nullValue: number;
}

/** What every test returns. */
export interface TestResult {
  /** The test statistic (t, z, U, V, chi-square, the observed count, ...). */
  statistic: number;
  /** p-value for the requested sidedness, in [0, 1]; NaN only for a degenerate data set (see `degenerate`). */
  pValue: number;
  /** Human-readable method, stating exact vs approximate and corrections, e.g. "Wilcoxon rank-sum, exact". */
  method: string;
  /** Degrees of freedom, for t and chi-square tests. */
  df?: number;
  /** True when the data do not allow the test (e.g. zero variance, empty arm); pValue is then NaN. */
  degenerate?: boolean;
}

/** Mean, variance (n − 1 denominator) and size of one sample. */
export interface SampleSummary {
  n: number;
  mean: number;
  variance: number;
}

/** Creates an empty result object for use as `out`. */
export function emptyTestResult(): TestResult {
  return { statistic: NaN, pValue: NaN, method: '', df: undefined, degenerate: false };
}

/**
 * Options of paired tests (paired t, paired signed-rank). `nullValue` is the
 * mean / location of the treated − control differences under the null
 * hypothesis; omitted means 0, as in R's `t.test(x, y, paired = TRUE)`.
 * A `OneSampleTestOptions` object fits too.
 */
export interface PairedTestOptions extends TestOptions {
  nullValue?: number;
}
