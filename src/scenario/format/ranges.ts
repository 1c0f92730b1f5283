/**
 * The ranges of the format's numbers, named once: the definition attaches
 * them to fields, and `resolveScenario` and the worker-input check read them
 * from there.
 */
import type { ScenarioLimits } from '../limits.js';
import {
  MAX_ALLOCATION_WEIGHT,
  MAX_MAGNITUDE,
  MAX_MEANLOG,
  MAX_SDLOG,
  MIN_ALPHA,
  MIN_BETA_SHAPE,
  MIN_N,
  MIN_PRECISION,
} from '../limits.js';
import { type Range, range } from './range.js';

/** Means, null values, CI limits: any number of a plausible magnitude. */
export const BOUNDED: Range = range('a number from -1e12 to 1e12', { min: -MAX_MAGNITUDE, max: MAX_MAGNITUDE });

/** SDs and other scales: positive, of a plausible magnitude. */
export const SCALE: Range = range('a number > 0 and ≤ 1e12', {
  min: 0,
  minOpen: true,
  max: MAX_MAGNITUDE,
  below: 'a number > 0',
  above: 'a number ≤ 1e12',
});

/** Shape parameters of a beta distribution. */
export const BETA_SHAPE: Range = range(`a number from ${MIN_BETA_SHAPE} to 1e12`, {
  min: MIN_BETA_SHAPE,
  max: MAX_MAGNITUDE,
  below: `a number ≥ ${MIN_BETA_SHAPE}`,
  above: 'a number ≤ 1e12',
});

/** `meanlog` of a lognormal distribution. */
export const MEANLOG: Range = range(`a number from -${MAX_MEANLOG} to ${MAX_MEANLOG}`, { min: -MAX_MEANLOG, max: MAX_MEANLOG });

/** `sdlog` of a lognormal distribution. */
export const SDLOG: Range = range(`a number > 0 and ≤ ${MAX_SDLOG}`, {
  min: 0,
  minOpen: true,
  max: MAX_SDLOG,
  below: 'a number > 0',
  above: `a number ≤ ${MAX_SDLOG}`,
});

/** An allocation weight (weights are ratios). */
export const WEIGHT: Range = range('a number from 1e-6 to 1e6', {
  min: 1 / MAX_ALLOCATION_WEIGHT,
  max: MAX_ALLOCATION_WEIGHT,
  problem: (x) => (x > 0 ? 'a number from 1e-6 to 1e6 (weights are ratios)' : 'a number > 0'),
});

/** A probability. */
export const PROBABILITY: Range = range('a probability in [0, 1]', { min: 0, max: 1 });

/** The probability that a patient is lost before the endpoint. */
export const DROPOUT: Range = range('a number in [0, 1)', { min: 0, max: 1, maxOpen: true });

/** The correlation between the sites of a patient. */
export const CORRELATION: Range = range('a number in (-1, 1)', { min: -1, minOpen: true, max: 1, maxOpen: true });

/** A share in [0, 1] (spill-over, bounds of `expect`). */
export const SHARE: Range = range('a number in [0, 1]', { min: 0, max: 1 });

/** A share strictly between 0 and 1 (a target power). */
export const OPEN_SHARE: Range = range('a number in (0, 1)', { min: 0, minOpen: true, max: 1, maxOpen: true });

/** The significance level. */
export const ALPHA: Range = range(`a number from ${MIN_ALPHA} to 0.5`, {
  min: MIN_ALPHA,
  max: 0.5,
  problem: (x) =>
    x > 0 && x <= 0.5 ? `a number ≥ ${MIN_ALPHA} (smaller levels are beyond the precision of the critical values)` : 'a number in (0, 0.5]',
});

/** The benchmark rate a `binomial-exact` test compares with. */
export const BENCHMARK: Range = range('a benchmark rate in (0, 1)', { min: 0, minOpen: true, max: 1, maxOpen: true });

/** A number of patients, under the run's largest n. */
export function sampleSize(limits: ScenarioLimits): Range {
  return range(`a whole number from ${MIN_N} to ${limits.maxN}`, {
    integer: true,
    min: MIN_N,
    max: limits.maxN,
    problem: (x) => (!Number.isInteger(x) || x < MIN_N ? `a whole number ≥ ${MIN_N}` : `a whole number ≤ ${limits.maxN}`),
  });
}

/** Replicates per design point, under the run's limit. */
export function replicates(limits: ScenarioLimits): Range {
  return range(`a whole number from 1 to ${limits.maxReplicates}`, { integer: true, min: 1, max: limits.maxReplicates });
}

/** The target half-width of the 95 % interval. */
export const PRECISION: Range = range(`a number in [${MIN_PRECISION}, 0.5): the target half-width of the 95 % interval`, {
  min: MIN_PRECISION,
  max: 0.5,
  maxOpen: true,
});
