import type { ResolvedScenario } from '../scenario/types.js';
import type { ChunkRange } from './shard.js';

/** A design point handed to a simulator (the worker pool or a single thread). */
export interface SimulationPoint {
  scenario: ResolvedScenario;
  /** Replicates to run; with `precision`, the most an adaptive run may use. */
  replicates: number;
  /** Target half-width of the 95 % interval (adaptive precision). */
  precision?: number;
  /** Names the point in messages, e.g. `design.n = 50`. */
  label: string;
  /**
   * Run only these chunks of the `replicates` (a shard of a run split across
   * jobs); the counts are then those of the range alone. Not with `precision`.
   */
  chunks?: ChunkRange;
}
