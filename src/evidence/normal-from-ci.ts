import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** A normal distribution, by mean and standard deviation. */
export interface NormalParams {
  mean: number;
  sd: number;
}

/**
 * A normal distribution for an uncertain mean or mean difference, read off its
 * confidence interval: mean = the estimate, sd = (upper − lower) / (2·z), with
 * z = Φ⁻¹(1 − (1 − level)/2). This is the sampling distribution of the estimate
 * (its standard error), for an assurance prior, not the SD of patients.
 *
 * An interval that is not centred on the estimate (rounding, or a CI computed
 * on another scale) keeps the estimate as the mean and uses the full width.
 *
 * @param estimate - point estimate, the mean of the result
 * @param lower - lower limit of the interval
 * @param upper - upper limit, > lower
 * @param level - confidence level in (0, 1), default 0.95
 * @throws RangeError when lower ≥ upper, a number is not finite, or level is outside (0, 1)
 */
export function normalFromCI(estimate: number, lower: number, upper: number, level = 0.95): NormalParams {
  if (![estimate, lower, upper].every(Number.isFinite) || !(upper > lower)) {
    throw new RangeError(`normalFromCI: need finite numbers with lower < upper, got ${estimate} (${lower} to ${upper})`);
  }
  if (!(level > 0 && level < 1)) throw new RangeError(`normalFromCI: level must be in (0, 1), got ${level}`);
  const z = normalQuantile(1 - (1 - level) / 2, 0, 1);
  return { mean: estimate, sd: (upper - lower) / (2 * z) };
}
