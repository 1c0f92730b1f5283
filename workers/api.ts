import { compilePlan, type Plan } from '../src/engine/plan.js';
import { runChunk } from '../src/engine/run-chunk.js';
import { chunkCount, chunkLength } from '../src/engine/chunks.js';
import type { Counts } from '../src/engine/counts.js';
import { checkResolvedScenario } from '../src/scenario/check-resolved.js';
import { formatIssue } from '../src/scenario/format-issues.js';
import { HARD_LIMITS } from '../src/scenario/limits.js';
import type { ResolvedScenario } from '../src/scenario/types.js';

/**
 * What a worker offers, exposed with comlink. Plain data in, plain data out:
 * a scenario is sent once per design point (`prepare`), then chunks are run by
 * number. The worker compiles its own plan and never sees mathjs.
 *
 * Every argument is checked: a worker's messages can come from any script of
 * the page, so a hand-made message gets a one-line error, never a crash, a
 * hang or unbounded memory (see `checkResolvedScenario`).
 */
export interface WorkerApi {
  /** Compiles design point `pointId` for later `run` calls. */
  prepare(pointId: number, scenario: ResolvedScenario): void;
  /**
   * Runs chunks `first … first + count − 1` of a prepared point, for a run of
   * `replicates` in all (which fixes the last chunk's length; for an adaptive
   * run, the most it may take), and returns each chunk's counts in order.
   */
  run(pointId: number, first: number, count: number, replicates: number): Counts[];
  /**
   * Sets (or clears) the progress listener, a comlink proxy told, at most
   * every PROGRESS_INTERVAL_MS within a long `run`, how many chunks of the task
   * starting at chunk `first` of point `pointId` are done. Set once per run: comlink opens a MessageChannel each
   * time a proxy is sent, which would cost more than the chunks themselves.
   */
  setProgressListener(listener?: (pointId: number, first: number, done: number) => void): void;
  /** Forgets every prepared point. */
  reset(): void;
}

/** Least time between two progress messages of one worker. */
export const PROGRESS_INTERVAL_MS = 100;

/** Most chunks one `run` call may ask for (the pool asks for 4). */
export const MAX_CHUNKS_PER_RUN = 10_000;

/** Most design points a worker keeps between resets (a sweep has at most 10⁶ with raised limits, twice for assurance). */
export const MAX_PREPARED_POINTS = 2 * HARD_LIMITS.maxSweepPoints;

/**
 * Compiled plans kept at once. A plan holds buffers of n values per arm (up to
 * 80 MB at n = 10⁷), so a 10 000-point sweep must not keep 10 000 of them: the
 * least recently used plan is dropped and recompiled if its point comes back
 * (the pool runs points in order, so that is rare). A plan is a pure function
 * of its scenario: recompiling never changes a count.
 */
export const MAX_COMPILED_PLANS = 8;

/** Highest chunk number accepted (a run of the hard limit of replicates). */
const MAX_CHUNK = chunkCount(HARD_LIMITS.maxReplicates);

/** Throws a one-line error for a bad argument. */
function badArgument(name: string, value: unknown, allowed: string): never {
  const shown =
    typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null ? String(value) : typeof value;
  throw new Error(`worker: ${name}: got ${shown}; allowed: ${allowed}`);
}

function wholeArgument(name: string, value: unknown, lo: number, hi: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi)
    badArgument(name, value, `a whole number from ${lo} to ${hi}`);
  return value;
}

/** Creates the worker API over the engine. Used by both the Node and the browser worker entry. */
export function createWorkerApi(): WorkerApi {
  /** Checked scenarios of the prepared points, without the text the engine does not use. */
  const scenarios = new Map<number, ResolvedScenario>();
  /** Compiled plans, least recently used first. */
  const plans = new Map<number, Plan>();
  let onProgress: ((pointId: number, first: number, done: number) => void) | undefined;

  const planFor = (pointId: number): Plan => {
    let plan = plans.get(pointId);
    if (plan) {
      plans.delete(pointId); // move to the most recently used end
    } else {
      const scenario = scenarios.get(pointId);
      if (!scenario) throw new Error(`worker: design point ${pointId} was not prepared`);
      plan = compilePlan(scenario);
      if (plans.size >= MAX_COMPILED_PLANS) plans.delete(plans.keys().next().value as number);
    }
    plans.set(pointId, plan);
    return plan;
  };

  return {
    prepare(pointId, scenario) {
      wholeArgument('pointId', pointId, 0, MAX_PREPARED_POINTS - 1);
      const checked = checkResolvedScenario(scenario, { forEngine: true });
      if (!checked.ok) throw new Error(`worker: invalid scenario: ${checked.issues.slice(0, 3).map(formatIssue).join('; ')}`);
      if (!scenarios.has(pointId) && scenarios.size >= MAX_PREPARED_POINTS) {
        throw new Error(`worker: more than ${MAX_PREPARED_POINTS} design points prepared; reset first`);
      }
      scenarios.set(pointId, checked.value);
      plans.delete(pointId);
      planFor(pointId); // compile now, so a problem shows at prepare
    },
    run(pointId, first, count, replicates) {
      wholeArgument('pointId', pointId, 0, MAX_PREPARED_POINTS - 1);
      wholeArgument('first', first, 0, MAX_CHUNK);
      wholeArgument('count', count, 0, MAX_CHUNKS_PER_RUN);
      wholeArgument('replicates', replicates, 1, HARD_LIMITS.maxReplicates);
      if (first + count > chunkCount(replicates)) {
        badArgument('first + count', first + count, `at most ${chunkCount(replicates)}, the chunks of ${replicates} replicates`);
      }
      const plan = planFor(pointId);
      const seed = plan.scenario.simulation.seed;
      const counts: Counts[] = [];
      let lastReport = performance.now();
      for (let k = first; k < first + count; k++) {
        counts.push(runChunk(plan, seed, k, chunkLength(k, replicates)));
        if (onProgress && performance.now() - lastReport >= PROGRESS_INTERVAL_MS) {
          void onProgress(pointId, first, counts.length);
          lastReport = performance.now();
        }
      }
      // What was not reported yet is implied by the returned counts.
      return counts;
    },
    setProgressListener(listener) {
      if (listener !== undefined && typeof listener !== 'function') badArgument('listener', listener, 'a function or nothing');
      onProgress = listener;
    },
    reset() {
      scenarios.clear();
      plans.clear();
      onProgress = undefined;
    },
  };
}
