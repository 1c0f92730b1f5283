/**
 * The cost of a run, estimated before it starts, and the budget that refuses
 * runs too large to finish in reasonable time. A scenario file is untrusted:
 * a sweep of 10 000 points × 10 million replicates × 100 000 patients passes
 * every per-field bound but would run for years; it is refused here with the
 * estimate, before any worker starts.
 *
 * Cost unit: one **patient outcome** of the cheapest analysis (a t-test on a
 * parallel trial); `OUTCOMES_PER_CORE_SECOND` turns units into time. The cost
 * of a simulated trial is
 *
 *   TRIAL_BASE + ARM_COST × arms + COMPARISON_COST × (arms − 2)
 *     + outcomes × (the test's weight per outcome + DROPOUT_COST if any dropout),
 *
 * where the weights and the rate were measured (`test/hostile/README.md` has the
 * figures and how they were taken): rank tests sort,
 * exact tests on large trials build a new null distribution for most tables.
 * On the sufficient-statistics fast path a trial costs O(arms), plus a scan of
 * the completer table (about 0.2 per patient) when there is dropout.
 */
import { CHUNK_SIZE, chunkCount, chunkLength } from './chunks.js';
import { fastPathApplies } from './fast-path.js';
import { formatCost } from './format-cost.js';
import { estimatedChunksForPrecision } from './precision.js';
import type { SimulationPoint } from './simulation-point.js';
import { DEFAULT_MAX_COST, type ScenarioLimits } from '../scenario/limits.js';
import type { ResolvedScenario } from '../scenario/types.js';

/** Cost of a simulated trial whatever its size: streams, parameters, the verdict. */
export const TRIAL_BASE = 30;
/** Cost per arm of a patient-level trial: its streams and its analysis. */
export const ARM_COST = 60;
/** Cost per patient of dropout on a patient-level trial (a uniform per patient, and compaction). */
export const DROPOUT_COST = 0.5;
/** Cost of each comparison beyond the first (an exact p-value for the multiplicity rule). */
export const COMPARISON_COST = 40;
/** Cost per arm of a fast-path trial (a mean and a chi-square draw). */
export const FAST_ARM_COST = 10;
/** Cost per patient of drawing the completers on the fast path when there is dropout. */
export const FAST_DROPOUT_COST = 0.2;
/** Arm size above which an exact test's null distribution costs about one outcome per patient and table. */
export const EXACT_TEST_SCALE = 3500;

/** Patient outcomes the engine simulates per second on one core, for time estimates in messages. */
export const OUTCOMES_PER_CORE_SECOND = 1e8;

/**
 * Cost per patient outcome of a test, relative to a parallel t-test (measured
 * at n = 70, 1000 and 100 000; see `test/hostile/README.md`).
 */
export function outcomeWeight(scenario: ResolvedScenario): number {
  const n = scenario.design.n;
  const ordinal = scenario.endpoint.kind === 'ordinal';
  switch (scenario.analysis.test) {
    case 'welch-t':
    case 'student-t':
    case 'one-sample-t':
    case 'chi-square':
    case 'binomial-exact':
      return 1;
    case 'paired-t':
    case 'mcnemar':
      return 2;
    case 'fisher-exact':
      // The two arms compared hold about 2n/arms patients.
      return 1 + (2 * n) / scenario.design.arms.length / EXACT_TEST_SCALE;
    case 'mcnemar-exact':
      return 2 + n / (3 * EXACT_TEST_SCALE);
    case 'mann-whitney':
      return ordinal ? 3 : 15;
    case 'wilcoxon-signed-rank':
      return scenario.design.kind === 'single-arm' ? 10 : 6;
    default:
      return 15; // unknown to this model: assume the dearest
  }
}

/** Patient outcomes of one simulated trial: n, or 2n for a within-patient design (two sites per patient). */
export function outcomesPerTrial(scenario: ResolvedScenario): number {
  return scenario.design.kind === 'within-patient' ? 2 * scenario.design.n : scenario.design.n;
}

