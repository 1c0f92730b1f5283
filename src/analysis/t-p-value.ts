import tcdf from '@stdlib/stats-base-dists-t-cdf';
import type { Better, Sides } from './types.js';

/**
 * p-value of a t statistic with `df` degrees of freedom, as R's `t.test`:
 * two-sided `2 * pt(-|t|, df)`, one-sided the tail in the `better` direction.
 *
 * Every tail is read from the lower CDF at a non-positive argument (the t
 * distribution is symmetric), so a small upper-tail p-value keeps its relative
 * precision instead of being lost in `1 - cdf`.
 *
 * @param t - the t statistic (treatment minus control, or sample minus null value)
 * @param df - degrees of freedom, > 0 (may be fractional, as for Welch)
 * @param sides - 1 or 2
 * @param better - direction of the one-sided alternative; ignored when `sides` is 2
 * @returns the p-value; NaN when `t` or `df` is NaN
 */
export function tPValue(t: number, df: number, sides: Sides, better: Better): number {
  if (sides === 2) return 2 * tcdf(-Math.abs(t), df);
  return better === 'higher' ? tcdf(-t, df) : tcdf(t, df);
}
