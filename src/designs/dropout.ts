import type { Rng } from '../random/rng.js';

/**
 * Keeps the patients of `values[0..n)` who complete the trial, each lost
 * independently with probability `dropout`, moving completers to the front in
 * their original order. Returns how many completed. Patient i always uses the
 * i-th draw of `rng`, so adding patients never changes who of the first ones drops out.
 */
export function keepCompleters(rng: Rng, values: Float64Array, n: number, dropout: number): number {
  let kept = 0;
  for (let i = 0; i < n; i++) {
    if (rng.uniform() >= dropout) values[kept++] = values[i];
  }
  return kept;
}

/** As `keepCompleters`, for a patient's two sites stored at the same index of two buffers. */
export function keepCompletePairs(rng: Rng, first: Float64Array, second: Float64Array, n: number, dropout: number): number {
  let kept = 0;
  for (let i = 0; i < n; i++) {
    if (rng.uniform() >= dropout) {
      first[kept] = first[i];
      second[kept] = second[i];
      kept++;
    }
  }
  return kept;
}