/** Estimated cost of one simulated trial of a design point, in patient outcomes. */
export function trialCost(scenario: ResolvedScenario): number {
  const arms = scenario.design.arms.length;
  if (fastPathApplies(scenario)) {
    const dropout = scenario.design.dropout;
    const scan = typeof dropout === 'number' && dropout === 0 ? 0 : FAST_DROPOUT_COST * scenario.design.n;
    return TRIAL_BASE + FAST_ARM_COST * arms + scan;
  }
  const dropout = scenario.design.dropout;
  const lost = typeof dropout === 'number' && dropout === 0 ? 0 : DROPOUT_COST * outcomesPerTrial(scenario);
  const comparisons = Math.max(0, arms - 2) * COMPARISON_COST;
  return TRIAL_BASE + ARM_COST * arms + comparisons + lost + outcomesPerTrial(scenario) * outcomeWeight(scenario);
}

/**
 * Replicates a point will run: its `replicates`; those of its chunk range
 * for a shard; or for an adaptive point (`precision`) the worst case of the
 * precision rule (power 50 %), at most `replicates`.
 */
export function expectedReplicates(point: SimulationPoint): number {
  if (point.chunks) {
    // A shard runs its range of chunks only.
    let total = 0;
    const end = Math.min(point.chunks.first + point.chunks.count, chunkCount(point.replicates));
    for (let k = Math.max(0, point.chunks.first); k < end; k++) total += chunkLength(k, point.replicates);
    return total;
  }
  if (point.precision === undefined) return point.replicates;
  return Math.min(point.replicates, estimatedChunksForPrecision([], point.precision) * CHUNK_SIZE);
}

/** Estimated cost of a run: Σ over points of replicates × cost per trial, in patient outcomes. */
export function estimateRunCost(points: readonly SimulationPoint[]): number {
  let total = 0;
  for (const p of points) total += expectedReplicates(p) * trialCost(p.scenario);
  return total;
}

/** Result of `checkRunBudget`. */
export type RunBudgetCheck = { ok: true; estimate: number } | { ok: false; message: string; estimate: number };

/** "about 12 core-minutes", for messages. */
function coreTime(cost: number): string {
  const s = cost / OUTCOMES_PER_CORE_SECOND;
  if (s < 120) return `about ${Math.max(1, Math.round(s))} core-seconds`;
  if (s < 7200) return `about ${Math.round(s / 60)} core-minutes`;
  if (s < 2 * 86400) return `about ${Math.round(s / 3600)} core-hours`;
  if (s < 2 * 365 * 86400) return `about ${Math.round(s / 86400)} core-days`;
  return `about ${formatCost(s / (365 * 86400))} core-years`;
}

/**
 * Checks a run against the budget `limits.maxCost` (default `DEFAULT_MAX_COST`)
 * before it starts. A refusal says what the run would cost, why, and how to
 * proceed, e.g. "this run would simulate about 4.2e11 patient outcomes
 * (10 design points × 1000000 replicates × up to 42030 per trial; about 70
 * core-minutes); the limit is 5e10; raise it with --max-cost or reduce the
 * replicates, n or the sweep". `options.raise` replaces "raise it with
 * --max-cost" (the UI names its setting).
 */
export function checkRunBudget(
  points: readonly SimulationPoint[],
  limits: Partial<Pick<ScenarioLimits, 'maxCost'>> = {},
  options: { raise?: string } = {},
): RunBudgetCheck {
  const maxCost = limits.maxCost ?? DEFAULT_MAX_COST;
  const estimate = estimateRunCost(points);
  if (estimate <= maxCost) return { ok: true, estimate };
  const reps = points.map(expectedReplicates);
  const perTrial = points.map((p) => trialCost(p.scenario));
  const sameReps = reps.every((r) => r === reps[0]);
  const adaptive = points.some((p) => p.precision !== undefined);
  const count = `${points.length} design point${points.length === 1 ? '' : 's'}`;
  const replicates = `${sameReps ? '' : 'up to '}${Math.max(...reps)} replicates${adaptive ? ' (what the precision target may need)' : ''}`;
  const cost = `${perTrial.every((c) => c === perTrial[0]) ? '' : 'up to '}${formatCost(Math.max(...perTrial))} per trial`;
  return {
    ok: false,
    estimate,
    message:
      `this run would simulate about ${formatCost(estimate)} patient outcomes (${count} × ${replicates} × ${cost}; ${coreTime(estimate)}); ` +
      `the limit is ${formatCost(maxCost)}; ${options.raise ?? 'raise it with --max-cost'} or reduce the replicates, n or the sweep`,
  };
}
