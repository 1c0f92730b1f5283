import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { CHUNK_SIZE } from '../engine/chunks.js';
import { fastPathApplies } from '../engine/fast-path.js';
import { searchLattice } from '../engine/lattice-search.js';
import {
  closedFormEffect,
  effectLattice,
  effectStart,
  latticeEffect,
  latticeValue,
  unitDecimals,
  withEffect,
} from '../engine/mde-search.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { armSizes } from '../designs/arm-sizes.js';
import { RNG_NAME } from '../random/xorwow.js';
import type { DesignPoint } from '../scenario/design-points.js';
import { failure, ok, type Result } from '../scenario/issues.js';
import { centreOf } from '../scenario/param-centre.js';
import { fixed, significant } from '../text/number.js';
import type { PointRunner, RunSettings } from './scenario-run.js';
import {
  searchPoint,
  settledScenario,
  simulateScenarios,
  searchHeader,
  type SearchHeader,
  type SearchPoint,
  type SearchRunOptions,
} from './search-points.js';

/** What `trialsim mde` is asked. */
export interface MdeSettings extends RunSettings {
  /** Power (or assurance) to reach, in (0, 1). */
  target: number;
}

/** A simulated effect of a search. */
export interface EffectPoint extends SearchPoint {
  /** The effect (difference from the reference in the direction of benefit). */
  effect: number;
  /** The active arm's mean or rate at that effect. */
  value: number;
}

/** The answer of `trialsim mde` for one design point. */
export interface MdeResult extends SearchHeader {
  /** Patients randomized (the file's n); dropout is simulated as in the file. */
  n: number;
  perArm?: Record<string, number>;
  dropout: number;
  /** `mean` (continuous) or `rate` (binary). */
  parameter: 'mean' | 'rate';
  /** The path that moves, e.g. `endpoint.arms.msc.mean`. */
  path: string;
  /** The reference: the control arm (or the null value) and its value. */
  reference: { name: string; value: number };
  /** Whether some effect within range reached the target. */
  reached: boolean;
  /** Smallest effect on the lattice whose simulated power reaches the target (difference from the reference, direction of benefit). */
  effect: number | null;
  /** The active arm's mean or rate at `effect`. */
  value: number | null;
  power: number | null;
  ci95: [number, number] | null;
  mcse: number | null;
  /** One resolution step below, and its power. */
  effectBelow: number | null;
  powerBelow: number | null;
  ci95Below: [number, number] | null;
  /** Effects are searched in steps of this size. */
  resolution: number;
  /** The scenario's own effect, for comparison. */
  fileEffect: number;
  /** Design points simulated. */
  evaluations: number;
  rounds: number;
  closedForm?: { effect: number; value: number; power: number; method: string };
  method: string;
  evaluated: EffectPoint[];
  seed: string;
  rng: string;
  engine: string;
  chunkSize: number;
  fastPath: boolean;
  replicates: number;
  precision?: number;
  workers: number;
  elapsedMs: number;
}

/**
 * Finds the smallest effect detectable with the design point's n: the active
 * arm's mean (or rate) moves away from the reference in steps of `resolution`;
 * every step is simulated with the same chunk streams, so the power grows
 * monotonically with the effect for the t-tests (every simulated value shifts)
 * and nearly so otherwise, and `searchLattice` brackets and bisects. A
 * scenario with no single effect to move (ordinal endpoint, several active
 * arms) gives an issue instead.
 */
