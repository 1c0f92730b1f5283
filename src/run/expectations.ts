import type { ExpectSpec } from '../scenario/types.js';

/**
 * The verdict on one expectation.
 *
 * - `pass`: the whole Wilson 95 % interval of the simulated figure meets the bound;
 * - `fail`: the whole interval violates it;
 * - `inconclusive`: the interval contains the threshold, so the simulation
 *   cannot tell on which side the true value lies — add replicates (`--precision`).
 *
 * A design whose true power lies exactly on its threshold is then reported
 * inconclusive about 95 % of the time, and as pass or fail by luck about 2.5 %
 * of the time each; a true power further than about two standard errors from
 * the threshold is decided correctly.
 */
export type Verdict = 'pass' | 'fail' | 'inconclusive';

/** A bound on power or assurance: `expect.power.atLeast` and the like. */
export interface BoundExpectation {
  kind: 'bound';
  /** What is bounded. */
  quantity: 'power' | 'assurance';
  bound: 'atLeast' | 'atMost';
  threshold: number;
}

/** `expect.sampleSize`: the patients needed for `power` are at most `atMost`. */
export interface SampleSizeExpectation {
  kind: 'sampleSize';
  power: number;
  atMost: number;
}

/** One expectation of a scenario's `expect` block. */
export type Expectation = BoundExpectation | SampleSizeExpectation;

/** The expectations of an `expect` block, in a fixed order: power, assurance (atLeast, atMost), sample size. */
export function expectationsOf(expect: ExpectSpec | undefined): Expectation[] {
  if (!expect) return [];
  const out: Expectation[] = [];
  for (const quantity of ['power', 'assurance'] as const) {
    const spec = expect[quantity];
    if (!spec) continue;
    for (const bound of ['atLeast', 'atMost'] as const) {
      const threshold = spec[bound];
      if (typeof threshold === 'number') out.push({ kind: 'bound', quantity, bound, threshold });
    }
  }
  if (expect.sampleSize) out.push({ kind: 'sampleSize', power: expect.sampleSize.power, atMost: expect.sampleSize.atMost });
  return out;
}

/** The expectation as written, e.g. `power ≥ 0.8`, `sample size for power 0.9 ≤ 60`. */
export function describeExpectation(e: Expectation): string {
  if (e.kind === 'sampleSize') return `sample size for power ${e.power} \u2264 ${e.atMost}`;
  return `${e.quantity} ${e.bound === 'atLeast' ? '\u2265' : '\u2264'} ${e.threshold}`;
}

/** The key of an expectation in the file, e.g. `expect.power.atLeast`. */
export function expectationPath(e: Expectation): string {
  return e.kind === 'sampleSize' ? 'expect.sampleSize' : `expect.${e.quantity}.${e.bound}`;
}

/**
 * Judges a simulated proportion against a bound from its Wilson 95 % interval
 * [lo, hi]: for `atLeast t`, pass when lo ≥ t, fail when hi < t; for `atMost
 * t`, pass when hi ≤ t, fail when lo > t; inconclusive otherwise (the interval
 * straddles t). So `atLeast 0` always passes, and `atLeast 1` can at best be
 * inconclusive, since no finite simulation shows a power of exactly 1.
 */
export function judgeBound(ci95: readonly [number, number], bound: 'atLeast' | 'atMost', threshold: number): Verdict {
  const [lo, hi] = ci95;
  if (bound === 'atLeast') return lo >= threshold ? 'pass' : hi < threshold ? 'fail' : 'inconclusive';
  return hi <= threshold ? 'pass' : lo > threshold ? 'fail' : 'inconclusive';
}
