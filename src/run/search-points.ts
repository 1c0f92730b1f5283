import { hasUncertainParameters } from '../engine/parameters.js';
import type { PointResult } from '../engine/point-result.js';
import type { Expression, ResolvedDesign, ResolvedScenario } from '../scenario/types.js';
import { prepareRun, type PointRunner, type RunSettings } from './scenario-run.js';

/** Options of a search run: cancellation and progress, as for `simulateRun`. */
export interface SearchRunOptions {
  signal?: AbortSignal;
  /** Progress of the current round of evaluations (each round starts again from 0). */
  onProgress?: (done: number, expected: number) => void;
  /** The file the scenario came from, recorded in the result. */
  file?: string;
}

/**
 * Simulates scenarios derived from one design point (other n, other effects)
 * through the same path as `trialsim run`: `prepareRun` applies the run
 * settings (replicates, seed, precision, fast path) and the runner (the worker
 * pool) simulates them all in one batch. Only the main quantity is simulated
 * (power, or assurance with uncertain parameters), not the power at the estimate.
 */
export async function simulateScenarios(
  scenarios: readonly { set: Record<string, Expression>; scenario: ResolvedScenario }[],
  runner: PointRunner,
  settings: RunSettings,
  options: SearchRunOptions = {},
): Promise<PointResult[]> {
  const prepared = prepareRun(scenarios, settings);
  return runner.runPoints(prepared.simulated.slice(0, prepared.points.length), options);
}

/** The scenario with every run setting applied (replicates, seed, fast path), as it is simulated. */
export function settledScenario(scenario: ResolvedScenario, settings: RunSettings): ResolvedScenario {
  return prepareRun([{ set: {}, scenario }], settings).points[0].scenario;
}

/** What every search answer (`size`, `mde`) says about the scenario and the question. */
export interface SearchHeader {
  title: string;
  format: string;
  file?: string;
  /** Sweep values of this design point, empty without a sweep. */
  set: Record<string, Expression>;
  design: ResolvedDesign['kind'];
  test: string;
  alpha: number;
  sides: number;
  /** `power`, or `assurance` when some parameter is uncertain (then the power fields hold assurance). */
  quantity: 'power' | 'assurance';
  target: number;
}

/** The header of a search answer for one design point. */
export function searchHeader(scenario: ResolvedScenario, set: Record<string, Expression>, target: number, file?: string): SearchHeader {
  return {
    title: scenario.title,
    format: scenario.format,
    ...(file === undefined ? {} : { file }),
    set,
    design: scenario.design.kind,
    test: scenario.analysis.test,
    alpha: scenario.analysis.alpha,
    sides: scenario.analysis.sides,
    quantity: hasUncertainParameters(scenario) ? 'assurance' : 'power',
    target,
  };
}

/** An evaluated point of a search as reported. */
export interface SearchPoint {
  power: number;
  ci95: [number, number];
  mcse: number;
  replicates: number;
  successes: number;
  degenerate: number;
}

/** A point result in the reported form (the search's quantity is always called `power` here). */
export function searchPoint(result: PointResult): SearchPoint {
  const { power, ci95, mcse, replicates, successes, degenerate } = result;
  return { power, ci95, mcse, replicates, successes, degenerate };
}
