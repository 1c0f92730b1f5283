/**
 * Reference values from R for the helpers of src/evidence/, written by
 * test/evidence/reference/helpers.R into test/evidence/fixtures/helpers.json
 * (R's version is in `generator`; each case keeps the R expression in `call`).
 */
import { readFileSync } from 'node:fs';

export interface SdCase {
  name: string;
  call: string;
  lower: number;
  upper: number;
  n: number;
  level: number;
  sd: number;
}
export interface NormalCase {
  name: string;
  call: string;
  estimate: number;
  lower: number;
  upper: number;
  level: number;
  mean: number;
  sd: number;
}
export interface BetaCase {
  name: string;
  call: string;
  estimate: number;
  lower: number;
  upper: number;
  level: number;
  minShape: number;
  alpha: number;
  beta: number;
  kappa: number;
  fittedLower: number;
  fittedUpper: number;
  mismatch: number;
}
export interface OrdinalCase {
  name: string;
  call: string;
  atLeast: number[];
  probs: number[];
}

interface Fixture {
  generator: { tool: string; version: string; script: string };
  sdFromCI: SdCase[];
  normalFromCI: NormalCase[];
  betaFromCI: BetaCase[];
  ordinalFromThresholds: OrdinalCase[];
}

/** The parsed fixture. */
export const R: Fixture = JSON.parse(readFileSync(new URL('./fixtures/helpers.json', import.meta.url), 'utf8'));

/** |actual − expected| ≤ tol · max(1, |expected|). */
export function relClose(actual: number, expected: number, tol: number): boolean {
  return Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
}
