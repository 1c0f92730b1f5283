import type { Counts } from './counts.js';
import { monteCarloStandardError, wilsonInterval } from './interval.js';

/** The estimate at one design point, with its Monte-Carlo uncertainty. */
export interface PointResult extends Counts {
  /** Share of simulated trials that succeeded: power, or assurance when parameters are uncertain. */
  power: number;
  /** Wilson 95 % interval of `power`. */
  ci95: [number, number];
  /** Monte-Carlo standard error of `power`. */
  mcse: number;
}

/** Turns merged counts into a point estimate with its interval. */
export function pointResult(counts: Counts): PointResult {
  return {
    ...counts,
    power: counts.replicates > 0 ? counts.successes / counts.replicates : NaN,
    ci95: wilsonInterval(counts.successes, counts.replicates),
    mcse: monteCarloStandardError(counts.successes, counts.replicates),
  };
}
