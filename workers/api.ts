import { compilePlan, type Plan } from '../src/engine/plan.js';
import { runChunk } from '../src/engine/run-chunk.js';
import { chunkLength } from '../src/engine/chunks.js';
import type { Counts } from '../src/engine/counts.js';
import type { ResolvedScenario } from '../src/scenario/types.js';

/**
 * What a worker offers, exposed with comlink. Plain data in, plain data out:
 * a scenario is sent once per design point (`prepare`), then chunks are run by
 * number. The worker compiles its own plan and never sees mathjs.
 */
export interface WorkerApi {
  /** Compiles design point `pointId` for later `run` calls. */
  prepare(pointId: number, scenario: ResolvedScenario): void;
  /**
   * Runs chunks `first … first + count − 1` of a prepared point, for a run of
   * `replicates` in all (which fixes the last chunk's length; Infinity for
   * adaptive runs), and returns each chunk's counts in order.
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

/** Creates the worker API over the engine. Used by both the Node and the browser worker entry. */
export function createWorkerApi(): WorkerApi {
  const plans = new Map<number, Plan>();
  let onProgress: ((pointId: number, first: number, done: number) => void) | undefined;
  return {
    prepare(pointId, scenario) {
      plans.set(pointId, compilePlan(scenario));
    },
    run(pointId, first, count, replicates) {
      const plan = plans.get(pointId);
      if (!plan) throw new Error(`design point ${pointId} was not prepared`);
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
      onProgress = listener;
    },
    reset() {
      plans.clear();
      onProgress = undefined;
    },
  };
}
