/**
 * Mean and variance of a sample without allocating, computed the way R's
 * `mean()` and `var()` do (two passes, with the mean refined by the mean
 * residual), so t statistics agree with R's to the last few bits.
 *
 * Inputs are assumed finite (validated upstream).
 */

import type { SampleSummary } from './types.js';

/** Mean of `x[0..n)`: the sum divided by n, refined by the mean residual as R's `mean()`. */
export function sampleMean(x: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  let m = s / n;
  if (Number.isFinite(m)) {
    let r = 0;
    for (let i = 0; i < n; i++) r += x[i] - m;
    m += r / n;
  }
  return m;
}

/** Variance of `x[0..n)` with denominator n − 1 about a given mean; NaN for n < 2. */
export function sampleVariance(x: ArrayLike<number>, n: number, mean: number): number {
  if (n < 2) return NaN;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    ss += d * d;
  }
  return ss / (n - 1);
}

/** Fills `out` with the size, mean and variance of `x` and returns it. */
export function summarize(x: ArrayLike<number>, out: SampleSummary): SampleSummary {
  const n = x.length;
  out.n = n;
  out.mean = n > 0 ? sampleMean(x, n) : NaN;
  out.variance = sampleVariance(x, n, out.mean);
  return out;
}

/**
 * Fills `out` with the summary of the differences `x[i] − y[i]`, recomputing
 * each difference instead of storing them, so paired tests need no buffer.
 * `x` and `y` must have the same length.
 */
export function summarizeDifferences(x: ArrayLike<number>, y: ArrayLike<number>, out: SampleSummary): SampleSummary {
  const n = x.length;
  out.n = n;
  if (n === 0) {
    out.mean = NaN;
    out.variance = NaN;
    return out;
  }
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i] - y[i];
  let m = s / n;
  if (Number.isFinite(m)) {
    let r = 0;
    for (let i = 0; i < n; i++) r += x[i] - y[i] - m;
    m += r / n;
  }
  out.mean = m;
  if (n < 2) {
    out.variance = NaN;
    return out;
  }
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - y[i] - m;
    ss += d * d;
  }
  out.variance = ss / (n - 1);
  return out;
}
