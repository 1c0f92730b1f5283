/**
 * Writing into a caller-owned `TestResult`. Every field is assigned on every
 * call, in the same order, so a reused `out` object keeps one hidden class and
 * never carries a stale `df` or `degenerate` flag from an earlier call.
 */

import type { TestResult } from './types.js';

/** Fills `out` with a regular (non-degenerate) result and returns it. */
export function setResult(out: TestResult, statistic: number, pValue: number, method: string, df: number | undefined): TestResult {
  out.statistic = statistic;
  out.pValue = pValue;
  out.method = method;
  out.df = df;
  out.degenerate = false;
  return out;
}

/**
 * Marks `out` as degenerate: the data do not allow the test, so the p-value is
 * NaN rather than a number that could be mistaken for evidence either way.
 */
export function setDegenerate(out: TestResult, method: string, statistic: number = NaN, df: number | undefined = undefined): TestResult {
  out.statistic = statistic;
  out.pValue = NaN;
  out.method = method;
  out.df = df;
  out.degenerate = true;
  return out;
}
