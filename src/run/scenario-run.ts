import { CHUNK_SIZE } from '../engine/chunks.js';
import { fastPathApplies } from '../engine/fast-path.js';
import { hasUncertainParameters } from '../engine/parameters.js';
import type { PointResult } from '../engine/point-result.js';
import type { SimulationPoint } from '../engine/simulation-point.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { RNG_NAME } from '../random/xorwow.js';
import type { DesignPoint } from '../scenario/design-points.js';
import { MAX_REPLICATES } from '../scenario/limits.js';
import type { Expression } from '../scenario/types.js';
import { withoutUncertainty } from '../scenario/without-uncertainty.js';
import { reportPoint, type RunResult } from './run-result.js';

/** What the person running may change without editing the file (CLI flags, UI fields). */
export interface RunSettings {
  replicates?: number;
  seed?: string;
  /** Target half-width of the 95 % interval; overrides `simulation.precision`. */
  precision?: number;
  /** False turns the sufficient-statistics fast path off. */
  fastPath?: boolean;
  /** With a precision target, the most replicates a point may take (`--limit maxReplicates`; default MAX_REPLICATES). */
  maxReplicates?: number;
}

/** A scenario's design points, ready to simulate. */
export interface PreparedRun {
  /** The design points with the settings applied. */
  points: DesignPoint[];
  /** What is simulated: every point, then (for assurance) every point at the estimate. */
  simulated: SimulationPoint[];
  /** Some parameter is a distribution: the result is assurance. */
  uncertain: boolean;
}

/** Anything that simulates design points: the worker pool, or a loop on this thread in tests. */
export interface PointRunner {
  readonly size: number;
  runPoints(
    points: readonly SimulationPoint[],
    options?: { signal?: AbortSignal; onProgress?: (done: number, expected: number) => void },
  ): Promise<PointResult[]>;
}

/** Names a point in messages, e.g. `design.n = 50`. */
function pointLabel(set: Record<string, unknown>): string {
  return (
    Object.entries(set)
      .map(([path, value]) => `${path} = ${JSON.stringify(value)}`)
      .join(', ') || 'the scenario'
  );
}

/**
 * Applies the run settings to every design point and lists what to simulate.
 * With uncertain parameters each point is run twice: with the distributions
 * (assurance) and with every parameter at its centre (power at the estimate).
 * The CLI and the UI both go through here, so both give the same numbers.
 */
export function prepareRun(designPoints: readonly DesignPoint[], settings: RunSettings = {}): PreparedRun {
  const points = designPoints.map((point) => ({
    ...point,
    scenario: {
      ...point.scenario,
      simulation: {
        ...point.scenario.simulation,
        replicates: settings.replicates ?? point.scenario.simulation.replicates,
        seed: settings.seed ?? point.scenario.simulation.seed,
        fastPath: point.scenario.simulation.fastPath && settings.fastPath !== false,
      },
    },
  }));
  const uncertain = points.some((p) => hasUncertainParameters(p.scenario));
  const precision = settings.precision ?? points[0]?.scenario.simulation.precision;
  const asSimulated = (scenario: DesignPoint['scenario'], set: Record<string, unknown>): SimulationPoint => ({
    scenario,
    // With a precision target, replicates become adaptive, up to the run's bound.
    replicates: precision === undefined ? scenario.simulation.replicates : (settings.maxReplicates ?? MAX_REPLICATES),
    precision,
    label: pointLabel(set),
  });
  const simulated = points.map((p) => asSimulated(p.scenario, p.set));
  if (uncertain) simulated.push(...points.map((p) => asSimulated(withoutUncertainty(p.scenario), p.set)));
  return { points, simulated, uncertain };
}

/** What a run reports besides its points and timing: the fields of `RunResult` up to `fastPath`, in order. */
export type RunHeader = Omit<RunResult, 'workers' | 'elapsedMs' | 'points'>;

/** The header of a prepared run's result (title, test, seed, engine, …), from its first design point; α is null when the points differ in it. */
export function runHeader(run: PreparedRun, file?: string): RunHeader {
  const first = run.points[0].scenario;
  const alpha = run.points.every((p) => p.scenario.analysis.alpha === first.analysis.alpha) ? first.analysis.alpha : null;
  return {
    title: first.title,
    format: first.format,
    ...(file === undefined ? {} : { file }),
    test: first.analysis.test,
    alpha,
    sides: first.analysis.sides,
    quantity: run.uncertain ? 'assurance' : 'power',
    seed: first.simulation.seed,
    rng: RNG_NAME,
    engine: ENGINE_VERSION,
    chunkSize: CHUNK_SIZE,
    fastPath: fastPathApplies(first),
  };
}

/**
 * A run's result from its header, the sweep values of its points and the
 * results of what was simulated (`PreparedRun.simulated`: every point, then,
 * for assurance, every point at the estimate). `simulateRun` and
 * `trialsim merge` both build results here, so they serialize identically.
 */
export function assembleResult(
  header: RunHeader,
  sets: readonly Record<string, Expression>[],
  results: readonly PointResult[],
  timing: { workers: number; elapsedMs: number },
): RunResult {
  const uncertain = header.quantity === 'assurance';
  return {
    ...header,
    workers: timing.workers,
    elapsedMs: timing.elapsedMs,
    points: sets.map((set, i) => reportPoint(set, results[i], uncertain ? results[sets.length + i] : undefined)),
  };
}

/**
 * Simulates a prepared run and reports it in the shape of `trialsim run --format json`.
 * Rejects with the runner's cancellation error when `options.signal` aborts.
 */
export async function simulateRun(
  run: PreparedRun,
  runner: PointRunner,
  options: { signal?: AbortSignal; onProgress?: (done: number, expected: number) => void; file?: string } = {},
): Promise<RunResult> {
  const started = performance.now();
  const results = await runner.runPoints(run.simulated, options);
  return assembleResult(
    runHeader(run, options.file),
    run.points.map((p) => p.set),
    results,
    {
      workers: runner.size,
      elapsedMs: Math.round(performance.now() - started),
    },
  );
}
