/** How several comparisons with the control are adjusted. */
export type Multiplicity = 'holm' | 'bonferroni' | 'none';

/**
 * Whether a trial with several comparisons succeeds, given their p-values
 * (degenerate comparisons enter as p = 1, never as a rejection).
 *
 * `any`: at least one comparison is rejected — for Holm and Bonferroni alike that
 * is min p ≤ α/k. `all`: every comparison is rejected — Holm's step-down rejects
 * all iff the i-th smallest p is ≤ α/(k − i + 1) for every i; Bonferroni iff
 * max p ≤ α/k. `pValues` is sorted in place.
 */
export function trialSucceeds(pValues: Float64Array, alpha: number, method: Multiplicity, success: 'any' | 'all'): boolean {
  const k = pValues.length;
  pValues.sort();
  if (method === 'none') return success === 'any' ? pValues[0] <= alpha : pValues[k - 1] <= alpha;
  if (success === 'any') return pValues[0] <= alpha / k;
  if (method === 'bonferroni') return pValues[k - 1] <= alpha / k;
  for (let i = 0; i < k; i++) if (pValues[i] > alpha / (k - i)) return false;
  return true;
}
