import type { Rng } from '../random/rng.js';

/** Writes `n` Bernoulli(p) outcomes (1 = response, 0 = none) into `out[0..n)`. */
export function fillBernoulli(rng: Rng, out: Float64Array, n: number, p: number): void {
  rng.fillUniform(out, n);
  for (let i = 0; i < n; i++) out[i] = out[i] < p ? 1 : 0;
}
