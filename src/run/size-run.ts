import { CHUNK_SIZE } from '../engine/chunks.js';
import { closedFormFor } from '../engine/closed-form.js';
import { fastPathApplies } from '../engine/fast-path.js';
import { searchLattice } from '../engine/lattice-search.js';
import {
  closedFormSampleSize,
  latticeCeil,
  latticeN,
  latticeSizes,
  sampleSizeStart,
  sizeLattice,
  type SizeLattice,
} from '../engine/sample-size-search.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { RNG_NAME } from '../random/xorwow.js';
import type { DesignPoint } from '../scenario/design-points.js';
import { centreOf } from '../scenario/param-centre.js';
import type { ResolvedScenario } from '../scenario/types.js';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { significant } from '../text/number.js';
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

/** What `trialsim size` is asked. */
export interface SizeSettings extends RunSettings {
  /** Power (or assurance) to reach, in (0, 1). */
  target: number;
  /** Largest total n to consider (default `DEFAULT_MAX_N`). */
  maxN?: number;
}

/** Largest n a search considers unless told otherwise. */
export const DEFAULT_MAX_N = 10_000;

/** One simulated sample size of a search or a curve. */
export interface SizePoint extends SearchPoint {
  n: number;
}

/** The answer of `trialsim size` for one design point: the `--format json` shape of DESIGN.md, plus provenance. */
export interface SizeResult extends SearchHeader {
  /** Whether some n ≤ maxN reached the target. */
  reached: boolean;
  /**
   * Smallest n found whose simulated power reaches the target: patients
   * *analysed* (the search runs with dropout switched off). Total over arms for
   * parallel designs, patients for within-patient and single-arm designs.
   */
  n: number | null;
  /** Patients per arm at n (parallel designs). */
  perArm?: Record<string, number>;
  power: number | null;
  ci95: [number, number] | null;
  mcse: number | null;
  /** One step below n on the allocation lattice, and its power (null when n is the smallest size). */
  nMinus1: number | null;
  powerAtNMinus1: number | null;
  ci95AtNMinus1: [number, number] | null;
  /** The dropout probability of the file (its centre when uncertain). */
  dropout: number;
  /** Patients to *randomize*: ⌈n / (1 − dropout)⌉ rounded up to the lattice (= n without dropout). */
  nWithDropout: number | null;
  perArmWithDropout?: Record<string, number>;
  /** Simulated power at nWithDropout with the file's dropout on (a check; only when dropout > 0). */
  powerAtNWithDropout?: number;
  ci95AtNWithDropout?: [number, number];
  /** Design points simulated (search, plus the dropout check). */
  evaluations: number;
  /** Rounds of evaluation (points of a round are simulated together). */
  rounds: number;
  /** The closed form on the same lattice, where one exists (analysed patients, like n). */
  closedForm?: { n: number | null; perArm?: Record<string, number>; power: number | null; method: string };
  /** The sample-size lattice: n = k · step, split per arm as `perStep`. */
  lattice: { step: number; perStep?: Record<string, number> };
  maxN: number;
  /** How n was found and what it counts. */
  method: string;
  /** Every simulated n of the search (dropout off), by n. */
  evaluated: SizePoint[];
  /** Points of the power curve drawn with `--svg` (dropout off), when asked for. */
  curve?: SizePoint[];
  /** Design points simulated for the curve beyond the search's own (not counted in `evaluations`). */
  curveEvaluations?: number;
  seed: string;
  rng: string;
  engine: string;
  chunkSize: number;
  fastPath: boolean;
  /** Replicates per evaluated point (the most, with a precision target). */
  replicates: number;
  precision?: number;
  workers: number;
  elapsedMs: number;
}

/** The scenario with `design.n` set to lattice point k. */
function atSize(scenario: ResolvedScenario, lattice: SizeLattice, k: number): ResolvedScenario {
  return { ...scenario, design: { ...scenario.design, n: latticeN(lattice, k) } };
}

/** Per-arm sizes as an object keyed by arm id (parallel designs only). */
function perArmOf(scenario: ResolvedScenario, lattice: SizeLattice, k: number): Record<string, number> | undefined {
  const { design } = scenario;
  if (design.kind !== 'parallel') return undefined;
  const sizes = latticeSizes(lattice, design, k);
  return Object.fromEntries(design.arms.map((a, i) => [a.id, sizes[i]]));
}

