import type { Counts } from './counts.js';
import { CHUNK_SIZE } from './chunks.js';
import { wilsonInterval } from './interval.js';

/** Fewest chunks an adaptive run uses, so the first interval is not judged on a handful of trials. */
export const MIN_PRECISION_CHUNKS = 2;

/**
 * Adaptive precision: given the counts of chunks 0, 1, 2, … in chunk order
 * (possibly more than needed, when workers ran ahead), the number of leading
 * chunks to keep — the first k ≥ MIN_PRECISION_CHUNKS whose Wilson 95 %
 * half-width is at most `halfWidth` — or undefined when no prefix is precise
 * enough yet. Deciding on prefixes in chunk order keeps the result independent
 * of how many workers ran and in what order chunks finished.
 */
export function chunksForPrecision(chunks: readonly Counts[], halfWidth: number): number | undefined {
  let replicates = 0;
  let successes = 0;
  for (let k = 0; k < chunks.length; k++) {
    replicates += chunks[k].replicates;
    successes += chunks[k].successes;
    if (k + 1 < MIN_PRECISION_CHUNKS) continue;
    const [lo, hi] = wilsonInterval(successes, replicates);
    if ((hi - lo) / 2 <= halfWidth) return k + 1;
  }
  return undefined;
}

/**
 * How many chunks an adaptive run probably needs in all, from the power seen so
 * far (p̂ = 1/2 before any): R ≈ z²·p(1 − p)/h², plus 10 %.
 */
export function estimatedChunksForPrecision(chunks: readonly Counts[], halfWidth: number): number {
  const replicates = chunks.reduce((s, c) => s + c.replicates, 0);
  const successes = chunks.reduce((s, c) => s + c.successes, 0);
  const p = replicates > 0 ? successes / replicates : 0.5;
  // A floor on p(1 − p), so a run that has seen no failures yet is not judged finished.
  const variance = Math.max(p * (1 - p), 0.0025);
  const needed = (1.1 * 3.8415 * variance) / (halfWidth * halfWidth);
  return Math.max(MIN_PRECISION_CHUNKS, Math.ceil(needed / CHUNK_SIZE));
}
