/** Checks shared by the decider tests: a decider's p-value and verdicts against an analysis function's p-value. */
import { expect } from 'vitest';
import { REJECT, type Verdict, verdictOf } from '../../../src/engine/deciders/decider.js';
import type { TrialData } from '../../../src/designs/trial-data.js';
import type { Rng } from '../../../src/random/rng.js';

/** The significance levels every verdict is checked at. */
export const ALPHAS = [0.05, 0.01, 0.2];

/** A whole number in [0, k). */
export const below = (rng: Rng, k: number) => Math.floor(rng.uniform() * k);

/**
 * Checks one trial: the decider's p-value is the reference's, bit for bit (NaN
 * for NaN), and its verdict at every α, and at α = p itself, is that of p ≤ α.
 * Returns the verdict at the first α.
 */
export function expectSameDecision(
  decider: { pValue(d: TrialData, t: number): number; rejects(d: TrialData, t: number, alpha: number): Verdict },
  data: TrialData,
  treatment: number,
  expected: number,
): Verdict {
  expect(decider.pValue(data, treatment)).toBe(expected);
  for (const alpha of ALPHAS) expect(decider.rejects(data, treatment, alpha)).toBe(verdictOf(expected, alpha));
  if (expected === expected) expect(decider.rejects(data, treatment, expected)).toBe(REJECT);
  return decider.rejects(data, treatment, ALPHAS[0]);
}

/** Counts verdicts, so that each test can show both verdicts (and degenerate trials) occurred: it was not vacuous. */
export function verdictTally(): { add(v: Verdict): void; seen: Record<Verdict, number> } {
  const seen: Record<Verdict, number> = { [-1]: 0, 0: 0, 1: 0 };
  return { add: (v) => seen[v]++, seen };
}
