import type { ResolvedScenario } from '../scenario/types.js';
import { chunkCount, chunkLength } from './chunks.js';
import { addCounts, emptyCounts } from './counts.js';
import { compilePlan } from './plan.js';
import { pointResult, type PointResult } from './point-result.js';
import { runChunk } from './run-chunk.js';

export type { PointResult } from './point-result.js';

/**
 * Simulates one design point on the calling thread: every chunk in order,
 * merged. Workers run the same chunks and give the same counts.
 */
export function runPoint(scenario: ResolvedScenario, options: { replicates?: number } = {}): PointResult {
  const replicates = options.replicates ?? scenario.simulation.replicates;
  const plan = compilePlan(scenario);
  let counts = emptyCounts();
  for (let k = 0; k < chunkCount(replicates); k++) {
    counts = addCounts(counts, runChunk(plan, scenario.simulation.seed, k, chunkLength(k, replicates)));
  }
  return pointResult(counts);
}
