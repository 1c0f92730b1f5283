import { simulateParallel } from '../designs/parallel.js';
import { simulateWithinPatient } from '../designs/within-patient.js';
import { chunkStream } from './chunks.js';
import type { Xorwow } from '../random/xorwow.js';
import type { Counts } from './counts.js';
import { DEGENERATE, REJECT, type Verdict } from './deciders/decider.js';
import type { TDecider } from './deciders/t-tests.js';
import { trialSucceeds } from './multiplicity.js';
import type { Plan } from './plan.js';

/**
 * Simulates replicate `r` of a chunk into the plan's buffers: patients, from
 * streams started per replicate; or, on the fast path, summaries from numbers
 * drawn per chunk (`beginChunk` in `runChunk`).
 */
function simulateTrial(plan: Plan, chunk: Xorwow, r: number): void {
  const { streams, data, params, sizes, fastPath } = plan;
  if (fastPath) {
    if (plan.uncertain) plan.drawParameters();
    fastPath.simulate(r, params, plan.summaries);
    return;
  }
  streams.beginReplicate(chunk);
  // Always start the parameter stream, so replicate r sees the same outcome
  // streams whether or not parameters are uncertain.
  streams.start(streams.parameters);
  if (plan.uncertain) plan.drawParameters();
  if (plan.design === 'within-patient') simulateWithinPatient(streams, plan.endpoint, sizes[0], params, data);
  else simulateParallel(streams, plan.endpoint, sizes, params, data);
}

/** Verdict of comparison `i` (treatment arm `plan.treatments[i]`) at level α. */
function verdictOf(plan: Plan, i: number, alpha: number): Verdict {
  const treatment = plan.treatments[i];
  if (!plan.fastPath) return plan.decider.rejects(plan.data, treatment, alpha);
  return (plan.decider as TDecider).rejectsFromSummaries(plan.summaries, treatment, Math.max(plan.control, 0), alpha);
}

/** p-value of comparison `i`; NaN when degenerate. */
function pValueOf(plan: Plan, i: number): number {
  const treatment = plan.treatments[i];
  if (!plan.fastPath) return plan.decider.pValue(plan.data, treatment);
  return (plan.decider as TDecider).pValueFromSummaries(plan.summaries, treatment, Math.max(plan.control, 0));
}

/**
 * Simulates and analyses the `length` replicates of chunk `k` of a design point.
 * The result depends on (plan, seed, k, length) only. Nothing is allocated per
 * replicate: every buffer lives in the plan.
 */
export function runChunk(plan: Plan, seed: string, k: number, length: number): Counts {
  const chunk = chunkStream(seed, k);
  if (plan.fastPath) {
    // Uncertain parameters are drawn in sequence from one stream per chunk:
    // they do not depend on the design point, so sweeps still share them.
    plan.streams.parameters.reseedFrom(chunk);
    plan.fastPath.beginChunk(chunk);
  }
  const { treatments, pValues } = plan;
  const { alpha, multiplicity, success } = plan.scenario.analysis;
  let successes = 0;
  let degenerate = 0;
  for (let r = 0; r < length; r++) {
    simulateTrial(plan, chunk, r);
    if (treatments.length === 1) {
      // One comparison: the decider may skip the p-value when the statistic is far from critical.
      const verdict = verdictOf(plan, 0, alpha);
      if (verdict === REJECT) successes++;
      else if (verdict === DEGENERATE) degenerate++;
      continue;
    }
    let anyDegenerate = false;
    for (let i = 0; i < treatments.length; i++) {
      const p = pValueOf(plan, i);
      if (p !== p) anyDegenerate = true;
      pValues[i] = p !== p ? 1 : p;
    }
    if (anyDegenerate) degenerate++;
    if (trialSucceeds(pValues, alpha, multiplicity, success)) successes++;
  }
  return { replicates: length, successes, degenerate };
}
