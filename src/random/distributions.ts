import type { Rng } from './rng.js';
import { standardNormal } from './normal.js';
import type { ParamDistribution } from '../scenario/types.js';

/**
 * A Gamma(shape, 1) deviate by Marsaglia and Tsang's method (ACM TOMS 2000);
 * shapes below 1 use the boost Gamma(shape + 1)·U^(1/shape).
 */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(1 - rng.uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
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
