import type { PointResult } from '../engine/point-result.js';
import type { ResolvedScenario } from '../scenario/types.js';

/** A design point handed to the simulator. */
export interface SimulationPoint {
  scenario: ResolvedScenario;
  replicates: number;
  precision?: number;
  label: string;
}

/** Runs design points, in worker threads or on this thread. */
export interface Simulator {
  readonly workers: number;
  run(points: SimulationPoint[], onProgress?: (done: number, expected: number) => void): Promise<PointResult[]>;
  close(): void;
}

/** What the CLI needs from the outside world; tests pass fakes. */
export interface CliIo {
  readText(path: string): string;
  writeText(path: string, text: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether standard error is a terminal (progress bars are drawn only then). */
  stderrIsTTY: boolean;
  /** Milliseconds, for elapsed times only (never for results). */
  now(): number;
  /** Starts a simulator with `workers` workers (undefined = one per core). */
  simulator(workers: number | undefined): Simulator;
}
