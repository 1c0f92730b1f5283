import { simulateParallel } from '../designs/parallel.js';
import { simulateWithinPatient } from '../designs/within-patient.js';
import { chunkStream } from './chunks.js';
import type { Xorwow } from '../random/xorwow.js';
import type { Counts } from './counts.js';
import { DEGENERATE, REJECT } from './deciders/decider.js';
import type { TDecider } from './deciders/t-tests.js';
import { trialSucceeds } from './multiplicity.js';
import type { Plan } from './plan.js';
import type { FastPathDraws } from './fast-path.js';

/** Simulates the patients of one replicate into the plan's buffers, from streams started per replicate. */
function simulatePatients(plan: Plan, chunk: Xorwow): void {
  const { streams, data, params, sizes } = plan;
  streams.beginReplicate(chunk);
  // Always start the parameter stream, so replicate r sees the same outcome
  // streams whether or not parameters are uncertain.
  streams.start(streams.parameters);
  if (plan.uncertain) plan.drawParameters();
  if (plan.design === 'within-patient') simulateWithinPatient(streams, plan.endpoint, sizes[0], params, data);
  else simulateParallel(streams, plan.endpoint, sizes, params, data);
}

/**
 * Simulates the summaries of all `length` replicates of a chunk on the fast
 * path, from numbers drawn per chunk (see `FastPathDraws`). Uncertain
 * parameters are drawn in sequence from one stream per chunk: they do not
 * depend on the design point, so sweeps still share them.
 */
function simulateSummaries(plan: Plan, fastPath: FastPathDraws, chunk: Xorwow, length: number): void {
  plan.streams.parameters.reseedFrom(chunk);
  fastPath.beginChunk(chunk);
  if (!plan.uncertain) {
    fastPath.simulate(0, length, plan.params, plan.summaries);
    return;
  }
  for (let r = 0; r < length; r++) {
    plan.drawParameters();
    fastPath.simulate(r, r + 1, plan.params, plan.summaries);
  }
}

/** p-value of comparison `i` (treatment arm `plan.treatments[i]`); NaN when degenerate. `at` is the replicate's place in the fast path's summaries. */
function pValueOf(plan: Plan, i: number, at: number): number {
  const treatment = plan.treatments[i];
  if (!plan.fastPath) return plan.decider.pValue(plan.data, treatment);
  return (plan.decider as TDecider).pValueFromSummaries(plan.summaries, at, treatment, Math.max(plan.control, 0));
}

/**
 * Simulates and analyses the `length` replicates of chunk `k` of a design point.
 * The result depends on (plan, seed, k, length) only. Nothing is allocated per
 * replicate: every buffer lives in the plan.
 */
export function runChunk(plan: Plan, seed: string, k: number, length: number): Counts {
  const chunk = chunkStream(seed, k);
  const { treatments, pValues, fastPath } = plan;
  const { alpha, multiplicity, success } = plan.scenario.analysis;
  if (fastPath) {
    simulateSummaries(plan, fastPath, chunk, length);
    if (treatments.length === 1) {
      // One comparison: the decider tallies the whole chunk in one loop.
      const tally = plan.tally;
      (plan.decider as TDecider).tallyFromSummaries(
        plan.summaries,
        fastPath.stride,
        length,
        treatments[0],
        Math.max(plan.control, 0),
        alpha,
        tally,
      );
      return { replicates: length, successes: tally[0], degenerate: tally[1] };
    }
  }
  let successes = 0;
  let degenerate = 0;
  for (let r = 0; r < length; r++) {
    if (!fastPath) simulatePatients(plan, chunk);
    if (treatments.length === 1) {
      // One comparison: the decider may skip the p-value when the statistic is far from critical.
      const verdict = plan.decider.rejects(plan.data, treatments[0], alpha);
      if (verdict === REJECT) successes++;
      else if (verdict === DEGENERATE) degenerate++;
      continue;
    }
    let anyDegenerate = false;
    for (let i = 0; i < treatments.length; i++) {
      const p = pValueOf(plan, i, r * (fastPath ? fastPath.stride : 0));
      if (p !== p) anyDegenerate = true;
      pValues[i] = p !== p ? 1 : p;
    }
    // A degenerate comparison counts as a non-rejection; the trial is counted as
    // degenerate only when it fails, so that successes + degenerate ≤ replicates
    // and "degenerate" always means "failed because some analysis could not be done".
    if (trialSucceeds(pValues, alpha, multiplicity, success)) successes++;
    else if (anyDegenerate) degenerate++;
  }
  return { replicates: length, successes, degenerate };
}
