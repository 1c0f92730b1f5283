import type { Rng } from '../random/rng.js';

/**
 * Cumulative probabilities of ordered categories, with the last one forced to
 * exactly 1 so that rounding in the sum can never leave a uniform draw unassigned.
 */
export function cumulativeProbabilities(probs: readonly number[]): Float64Array {
  const cumulative = new Float64Array(probs.length);
  let sum = 0;
  for (let c = 0; c < probs.length; c++) cumulative[c] = sum += probs[c];
  cumulative[probs.length - 1] = 1;
  return cumulative;
}

/**
 * Writes `n` category indices (0 = worst) drawn with the given cumulative
 * probabilities into `out[0..n)`.
 */
export function fillCategorical(rng: Rng, out: Float64Array, n: number, cumulative: Float64Array): void {
  const last = cumulative.length - 1;
  rng.fillUniform(out, n);
  for (let i = 0; i < n; i++) {
    const u = out[i];
    let c = 0;
    while (c < last && u >= cumulative[c]) c++;
    out[i] = c;
  }
}