/** z(1 − α/sides), the probit of "no signal" in the search's model. */
function nullZ(scenario: ResolvedScenario): number {
  return normalQuantile(1 - scenario.analysis.alpha / scenario.analysis.sides, 0, 1);
}

/** The text of `method`: how the search ran and which n is which. */
function methodText(scenario: ResolvedScenario, lattice: SizeLattice, dropout: number, replicates: string, started: string): string {
  const { design } = scenario;
  const latticeText =
    lattice.perStep && design.kind === 'parallel'
      ? `n = ${lattice.step}k, split ${lattice.perStep.join(':')} between ${design.arms.map((a) => a.id).join(' and ')}`
      : design.kind === 'parallel'
        ? `n = k, arms rounded to the allocation ${design.allocation.join(':')}`
        : 'n = k patients';
  const shown = significant(dropout, 4);
  const dropoutText =
    dropout > 0
      ? ` n counts analysed patients: the search simulates without dropout, and nWithDropout = \u2308n/(1 \u2212 ${shown})\u2309 on the lattice is the number to randomize (powerAtNWithDropout re-simulates it with the file's dropout, as a check); dropout is never counted twice.`
      : ' The file has no dropout, so n analysed = n randomized.';
  return (
    `Smallest n on the lattice (${latticeText}) whose simulated power reaches the target: ` +
    `start at ${started}, bracket by model-guided steps, then bisect on whole k; ` +
    `every n uses the same chunk streams (common random numbers), ${replicates}.` +
    dropoutText
  );
}

/**
 * Finds the smallest sample size whose simulated power (or assurance) reaches
 * `settings.target` for one design point, through `runner` (the worker pool in
 * the CLI and the UI). See `SizeResult` for what is reported, and
 * `searchLattice` for the search.
 */