export async function runMdeSearch(
  point: DesignPoint,
  runner: PointRunner,
  settings: MdeSettings,
  options: SearchRunOptions = {},
): Promise<Result<MdeResult>> {
  const started = performance.now();
  const scenario = settledScenario(point.scenario, settings);
  const lattice = effectLattice(scenario);
  if (typeof lattice === 'string') {
    // A scenario without one effect to move is bad input for mde: name the field that decides it.
    const ordinal = scenario.endpoint.kind === 'ordinal';
    const active = scenario.design.arms.filter((a) => !a.control).length;
    return failure(
      ordinal ? 'endpoint.kind' : 'design.arms',
      ordinal ? 'ordinal' : `${active} active arms`,
      'a continuous or binary endpoint and one active arm besides the control',
      "mde moves the active arm's mean or response rate",
    );
  }
  const { design } = scenario;
  const closed = closedFormEffect(scenario, lattice, settings.target);
  const start = effectStart(scenario, lattice, settings.target);
  const search = await searchLattice({
    target: settings.target,
    start,
    min: 1,
    max: lattice.max,
    scale: 'linear',
    nullZ: normalQuantile(1 - scenario.analysis.alpha / scenario.analysis.sides, 0, 1),
    evaluate: (js) =>
      simulateScenarios(
        js.map((j) => ({ set: { ...point.set, [lattice.path]: latticeValue(lattice, j) }, scenario: withEffect(scenario, lattice, j) })),
        runner,
        settings,
        options,
      ),
  });
  const byJ = new Map(search.evaluations.map((e) => [e.k, e.result]));
  const j = search.k;
  const at = j === undefined ? undefined : byJ.get(j);
  const below = j === undefined ? undefined : byJ.get(j - 1);
  const dropout = centreOf(design.dropout);
  const precision = settings.precision ?? scenario.simulation.precision;
  const decimals = unitDecimals(lattice.unit);
  const what = lattice.kind === 'mean' ? `the mean of ${lattice.arm}` : `the response rate of ${lattice.arm}`;
  const method =
    `Smallest effect (${what} minus ${lattice.referenceName === 'analysis.null' ? 'the null value' : `that of ${lattice.referenceName}`}, ` +
    `in the direction of benefit) in steps of ${fixed(lattice.unit, decimals)} whose simulated power reaches the target at the scenario's n ` +
    `(patients randomized; ${dropout > 0 ? `dropout ${significant(dropout, 4)} simulated as in the file` : 'no dropout'}): ` +
    `start at ${closed ? 'the closed form' : 'the file\u2019s effect'}, bracket, then bisect; every effect uses the same chunk streams ` +
    `(common random numbers), ${precision === undefined ? `${scenario.simulation.replicates} replicates each` : `replicates added until the 95 % half-width is at most ${precision}`}.`;
  return ok({
    ...searchHeader(scenario, point.set, settings.target, options.file),
    n: design.n,
    ...(design.kind === 'parallel'
      ? { perArm: Object.fromEntries(armSizes(design.n, design.allocation).map((s, i) => [design.arms[i].id, s])) }
      : {}),
    dropout,
    parameter: lattice.kind,
    path: lattice.path,
    reference: { name: lattice.referenceName, value: lattice.reference },
    reached: j !== undefined,
    effect: j === undefined ? null : latticeEffect(lattice, j),
    value: j === undefined ? null : latticeValue(lattice, j),
    power: at?.power ?? null,
    ci95: at?.ci95 ?? null,
    mcse: at?.mcse ?? null,
    effectBelow: below ? latticeEffect(lattice, j! - 1) : null,
    powerBelow: below?.power ?? null,
    ci95Below: below?.ci95 ?? null,
    resolution: lattice.unit,
    fileEffect: Number(lattice.fileEffect.toFixed(decimals + 6)),
    evaluations: search.evaluations.length,
    rounds: search.rounds,
    ...(closed
      ? {
          closedForm: {
            effect: latticeEffect(lattice, closed.j),
            value: latticeValue(lattice, closed.j),
            power: closed.power,
            method: closed.method,
          },
        }
      : {}),
    method,
    evaluated: search.evaluations
      .map((e) => ({ effect: latticeEffect(lattice, e.k), value: latticeValue(lattice, e.k), ...searchPoint(e.result) }))
      .sort((a, b) => a.effect - b.effect),
    seed: scenario.simulation.seed,
    rng: RNG_NAME,
    engine: ENGINE_VERSION,
    chunkSize: CHUNK_SIZE,
    fastPath: fastPathApplies(scenario),
    replicates: scenario.simulation.replicates,
    ...(precision === undefined ? {} : { precision }),
    workers: runner.size,
    elapsedMs: Math.round(performance.now() - started),
  });
}
