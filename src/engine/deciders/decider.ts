import type { TrialData } from '../../designs/trial-data.js';

/**
 * Outcome of one comparison in one simulated trial: `REJECT`, `ACCEPT`, or
 * `DEGENERATE` when the analysis could not be done (e.g. zero variance), which
 * is scored as a non-rejection and counted.
 */
export type Verdict = -1 | 0 | 1;
/** The analysis could not be done. */
export const DEGENERATE: Verdict = -1;
/** The null hypothesis is not rejected. */
export const ACCEPT: Verdict = 0;
/** The null hypothesis is rejected. */
export const REJECT: Verdict = 1;

/**
 * A statistical test bound to a design point, applied to simulated trials.
 * `rejects` must give exactly the answer `pValue(...) <= alpha` gives; it exists
 * so that a decider can skip the p-value when the statistic is far from the
 * critical value.
 */
export interface Decider {
  /** p-value of arm `treatment` against the control arm (or against the null value for one arm); NaN when degenerate. */
  pValue(data: TrialData, treatment: number): number;
  /** The verdict at level `alpha`. */
  rejects(data: TrialData, treatment: number, alpha: number): Verdict;
}

/** The verdict of a p-value: degenerate when NaN, else rejection when p ≤ α. */
export function verdictOf(pValue: number, alpha: number): Verdict {
  if (pValue !== pValue) return DEGENERATE;
  return pValue <= alpha ? REJECT : ACCEPT;
}
