/**
 * Reference values from R, written by scripts/reference/analysis-pvalues.R into
 * test/fixtures/analysis/pvalues.json (R's version is in `generator`).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Better, Sides } from '../../src/analysis/types.js';

/** Fields every R case has. */
export interface RCase {
  name: string;
  /** The R call that produced the expected values. */
  call: string;
  sides: Sides;
  better: Better;
  statistic: number;
  pValue: number;
  df?: number;
  rMethod?: string;
}

export interface RSummary {
  n: number;
  mean: number;
  variance: number | null;
}

const path = new URL('../fixtures/analysis/pvalues.json', import.meta.url);

/** The parsed fixture; groups are typed by the tests that read them. */
export const R: Record<string, any> & { generator: { tool: string; version: string; script: string } } = JSON.parse(
  readFileSync(path, 'utf8'),
);

/** Cases of one group, typed. */
export function cases<T>(group: string): T[] {
  const g = R[group] as T[] | undefined;
  if (!g || g.length === 0) throw new Error(`fixture group ${group} is missing`);
  return g;
}

/** R's summary with its NA variance (n = 1) mapped to NaN. */
export function summary(s: RSummary): { n: number; mean: number; variance: number } {
  return { n: s.n, mean: s.mean, variance: s.variance ?? NaN };
}

/** |actual − expected| ≤ 1e-9·|expected|; an expected exact 0 allows 1e-14 absolute. */
export function expectRel(actual: number, expected: number, what: string, rel = 1e-9): void {
  const tol = expected === 0 ? 1e-14 : rel * Math.abs(expected);
  expect(Math.abs(actual - expected), `${what}: got ${actual}, R gives ${expected}`).toBeLessThanOrEqual(tol);
}

/** Human label of a case for test names. */
export function label(c: RCase): string {
  return `${c.name}: ${c.call}`;
}
