import type { Rng } from '../random/rng.js';
import { fillStandardNormal } from '../random/normal.js';

/**
 * Writes `n` draws from Normal(mean, sd²) of arm `arm` into `out[0..n)`. The
 * parameters are read from their arrays here rather than passed as numbers:
 * V8 boxes a double argument of a call it does not inline, once per call.
 */
export function fillNormal(rng: Rng, out: Float64Array, n: number, means: Float64Array, sds: Float64Array, arm: number): void {
  fillStandardNormal(rng, out, n);
  const mean = means[arm];
  const sd = sds[arm];
  for (let i = 0; i < n; i++) out[i] = mean + sd * out[i];
}
