import type { Rng } from './rng.js';
import { standardNormal } from './normal.js';
import type { ParamDistribution } from '../scenario/types.js';

/** Scratch for one result (workers are single-threaded). */
const slot = new Float64Array(1);

/**
 * Writes a Gamma(shape, 1) deviate to `out[i]`, by Marsaglia and Tsang's
 * method (ACM TOMS 2000); shapes below 1 use the boost Gamma(shape + 1)·U^(1/shape).
 * It writes rather than returns because V8 boxes doubles passed out of calls
 * it does not inline: this runs once per arm of every trial on the fast path.
 */
export function gammaInto(rng: Rng, shape: number, out: Float64Array, i: number): void {
  const boost = shape < 1;
  const a = boost ? shape + 1 : shape;
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    if (marsagliaTsangAccepts(x, 1 - rng.uniform(), v, d)) {
      out[i] = boost ? d * v * (1 - rng.uniform()) ** (1 / shape) : d * v;
      return;
    }
  }
}

/**
 * Marsaglia and Tsang's acceptance test for the proposal d·v of a Gamma(d + 1/3)
 * deviate, made from a standard normal `x` (with v = (1 + x/√(9d))³ > 0) and a
 * uniform `u` in (0, 1]: a cheap squeeze first, the exact test only when it fails.
 */
export function marsagliaTsangAccepts(x: number, u: number, v: number, d: number): boolean {
  return u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v));
}

/** A Gamma(shape, 1) deviate (see `gammaInto`). */
export function gamma(rng: Rng, shape: number): number {
  gammaInto(rng, shape, slot, 0);
  return slot[0];
}

/**
 * Writes a chi-square deviate with `df` degrees of freedom (2 × Gamma(df/2))
 * to `out[i]`.
 */
export function chiSquareInto(rng: Rng, df: number, out: Float64Array, i: number): void {
  gammaInto(rng, df / 2, out, i);
  out[i] *= 2;
}

/** A Beta(a, b) deviate as G_a / (G_a + G_b). */
export function beta(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a);
  return x / (x + gamma(rng, b));
}

/** One draw of an uncertain scenario parameter. */
export function drawParameter(rng: Rng, dist: ParamDistribution): number {
  switch (dist.dist) {
    case 'normal':
      return dist.mean + dist.sd * standardNormal(rng);
    case 'lognormal':
      return Math.exp(dist.meanlog + dist.sdlog * standardNormal(rng));
    case 'beta':
      return beta(rng, dist.alpha, dist.beta);
  }
}
