/**
 * Runs design points through the worker pool a few at a time, reporting each
 * batch as it completes, so the page can draw the curve as it grows. Every
 * point is still simulated chunk by chunk from (seed, chunk) alone, so the
 * counts are exactly those of one big batch (and of `trialsim run`).
 */
import type { PointResult } from '../src/engine/point-result.js';
import type { SimulationPoint } from '../src/engine/simulation-point.js';
import type { PointRunner } from '../src/run/scenario-run.js';
import { RunCancelledError } from '../workers/pool.js';

/** Called after every batch with the results so far (undefined for points not run yet). */
export type BatchListener = (results: ReadonlyArray<PointResult | undefined>) => void;

/**
 * A `PointRunner` over `inner` that simulates `batch` points at a time.
 * Progress is reported in points: `(points done, fractional, points in all)`.
 */
export function progressiveRunner(inner: PointRunner, batch: number, onBatch: BatchListener): PointRunner {
  return {
    size: inner.size,
    async runPoints(points: readonly SimulationPoint[], options = {}) {
      const results: (PointResult | undefined)[] = new Array(points.length).fill(undefined);
      for (let first = 0; first < points.length; first += batch) {
        if (options.signal?.aborted) throw new RunCancelledError();
        const slice = points.slice(first, first + batch);
        const done = await inner.runPoints(slice, {
          ...(options.signal ? { signal: options.signal } : {}),
          onProgress: (chunks, expected) => options.onProgress?.(first + (slice.length * chunks) / Math.max(expected, 1), points.length),
        });
        done.forEach((r, i) => (results[first + i] = r));
        options.onProgress?.(first + slice.length, points.length);
        onBatch(results);
      }
      return results as PointResult[];
    },
  };
}
