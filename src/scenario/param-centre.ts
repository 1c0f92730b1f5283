import type { Param } from './types.js';

/**
 * The value of a parameter with its distribution at its centre: the mean of a
 * normal, a/(a+b) for a beta, and exp(μ + σ²/2), the mean, for a lognormal.
 * "Power at the estimate" is the power with every parameter at its centre.
 */
export function centreOf(param: Param): number {
  if (typeof param === 'number') return param;
  switch (param.dist) {
    case 'normal':
      return param.mean;
    case 'beta':
      return param.alpha / (param.alpha + param.beta);
    case 'lognormal':
      return Math.exp(param.meanlog + (param.sdlog * param.sdlog) / 2);
  }
}
