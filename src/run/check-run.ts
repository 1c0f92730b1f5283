import { fastPathApplies } from '../engine/fast-path.js';
import type { PointResult } from '../engine/point-result.js';
import { latticeCeil, latticeN, sizeLattice } from '../engine/sample-size-search.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { RNG_NAME } from '../random/xorwow.js';
import type { DesignPoint } from '../scenario/design-points.js';
import { MAX_N } from '../scenario/limits.js';
import { centreOf } from '../scenario/param-centre.js';
import type { ScenarioFile } from '../scenario/types.js';
import {
  describeExpectation,
  expectationPath,
  expectationsOf,
  judgeBound,
  type Expectation,
  type SampleSizeExpectation,
  type Verdict,
} from './expectations.js';
import { prepareRun, type PointRunner, type RunSettings } from './scenario-run.js';
import { searchPoint, settledScenario, simulateScenarios, type SearchRunOptions } from './search-points.js';
import { DEFAULT_MAX_N, runSampleSizeSearch, type SizeResult } from './size-run.js';

/** A scenario file ready to be checked: the file as written and its own design point. */
export interface CheckInput {
  /** The path given on the command line. */
  file: string;
  scenario: ScenarioFile;
  /**
   * The file's own design point: the values written in the file (with `--set`
   * applied), not the points of its sweep — a sweep draws curves around the
   * design, while `expect` states what the design itself promises.
   */
  point: DesignPoint;
}

/** What `sampleSize` expectations report besides the judged power. */
export interface SampleSizeFigure {
  /** Smallest analysed n reaching the power (null when not reached up to `maxN`). */
  n: number | null;
  /** Patients to randomize for n: ⌈n/(1 − dropout)⌉ on the allocation lattice. */
  nWithDropout: number | null;
  /** Largest n the search tried. */
  maxN: number;
  /** The largest analysed n whose patients to randomize are at most `atMost` (null when none is). */
  budgetAnalysed: number | null;
  /** Patients to randomize at `budgetAnalysed`. */
  budgetRandomized: number | null;
  /** Design points the search simulated. */
  evaluations: number;
}

/** The outcome of one expectation. */
export interface ExpectationOutcome {
  /** Where it is written, e.g. `expect.power.atLeast`. */
  path: string;
  /** As written, e.g. `power ≥ 0.8`. */
  expectation: string;
  spec: Expectation;
  verdict: Verdict;
  /**
   * The figure judged: `power`; `assurance`; `power at estimate` for a power
   * bound on a scenario with uncertain parameters (every distribution at its
   * centre); for a sample size, the power at the largest n the bound allows.
   */
  measured: 'power' | 'assurance' | 'power at estimate';
  /** The simulated figure (null when nothing needed simulating, e.g. a bound below the smallest design). */
  estimate: number | null;
  /** Wilson 95 % interval of `estimate`. */
  ci95: [number, number] | null;
  replicates: number | null;
  successes: number | null;
  /** Patients (design.n) at which `estimate` was simulated; analysed patients (dropout off) for a sample size. */
  n: number | null;
  sampleSize?: SampleSizeFigure;
  /** A remark, e.g. that a scenario without uncertain parameters has assurance = power. */
  note?: string;
}

/** The check of one file. */
export interface FileCheck {
  file: string;
  /** `checked`; `no-expect` (nothing to check, not a failure); `invalid` (exit code 2). */
  status: 'checked' | 'no-expect' | 'invalid';
  title?: string;
  /** Every problem of an invalid or unreadable file, one line each. */
  problems?: string[];
  seed?: string;
  /** Replicates per design point (absent with a precision target: then adaptive). */
  replicates?: number;
  precision?: number;
  fastPath?: boolean;
  outcomes: ExpectationOutcome[];
}

/** The result of `trialsim check`. */
export interface CheckReport {
  engine: string;
  rng: string;
  /** Whether inconclusive verdicts count as passing (`--allow-inconclusive`). */
  allowInconclusive: boolean;
  summary: CheckSummary;
  /** 0 all passed; 1 a failure (or an inconclusive verdict without `--allow-inconclusive`); 2 invalid input. */
  exitCode: 0 | 1 | 2;
  files: FileCheck[];
  workers: number;
  elapsedMs: number;
}

