/** z(0.975), the normal quantile of a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

/**
 * Wilson score 95 % interval for a proportion of `successes` in `trials`.
 * Unlike the Wald interval it stays inside [0, 1] and keeps its coverage near
 * 0 % and 100 % power, where designers often look.
 */
export function wilsonInterval(successes: number, trials: number): [number, number] {
  if (trials === 0) return [0, 1];
  const p = successes / trials;
  const z2 = Z95 * Z95;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // At 0 or R successes the bound is exactly 0 or 1; rounding would leave ±1e-17.
  return [successes === 0 ? 0 : centre - half, successes === trials ? 1 : centre + half];
}

/** Monte-Carlo standard error of an estimated proportion: √(p̂(1 − p̂)/R). */
export function monteCarloStandardError(successes: number, trials: number): number {
  if (trials === 0) return NaN;
  const p = successes / trials;
  return Math.sqrt((p * (1 - p)) / trials);
}
