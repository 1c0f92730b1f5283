import ncdf from '@stdlib/stats-base-dists-normal-cdf';
import type { Better, Sides } from './types.js';

/**
 * p-value of a standard-normal statistic `z`, as R computes it in
 * `wilcox.test` and `prop.test`: two-sided `2 * min(pnorm(z), pnorm(-z))`,
 * one-sided the tail in the `better` direction.
 *
 * Upper tails use the symmetry `P(Z ≥ z) = Φ(−z)`, never `1 − Φ(z)`, so small
 * p-values keep their relative precision.
 *
 * @param z - the standardized statistic, oriented treatment minus control
 * @param sides - 1 or 2
 * @param better - direction of the one-sided alternative; ignored when `sides` is 2
 */
export function zPValue(z: number, sides: Sides, better: Better): number {
  if (sides === 2) return 2 * ncdf(-Math.abs(z), 0, 1);
  return better === 'higher' ? ncdf(-z, 0, 1) : ncdf(z, 0, 1);
}

/**
 * Upper tail of a chi-square statistic with one degree of freedom.
 *
 * stdlib has no chi-square survival function, and `1 − pchisq` would lose small
 * p-values; for one degree of freedom `X² = Z²`, so `P(χ²₁ ≥ x) = 2Φ(−√x)`
 * exactly.
 */
export function chiSquare1UpperTail(x: number): number {
  return 2 * ncdf(-Math.sqrt(x), 0, 1);
}
