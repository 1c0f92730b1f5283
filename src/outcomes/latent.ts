import type { Xorwow } from '../random/xorwow.js';
import { fillStandardNormal } from '../random/normal.js';

/**
 * Writes `n` pairs of standard normals with correlation `rho` into
 * `first[0..n)` and `second[0..n)`: the latent values of a patient's two sites.
 * Continuous outcomes scale them; binary and ordinal outcomes threshold them, so
 * one correlation parameter means the same thing for every endpoint. The
 * sites draw from two streams (they may be one): with two, pair i does not
 * depend on n. The streams are xorwow generators: the batched normals run over
 * their state (see `fillNormal`).
 */
export function fillCorrelatedPairs(
  firstRng: Xorwow,
  secondRng: Xorwow,
  first: Float64Array,
  second: Float64Array,
  n: number,
  rho: number,
): void {
  const residual = Math.sqrt(1 - rho * rho);
  fillStandardNormal(firstRng, first, n);
  fillStandardNormal(secondRng, second, n);
  for (let i = 0; i < n; i++) second[i] = rho * first[i] + residual * second[i];
}

/**
 * Replaces latent standard normals `values[0..n)` by the continuous outcomes of
 * arm `arm`: `means[arm] + sds[arm]·z`.
 */
export function scaleLatent(values: Float64Array, n: number, means: Float64Array, sds: Float64Array, arm: number): void {
  const mean = means[arm];
  const sd = sds[arm];
  for (let i = 0; i < n; i++) values[i] = mean + sd * values[i];
}

/**
 * Replaces latent standard normals by ordered categories: the category of `z` is
 * the number of cut points at or below it, so with cut points Φ⁻¹(cumulative
 * probability) category c has exactly its probability. A binary outcome is the
 * one-cut case with the cut at Φ⁻¹(1 − p), making the upper category (1) the response.
 */
export function thresholdLatent(values: Float64Array, n: number, cuts: Float64Array): void {
  const k = cuts.length;
  for (let i = 0; i < n; i++) {
    const z = values[i];
    let c = 0;
    while (c < k && z >= cuts[c]) c++;
    values[i] = c;
  }
}
