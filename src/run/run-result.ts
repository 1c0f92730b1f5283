import type { PointResult } from '../engine/point-result.js';
import type { Expression } from '../scenario/types.js';

/** One evaluated design point as reported: the sweep values that define it and its estimate. */
export interface ReportedPoint {
  /** The scenario paths this point overrides (empty without a sweep). */
  set: Record<string, Expression>;
  replicates: number;
  successes: number;
  /** Replicates whose analysis was degenerate, scored as failures. */
  degenerate: number;
  /** Share of successful trials when every parameter is fixed. */
  power?: number;
  /** Share of successful trials averaged over uncertain parameters. */
  assurance?: number;
  /** With uncertain parameters: the power with every distribution at its centre. */
  powerAtEstimate?: number;
  ci95: [number, number];
  mcse: number;
}

/** The result of running one scenario file: the `--format json` shape of DESIGN.md. */
export interface RunResult {
  title: string;
  format: string;
  /** The file it came from, when run from a file. */
  file?: string;
  test: string;
  /** The significance level; null when a sweep varies it (each point's `set` gives its own). */
  alpha: number | null;
  sides: number;
  /** `power`, or `assurance` when some parameter is uncertain. */
  quantity: 'power' | 'assurance';
  seed: string;
  rng: string;
  engine: string;
  chunkSize: number;
  /** Whether trials were simulated through their sufficient statistics (normal endpoint, t-test). */
  fastPath: boolean;
  workers: number;
  elapsedMs: number;
  points: ReportedPoint[];
}

/** A reported point from a simulated point (and, for assurance, the power at the estimate). */
export function reportPoint(set: Record<string, Expression>, result: PointResult, atEstimate?: PointResult): ReportedPoint {
  const { replicates, successes, degenerate, ci95, mcse } = result;
  const estimate = atEstimate ? { assurance: result.power, powerAtEstimate: atEstimate.power } : { power: result.power };
  return { set, replicates, successes, degenerate, ...estimate, ci95, mcse };
}
