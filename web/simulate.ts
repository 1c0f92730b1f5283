/**
 * Running a scenario text in the page, exactly as `trialsim run` runs a file
 * (src/cli/simulate-file.ts and load-design-points.ts): the same design points,
 * the same seeds and replicates, the same second pass at the centre of every
 * distribution for assurance — so the same counts. Kept in step with the CLI
 * by hand (the CLI module reads files); test/browser checks the counts.
 */
import { CHUNK_SIZE } from '../src/engine/chunks.js';
import { fastPathApplies } from '../src/engine/fast-path.js';
import { hasUncertainParameters } from '../src/engine/parameters.js';
import type { PointResult } from '../src/engine/point-result.js';
import { ENGINE_VERSION } from '../src/engine/version.js';
import { RNG_NAME } from '../src/random/xorwow.js';
import { reportPoint, type RunResult } from '../src/report/run-result.js';
import { designPoints, type DesignPoint } from '../src/scenario/design-points.js';
import { formatIssue } from '../src/scenario/format-issues.js';
import { withoutUncertainty } from '../src/scenario/without-uncertainty.js';
import type { PoolPoint, PoolRunOptions } from '../workers/pool.js';
import type { RunSettings } from './run-settings.js';

/** Most replicates of an adaptive (`simulation.precision`) run, as in the CLI. */
const ADAPTIVE_MAX_REPLICATES = 10_000_000;

/** What runs the points: a `WorkerPool`, or anything with its `runPoints`. */
export interface PointRunner {
  readonly size: number;
  runPoints(points: readonly PoolPoint[], options?: PoolRunOptions): Promise<PointResult[]>;
}

/** A scenario checked and expanded, ready to run. */
export interface PreparedRun {
  /** The design points, with the run settings applied. */
  points: DesignPoint[];
  /** What is simulated: every point, then (for assurance) every point at the estimate. */
  simulated: PoolPoint[];
  uncertain: boolean;
  /** Replicates and seed as the scenario gives them, before the run settings. */
  scenarioSettings: { replicates: number; seed: string };
}

/** A label for a point in error messages, e.g. `design.n = 50`. */
function pointLabel(set: Record<string, unknown>): string {
  return Object.entries(set).map(([path, value]) => `${path} = ${JSON.stringify(value)}`).join(', ') || 'the scenario';
}

/**
 * Validates and expands a scenario text and applies the run settings. Returns
 * one formatted line per problem when it cannot run.
 */
export function prepareRun(
  text: string,
  settings: RunSettings = {},
): { ok: true; run: PreparedRun } | { ok: false; messages: string[] } {
  const loaded = designPoints(text);
  if (!loaded.ok) return { ok: false, messages: loaded.issues.map(formatIssue) };
  if (loaded.points.length === 0) return { ok: false, messages: ['sweep: the scenario has no design point to run'] };
  const { replicates, seed } = loaded.points[0].scenario.simulation;
  const points = loaded.points.map((point) => ({
    ...point,
    scenario: {
      ...point.scenario,
      simulation: {
        ...point.scenario.simulation,
        replicates: settings.replicates ?? point.scenario.simulation.replicates,
        seed: settings.seed ?? point.scenario.simulation.seed,
      },
    },
  }));
  const uncertain = points.some((p) => hasUncertainParameters(p.scenario));
  const precision = points[0].scenario.simulation.precision;
  const asSimulated = (scenario: DesignPoint['scenario'], set: Record<string, unknown>): PoolPoint => ({
    scenario,
    // With a precision target, replicates is the most an adaptive run may use.
    replicates: precision === undefined ? scenario.simulation.replicates : Math.max(scenario.simulation.replicates, ADAPTIVE_MAX_REPLICATES),
    precision,
    label: pointLabel(set),
  });
  const simulated = points.map((p) => asSimulated(p.scenario, p.set));
  if (uncertain) simulated.push(...points.map((p) => asSimulated(withoutUncertainty(p.scenario), p.set)));
  return { ok: true, run: { points, simulated, uncertain, scenarioSettings: { replicates, seed } } };
}

/**
 * Simulates a prepared run and reports it in the shape of `trialsim run --format json`.
 * Rejects with the pool's `RunCancelledError` when `options.signal` aborts.
 */
export async function simulateRun(run: PreparedRun, runner: PointRunner, options: PoolRunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  const { points, uncertain } = run;
  const first = points[0].scenario;
  const results = await runner.runPoints(run.simulated, options);
  return {
    title: first.title,
    format: first.format,
    test: first.analysis.test,
    alpha: first.analysis.alpha,
    sides: first.analysis.sides,
    quantity: uncertain ? 'assurance' : 'power',
    seed: first.simulation.seed,
    rng: RNG_NAME,
    engine: ENGINE_VERSION,
    chunkSize: CHUNK_SIZE,
    fastPath: fastPathApplies(first),
    workers: runner.size,
    elapsedMs: Math.round(performance.now() - started),
    points: points.map(({ set }, i) => reportPoint(set, results[i], uncertain ? results[points.length + i] : undefined)),
  };
}
