import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/**
 * The standard deviation behind a t-based confidence interval of a mean (or of
 * a mean change, for a paired design): half-width · √n / t(1 − (1 − level)/2, n − 1).
 *
 * This inverts the interval mean ± t·SD/√n, so it is exact only when the CI
 * was computed that way (e.g. a paired t CI of a change from baseline, as in
 * the RDEB trial); for a Welch or ANCOVA interval it is an approximation.
 * Asymmetric (rounded) intervals use their full width.
 *
 * @param lower - lower limit of the interval
 * @param upper - upper limit, > lower
 * @param n - number of observations (pairs), an integer ≥ 2
 * @param level - confidence level in (0, 1), default 0.95
 * @returns the SD of a single observation (pair difference)
 * @throws RangeError when the arguments are outside those ranges
 */
export function sdFromCI(lower: number, upper: number, n: number, level = 0.95): number {
  if (!Number.isFinite(lower) || !Number.isFinite(upper) || !(upper > lower)) {
    throw new RangeError(`sdFromCI: need finite lower < upper, got ${lower} and ${upper}`);
  }
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`sdFromCI: n must be an integer ≥ 2, got ${n}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`sdFromCI: level must be in (0, 1), got ${level}`);
  const t = tQuantile(1 - (1 - level) / 2, n - 1);
  return (((upper - lower) / 2) * Math.sqrt(n)) / t;
}
