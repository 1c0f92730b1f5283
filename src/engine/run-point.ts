import type { ResolvedScenario } from '../scenario/types.js';
import { chunkCount, chunkLength } from './chunks.js';
import { addCounts, emptyCounts, type Counts } from './counts.js';
import { compilePlan } from './plan.js';
import { pointResult, type PointResult } from './point-result.js';
import { chunksForPrecision } from './precision.js';
import { runChunk } from './run-chunk.js';
import type { ChunkRange } from './shard.js';

export type { PointResult } from './point-result.js';

/** Options of `runPoint`. */
export interface RunPointOptions {
  /** Replicates of the whole run (default: the scenario's). */
  replicates?: number;
  /** Run only these chunks of the run (a shard); default all. */
  chunks?: ChunkRange;
  /**
   * Adaptive precision: run chunks in order until the Wilson 95 % half-width is
   * at most this (at most `replicates` in all), exactly as the worker pool decides.
   */
  precision?: number;
}

/**
 * Simulates one design point on the calling thread: every chunk in order (or
 * the chunks of `options.chunks`), merged. Workers run the same chunks and
 * give the same counts.
 */
export function runPoint(scenario: ResolvedScenario, options: RunPointOptions = {}): PointResult {
  const replicates = options.replicates ?? scenario.simulation.replicates;
  const plan = compilePlan(scenario);
  const seed = scenario.simulation.seed;
  if (options.precision !== undefined) {
    if (options.chunks) throw new Error('a chunk range cannot be combined with adaptive precision');
    const done: Counts[] = [];
    for (let k = 0; k < chunkCount(replicates); k++) {
      done.push(runChunk(plan, seed, k, chunkLength(k, replicates)));
      if (chunksForPrecision(done, options.precision) !== undefined) break;
    }
    return pointResult(done.reduce(addCounts, emptyCounts()));
  }
  const first = options.chunks?.first ?? 0;
  const end = options.chunks ? first + options.chunks.count : chunkCount(replicates);
  let counts = emptyCounts();
  for (let k = first; k < end; k++) counts = addCounts(counts, runChunk(plan, seed, k, chunkLength(k, replicates)));
  return pointResult(counts);
}
