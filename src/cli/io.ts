import type { PointRunner } from '../report/scenario-run.js';

/** A simulator the CLI starts and must close (worker threads keep the process alive). */
export interface Simulator extends PointRunner {
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