/** Counts of a check report. */
export interface CheckSummary {
  files: number;
  expectations: number;
  passed: number;
  failed: number;
  inconclusive: number;
  /** Files without an `expect` block. */
  withoutExpect: number;
  /** Files that could not be read or did not validate. */
  invalid: number;
}

/** The summary and exit code of checked files. */
export function summarize(files: readonly FileCheck[], allowInconclusive: boolean): { summary: CheckSummary; exitCode: 0 | 1 | 2 } {
  const outcomes = files.flatMap((f) => f.outcomes);
  const count = (v: Verdict) => outcomes.filter((o) => o.verdict === v).length;
  const summary: CheckSummary = {
    files: files.length,
    expectations: outcomes.length,
    passed: count('pass'),
    failed: count('fail'),
    inconclusive: count('inconclusive'),
    withoutExpect: files.filter((f) => f.status === 'no-expect').length,
    invalid: files.filter((f) => f.status === 'invalid').length,
  };
  const exitCode = summary.invalid > 0 ? 2 : summary.failed > 0 || (summary.inconclusive > 0 && !allowInconclusive) ? 1 : 0;
  return { summary, exitCode };
}

/** A bound judged on a simulated point. */
function boundOutcome(
  e: Expectation & { kind: 'bound' },
  measured: ExpectationOutcome['measured'],
  result: PointResult,
  n: number,
  note?: string,
): ExpectationOutcome {
  return {
    path: expectationPath(e),
    expectation: describeExpectation(e),
    spec: e,
    verdict: judgeBound(result.ci95, e.bound, e.threshold),
    measured,
    estimate: result.power,
    ci95: result.ci95,
    replicates: result.replicates,
    successes: result.successes,
    n,
    ...(note ? { note } : {}),
  };
}

/**
 * Checks `expect.sampleSize: { power: P, atMost: N }` at the file's design
 * point. The figure is the size search's answer (`trialsim size --power P`):
 * n analysed and n to randomize. The verdict asks the equivalent question that
 * has a Wilson interval: does the largest design within the bound — the
 * largest analysed n on the allocation lattice whose patients to randomize,
 * ⌈n/(1 − dropout)⌉ on the lattice, are at most N — reach power P (simulated
 * like the search, dropout off)? Pass / fail / inconclusive as for a power
 * bound `atLeast P` at that n. The search runs up to 10·N patients (at most
 * 10 000), enough to say by how much a failing design misses.
 */
async function sampleSizeOutcome(
  e: SampleSizeExpectation,
  input: CheckInput,
  runner: PointRunner,
  settings: RunSettings,
  options: SearchRunOptions,
): Promise<ExpectationOutcome> {
  const maxN = Math.min(DEFAULT_MAX_N, MAX_N, Math.max(10 * e.atMost, 20));
  const search: SizeResult = await runSampleSizeSearch(input.point, runner, { ...settings, target: e.power, maxN }, options);
  const scenario = settledScenario(input.point.scenario, settings);
  const lattice = sizeLattice(scenario.design, Math.max(maxN, e.atMost));
  const dropout = centreOf(scenario.design.dropout);
  const randomized = (k: number) => latticeN(lattice, latticeCeil(lattice, latticeN(lattice, k) / (1 - dropout)));
  let budget: number | undefined;
  for (let k = Math.floor(e.atMost / lattice.step); k >= lattice.min; k--) {
    if (randomized(k) <= e.atMost) {
      budget = k;
      break;
    }
  }
  const base = { path: expectationPath(e), expectation: describeExpectation(e), spec: e, measured: search.quantity } as const;
  const figure: SampleSizeFigure = {
    n: search.n,
    nWithDropout: search.nWithDropout,
    maxN,
    budgetAnalysed: budget === undefined ? null : latticeN(lattice, budget),
    budgetRandomized: budget === undefined ? null : randomized(budget),
    evaluations: search.evaluations,
  };
  if (budget === undefined) {
    return {
      ...base,
      verdict: 'fail',
      estimate: null,
      ci95: null,
      replicates: null,
      successes: null,
      n: null,
      sampleSize: figure,
      note: `${e.atMost} patients are fewer than the smallest design on the allocation lattice`,
    };
  }
  const nBudget = latticeN(lattice, budget);
  let at = search.evaluated.find((p) => p.n === nBudget);
  if (!at) {
    const analysable = { ...scenario, design: { ...scenario.design, n: nBudget, dropout: 0 } };
    const [result] = await simulateScenarios([{ set: { 'design.n': nBudget }, scenario: analysable }], runner, settings, options);
    at = { n: nBudget, ...searchPoint(result) };
  }
  return {
    ...base,
    verdict: judgeBound(at.ci95, 'atLeast', e.power),
    estimate: at.power,
    ci95: at.ci95,
    replicates: at.replicates,
    successes: at.successes,
    n: nBudget,
    sampleSize: figure,
  };
}

