import type { Rng } from '../random/rng.js';

/**
 * Writes `n` Bernoulli outcomes (1 = response, 0 = none) of arm `arm`, with
 * response probability `probabilities[arm]`, into `out[0..n)`.
 */
export function fillBernoulli(rng: Rng, out: Float64Array, n: number, probabilities: Float64Array, arm: number): void {
  const p = probabilities[arm];
  rng.fillUniform(out, n);
  for (let i = 0; i < n; i++) out[i] = out[i] < p ? 1 : 0;
}
