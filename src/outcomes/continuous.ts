import type { Rng } from '../random/rng.js';
import { fillStandardNormal } from '../random/normal.js';

/** Writes `n` draws from Normal(mean, sd²) into `out[0..n)`. */
export function fillNormal(rng: Rng, out: Float64Array, n: number, mean: number, sd: number): void {
  fillStandardNormal(rng, out, n);
  for (let i = 0; i < n; i++) out[i] = mean + sd * out[i];
}
