import type { ResolvedScenario } from '../scenario/types.js';

/** A design point handed to a simulator (the worker pool or a single thread). */
export interface SimulationPoint {
  scenario: ResolvedScenario;
  /** Replicates to run; with `precision`, the most an adaptive run may use. */
  replicates: number;
  /** Target half-width of the 95 % interval (adaptive precision). */
  precision?: number;
  /** Names the point in messages, e.g. `design.n = 50`. */
  label: string;
}