export async function runSampleSizeSearch(
  point: DesignPoint,
  runner: PointRunner,
  settings: SizeSettings,
  options: SearchRunOptions = {},
): Promise<SizeResult> {
  const started = performance.now();
  const scenario = settledScenario(point.scenario, settings);
  const { design } = scenario;
  const maxN = settings.maxN ?? DEFAULT_MAX_N;
  const lattice = sizeLattice(design, maxN);
  const dropout = centreOf(design.dropout);
  const analysable: ResolvedScenario = { ...scenario, design: { ...design, dropout: 0 } };
  const closedForm = closedFormFor(analysable);
  const closed = closedForm && closedFormSampleSize(closedForm, lattice, design, settings.target);
  const start = sampleSizeStart(analysable, lattice, settings.target);
  const simulate = (scenarios: ResolvedScenario[]) =>
    simulateScenarios(
      scenarios.map((s) => ({ set: { ...point.set, 'design.n': s.design.n }, scenario: s })),
      runner,
      settings,
      options,
    );

  const search = await searchLattice({
    target: settings.target,
    start,
    min: lattice.min,
    max: lattice.max,
    scale: 'sqrt',
    nullZ: nullZ(scenario),
    evaluate: (ks) => simulate(ks.map((k) => atSize(analysable, lattice, k))),
  });
  const byK = new Map(search.evaluations.map((e) => [e.k, e.result]));
  const k = search.k;
  const at = k === undefined ? undefined : byK.get(k);
  const below = k === undefined ? undefined : byK.get(k - 1);
  let evaluations = search.evaluations.length;
  let rounds = search.rounds;

  let withDropout: Pick<SizeResult, 'nWithDropout' | 'perArmWithDropout' | 'powerAtNWithDropout' | 'ci95AtNWithDropout'> = {
    nWithDropout: k === undefined ? null : latticeN(lattice, k),
  };
  if (k !== undefined && dropout > 0) {
    const kd = latticeCeil(lattice, latticeN(lattice, k) / (1 - dropout));
    const [check] = await simulate([atSize(scenario, lattice, kd)]);
    evaluations++;
    rounds++;
    withDropout = {
      nWithDropout: latticeN(lattice, kd),
      ...(design.kind === 'parallel' ? { perArmWithDropout: perArmOf(scenario, lattice, kd) } : {}),
      powerAtNWithDropout: check.power,
      ci95AtNWithDropout: check.ci95,
    };
  }

  const precision = settings.precision ?? scenario.simulation.precision;
  const replicatesText =
    precision === undefined
      ? `${scenario.simulation.replicates} replicates each`
      : `replicates added until the 95 % half-width is at most ${precision}`;
  const startText = closed ? `the closed form (n = ${latticeN(lattice, closed.k)})` : `n = ${latticeN(lattice, start)}`;
  const perStep =
    lattice.perStep && design.kind === 'parallel' ? Object.fromEntries(design.arms.map((a, i) => [a.id, lattice.perStep![i]])) : undefined;
  return {
    ...searchHeader(scenario, point.set, settings.target, options.file),
    reached: k !== undefined,
    n: k === undefined ? null : latticeN(lattice, k),
    ...(k !== undefined && design.kind === 'parallel' ? { perArm: perArmOf(scenario, lattice, k) } : {}),
    power: at?.power ?? null,
    ci95: at?.ci95 ?? null,
    mcse: at?.mcse ?? null,
    nMinus1: below ? latticeN(lattice, k! - 1) : null,
    powerAtNMinus1: below?.power ?? null,
    ci95AtNMinus1: below?.ci95 ?? null,
    dropout,
    ...withDropout,
    evaluations,
    rounds,
    ...(closedForm
      ? {
          closedForm: {
            n: closed ? latticeN(lattice, closed.k) : null,
            ...(closed && design.kind === 'parallel' ? { perArm: perArmOf(scenario, lattice, closed.k) } : {}),
            power: closed?.power ?? null,
            method: closedForm.method,
          },
        }
      : {}),
    lattice: { step: lattice.step, ...(perStep ? { perStep } : {}) },
    maxN,
    method: methodText(scenario, lattice, dropout, replicatesText, startText),
    evaluated: search.evaluations.map((e) => ({ n: latticeN(lattice, e.k), ...searchPoint(e.result) })).sort((a, b) => a.n - b.n),
    seed: scenario.simulation.seed,
    rng: RNG_NAME,
    engine: ENGINE_VERSION,
    chunkSize: CHUNK_SIZE,
    fastPath: fastPathApplies(scenario),
    replicates: scenario.simulation.replicates,
    ...(precision === undefined ? {} : { precision }),
    workers: runner.size,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/** Points of the curve drawn around a found n. */
export const CURVE_POINTS = 12;

/**
 * The power curve around a search's answer, for `--svg`: about 12 lattice
 * points from 0.4·n to 1.8·n (or up to maxN when the target was not reached),
 * simulated with dropout off like the search and merged with the search's own
 * points (common random numbers make them one curve). Returns the points and
 * how many new design points were simulated.
 */
export async function sampleSizeCurve(
  point: DesignPoint,
  result: SizeResult,
  runner: PointRunner,
  settings: SizeSettings,
  options: SearchRunOptions = {},
): Promise<{ curve: SizePoint[]; evaluations: number }> {
  const scenario = settledScenario(point.scenario, settings);
  const lattice = sizeLattice(scenario.design, result.maxN);
  const analysable: ResolvedScenario = { ...scenario, design: { ...scenario.design, dropout: 0 } };
  const centre = result.n ?? Math.max(...result.evaluated.map((p) => p.n));
  const from = Math.max(lattice.min, latticeCeil(lattice, 0.4 * centre));
  const to = Math.min(lattice.max, latticeCeil(lattice, 1.8 * centre));
  const have = new Set(result.evaluated.map((p) => p.n));
  const ks = [...new Set(Array.from({ length: CURVE_POINTS }, (_, i) => Math.round(from + ((to - from) * i) / (CURVE_POINTS - 1))))].filter(
    (k) => !have.has(latticeN(lattice, k)),
  );
  const results = await simulateScenarios(
    ks.map((k) => ({ set: { ...point.set, 'design.n': latticeN(lattice, k) }, scenario: atSize(analysable, lattice, k) })),
    runner,
    settings,
    options,
  );
  const curve = [...result.evaluated, ...ks.map((k, i) => ({ n: latticeN(lattice, k), ...searchPoint(results[i]) }))].sort(
    (a, b) => a.n - b.n,
  );
  return { curve, evaluations: ks.length };
}
