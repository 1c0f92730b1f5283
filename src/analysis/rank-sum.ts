/**
 * Mid-rank sums of two sorted samples, as R's `rank()` (ties get the average
 * rank) followed by `sum(r[x])`, plus the tie term Σ(t³ − t) that the normal
 * approximations of the Wilcoxon tests need. Merging two sorted arrays gives
 * both in one pass without an index array.
 */

/** Output of {@link rankSumOfSorted}; callers keep one at module level and reuse it. */
export interface RankSumScratch {
  /** Sum of the mid-ranks of the first sample within the pooled sample. */
  rankSum: number;
  /** Σ(t³ − t) over groups of t tied values in the pooled sample (0 without ties). */
  tieTerm: number;
}

/**
 * Ranks the pooled sample `a[0..na) ∪ b[0..nb)` (both sorted ascending) and
 * writes the rank sum of `a` and the tie term into `res`.
 */
export function rankSumOfSorted(a: Float64Array, na: number, b: Float64Array, nb: number, res: RankSumScratch): void {
  let i = 0;
  let j = 0;
  let pos = 0;
  let rankSum = 0;
  let tieTerm = 0;
  while (i < na || j < nb) {
    const v = i < na ? (j < nb && b[j] < a[i] ? b[j] : a[i]) : b[j];
    let ca = 0;
    while (i < na && a[i] === v) {
      i++;
      ca++;
    }
    let cb = 0;
    while (j < nb && b[j] === v) {
      j++;
      cb++;
    }
    const t = ca + cb;
    // Ranks pos+1 … pos+t share the average pos + (t+1)/2, a half-integer, so the sum is exact.
    rankSum += ca * (pos + (t + 1) / 2);
    if (t > 1) tieTerm += t * t * t - t;
    pos += t;
  }
  res.rankSum = rankSum;
  res.tieTerm = tieTerm;
}
