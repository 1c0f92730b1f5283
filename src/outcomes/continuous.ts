import type { Rng } from '../random/rng.js';
import { fillNormal as fillNormalDraws } from '../random/normal.js';

/** Writes `n` draws from Normal(mean, sd²) into `out[0..n)`. */
export function fillNormal(rng: Rng, out: Float64Array, n: number, mean: number, sd: number): void {
  fillNormalDraws(rng, out, n, mean, sd);
}