/**
 * Runs the expectations of every file through `runner` (the worker pool in the
 * CLI). Power and assurance bounds of all files are simulated in one batch, so
 * every worker stays busy; sample-size searches follow, one at a time. Each
 * bound is judged at the file's own design point (see `CheckInput.point`).
 */
export async function runChecks(
  inputs: readonly CheckInput[],
  runner: PointRunner,
  settings: RunSettings,
  options: { onProgress?: (done: number, expected: number) => void; signal?: AbortSignal } = {},
): Promise<FileCheck[]> {
  const prepared = inputs.map((input) => {
    const expectations = expectationsOf(input.scenario.expect);
    const needsRun = expectations.some((e) => e.kind === 'bound');
    return { input, expectations, run: prepareRun([input.point], settings), needsRun };
  });
  const batch = prepared.filter((p) => p.needsRun).flatMap((p) => p.run.simulated);
  const results = batch.length > 0 ? await runner.runPoints(batch, options) : [];
  let next = 0;
  const checks: FileCheck[] = [];
  for (const { input, expectations, run, needsRun } of prepared) {
    const simulated = run.points[0].scenario;
    const precision = settings.precision ?? simulated.simulation.precision;
    const common = {
      file: input.file,
      title: simulated.title,
      seed: simulated.simulation.seed,
      // With a precision target, replicates are adaptive: each outcome says how many were run.
      ...(precision === undefined ? { replicates: simulated.simulation.replicates } : { precision }),
      fastPath: fastPathApplies(simulated),
    };
    if (expectations.length === 0) {
      checks.push({ ...common, status: 'no-expect', outcomes: [] });
      continue;
    }
    let main: PointResult | undefined;
    let atEstimate: PointResult | undefined;
    if (needsRun) {
      main = results[next++];
      if (run.uncertain) atEstimate = results[next++];
    }
    const n = simulated.design.n;
    const outcomes: ExpectationOutcome[] = [];
    for (const e of expectations) {
      if (e.kind === 'sampleSize') {
        outcomes.push(await sampleSizeOutcome(e, input, runner, settings, { ...options, file: input.file }));
      } else if (e.quantity === 'power') {
        outcomes.push(
          run.uncertain
            ? boundOutcome(
                e,
                'power at estimate',
                atEstimate!,
                n,
                'the scenario has uncertain parameters: power is judged with every distribution at its centre (assurance is bounded by expect.assurance)',
              )
            : boundOutcome(e, 'power', main!, n),
        );
      } else {
        outcomes.push(
          run.uncertain
            ? boundOutcome(e, 'assurance', main!, n)
            : boundOutcome(e, 'assurance', main!, n, 'no parameter of the scenario is uncertain, so assurance equals power'),
        );
      }
    }
    checks.push({ ...common, status: 'checked', outcomes });
  }
  return checks;
}

/** The report of checked (and invalid) files. */
export function checkReport(files: FileCheck[], allowInconclusive: boolean, timing: { workers: number; elapsedMs: number }): CheckReport {
  return { engine: ENGINE_VERSION, rng: RNG_NAME, allowInconclusive, ...summarize(files, allowInconclusive), files, ...timing };
}
