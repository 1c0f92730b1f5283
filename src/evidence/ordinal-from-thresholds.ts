/**
 * Category probabilities of an ordinal outcome from cumulative "at least"
 * proportions, e.g. the quartile repigmentation scale: [p≥25, p≥50, p≥75] →
 * [<25, 25–49, 50–74, ≥75] = [1 − p≥25, p≥25 − p≥50, p≥50 − p≥75, p≥75],
 * ordered worst to best as scenario ordinal endpoints expect.
 *
 * Pooled rates of a meta-analysis are pooled per threshold, often over
 * different studies, so the categories are an approximation of one population's
 * distribution; rates that are not non-increasing cannot be one population's
 * and are rejected rather than silently clipped.
 *
 * @param atLeast - proportions in [0, 1] (not %) of reaching each threshold, lowest threshold first, non-increasing
 * @returns atLeast.length + 1 probabilities that sum to 1
 * @throws Error when a value is not a proportion or the sequence increases
 */
export function ordinalFromThresholds(atLeast: readonly number[]): number[] {
  if (atLeast.length === 0) throw new Error('ordinalFromThresholds: need at least one threshold proportion');
  atLeast.forEach((p, i) => {
    if (!(Number.isFinite(p) && p >= 0 && p <= 1)) {
      throw new Error(`ordinalFromThresholds: proportion ${i} is ${p}; give proportions in [0, 1], not %`);
    }
  });
  for (let i = 1; i < atLeast.length; i++) {
    if (atLeast[i] > atLeast[i - 1]) {
      throw new Error(
        `ordinalFromThresholds: "at least" proportions must be non-increasing, but proportion ${i} (${atLeast[i]}) ` +
          `exceeds proportion ${i - 1} (${atLeast[i - 1]})`,
      );
    }
  }
  const probs = [1 - atLeast[0]];
  for (let i = 1; i < atLeast.length; i++) probs.push(atLeast[i - 1] - atLeast[i]);
  probs.push(atLeast[atLeast.length - 1]);
  return probs;
}
