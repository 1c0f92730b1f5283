import type { PointRunner } from '../run/scenario-run.js';

/** A simulator the CLI starts and must close (worker threads keep the process alive). */
export interface Simulator extends PointRunner {
  close(): void;
}

/** What the CLI needs from the outside world; tests pass fakes. */
export interface CliIo {
  /** With `maxBytes`, reads at most maxBytes + 1 bytes and refuses what is not a regular file (/dev/zero, a FIFO). */
  readText(path: string, maxBytes?: number): string;
  /** Throws `UsageError` ("cannot write PATH: why") when the file cannot be written. */
  writeText(path: string, text: string): void;
  /**
   * Why a file could not be written at `path` (its folder missing, no
   * permission, a folder in its place), or undefined. Asked before a run, so
   * that a long simulation is not lost to a typo in `--out`.
   */
  cannotWrite(path: string): string | undefined;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether standard error is a terminal (progress bars are drawn only then). */
  stderrIsTTY: boolean;
  /** Milliseconds, for elapsed times only (never for results). */
  now(): number;
  /** SHA-256 of the text's UTF-8 bytes, as 64 hex digits (file fingerprints in reports and shard parts). */
  sha256Hex(text: string): string;
  /** Starts a simulator with `workers` workers (undefined = one per core). */
  simulator(workers: number | undefined): Simulator;
}
