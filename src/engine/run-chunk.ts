import { simulateParallel } from '../designs/parallel.js';
import { simulateWithinPatient } from '../designs/within-patient.js';
import { chunkStream } from './chunks.js';
import type { Counts } from './counts.js';
import { DEGENERATE, REJECT } from './deciders/decider.js';
import { trialSucceeds } from './multiplicity.js';
import type { Plan } from './plan.js';

/**
 * Simulates and analyses the `length` replicates of chunk `k` of a design point.
 * The result depends on (plan, seed, k, length) only. Nothing is allocated per
 * replicate: every buffer lives in the plan.
 */
export function runChunk(plan: Plan, seed: string, k: number, length: number): Counts {
  const chunk = chunkStream(seed, k);
  const { streams, data, params, decider, treatments, pValues, sizes } = plan;
  const { alpha, multiplicity, success } = plan.scenario.analysis;
  let successes = 0;
  let degenerate = 0;
  for (let r = 0; r < length; r++) {
    // Always advance the chunk stream the same way, so replicate r sees the same
    // outcome streams whether or not parameters are uncertain.
    streams.parameters.reseedFrom(chunk);
    if (plan.uncertain) plan.drawParameters();
    if (plan.design === 'within-patient') simulateWithinPatient(chunk, streams, plan.endpoint, sizes[0], params, data);
    else simulateParallel(chunk, streams, plan.endpoint, sizes, params, data);

    if (treatments.length === 1) {
      const verdict = decider.rejects(data, treatments[0], alpha);
      if (verdict === REJECT) successes++;
      else if (verdict === DEGENERATE) degenerate++;
      continue;
    }
    let anyDegenerate = false;
    for (let i = 0; i < treatments.length; i++) {
      const p = decider.pValue(data, treatments[i]);
      if (p !== p) anyDegenerate = true;
      pValues[i] = p !== p ? 1 : p;
    }
    if (anyDegenerate) degenerate++;
    if (trialSucceeds(pValues, alpha, multiplicity, success)) successes++;
  }
  return { replicates: length, successes, degenerate };
}
