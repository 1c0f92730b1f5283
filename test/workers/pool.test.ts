import { afterAll, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { createNodePool } from '../../workers/node-pool.js';
import { RunCancelledError, WorkerPool, chunksPerTask, type WorkerHandle } from '../../workers/pool.js';
import type { WorkerApi } from '../../workers/api.js';
import { runPoint } from '../../src/engine/run-point.js';
import { parallelBinary, parallelContinuous, withinPatientContinuous } from '../helpers/resolved-scenarios.js';

// These tests start the bundled worker, dist/node-worker.js (`npm test` builds it first).
const curve = [20, 40, 60].map((n) => ({ scenario: parallelContinuous(n, 'welch-t', 9_500), replicates: 9_500, label: `design.n = ${n}` }));
const others = [
  { scenario: parallelBinary(60, 0.895, 0.621), replicates: 6_000, label: 'fisher' },
  { scenario: withinPatientContinuous(30, 0.5, 0.5), replicates: 6_000, label: 'paired' },
];
// A long fast-path point, so that guided scheduling hands out tasks of many sizes.
const long = {
  scenario: { ...parallelContinuous(50, 'welch-t'), simulation: { replicates: 300_000, seed: 'long', fastPath: true } },
  replicates: 300_000,
  label: 'long',
};
const points = [...curve, ...others, long];

describe('chunksPerTask (guided self-scheduling)', () => {
  it('hands out large tasks first and small ones last, covering every chunk once', () => {
    for (const workers of [1, 2, 8]) {
      for (const total of [1, 3, 10, 400, 20_000]) {
        const sizes: number[] = [];
        for (let remaining = total; remaining > 0; remaining -= sizes[sizes.length - 1]) sizes.push(chunksPerTask(remaining, workers));
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
        for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1]);
        // At least 4 chunks a message (unless fewer remain), at most 256.
        expect(sizes.every((c, i) => c <= 256 && (c >= 4 || i === sizes.length - 1))).toBe(true);
      }
    }
  });
});

describe('worker pool', () => {
  const pools: WorkerPool[] = [];
  afterAll(() => pools.forEach((p) => p.terminate()));

  it('gives exactly the counts of a single-thread run with 1, 2 and 4 workers', async () => {
    const reference = points.map((p) => runPoint(p.scenario, { replicates: p.replicates }));
    for (const size of [1, 2, 4]) {
      const pool = createNodePool(size);
      pools.push(pool);
      const results = await pool.runPoints(points);
      expect(results.map((r) => [r.replicates, r.successes, r.degenerate])).toEqual(
        reference.map((r) => [r.replicates, r.successes, r.degenerate]),
      );
      // The pool stays warm: a second run on the same workers gives the same again.
      const again = await pool.runPoints(points);
      expect(again.map((r) => r.successes)).toEqual(reference.map((r) => r.successes));
    }
  });

  it('reports progress up to the total number of chunks', async () => {
    const pool = createNodePool(2);
    pools.push(pool);
    const seen: Array<[number, number]> = [];
    await pool.runPoints(curve, { onProgress: (done, expected) => seen.push([done, expected]) });
    const total = 3 * 10; // ⌈9500 / 1000⌉ chunks per point
    expect(seen.at(-1)).toEqual([total, total]);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThan(seen[i - 1][0]);
  });

  it('adaptive precision stops at the first chunk prefix precise enough, whatever the worker count', async () => {
    const adaptive = [{ scenario: parallelContinuous(40, 'welch-t', 1), replicates: 1_000_000, precision: 0.01, label: 'n = 40' }];
    const results = [];
    for (const size of [1, 3]) {
      const pool = createNodePool(size);
      pools.push(pool);
      results.push((await pool.runPoints(adaptive))[0]);
    }
    expect(results[1]).toEqual(results[0]);
    expect((results[0].ci95[1] - results[0].ci95[0]) / 2).toBeLessThanOrEqual(0.01);
    // One chunk fewer would not have been precise enough.
    const shorter = runPoint(parallelContinuous(40, 'welch-t', results[0].replicates - 1000));
    expect((shorter.ci95[1] - shorter.ci95[0]) / 2).toBeGreaterThan(0.01);
  });

  it('adaptive precision stops at its cap, a partial last chunk included, as runPoint does (--limit maxReplicates=2500)', async () => {
    const scenario = parallelContinuous(40, 'welch-t', 1);
    const capped = [{ scenario, replicates: 2500, precision: 0.001, label: 'n = 40' }];
    const expected = runPoint(scenario, { replicates: 2500, precision: 0.001 });
    expect(expected.replicates).toBe(2500);
    for (const size of [1, 3]) {
      const pool = createNodePool(size);
      pools.push(pool);
      expect((await pool.runPoints(capped))[0], `${size} worker(s)`).toEqual(expected);
    }
  });

  it('cancels a run through its AbortSignal, stops the workers, and can run again', async () => {
    const pool = createNodePool(2);
    pools.push(pool);
    const controller = new AbortController();
    const long = [{ scenario: parallelContinuous(70, 'welch-t', 5_000_000), replicates: 5_000_000, label: 'long' }];
    const run = pool.runPoints(long, { signal: controller.signal, onProgress: (done) => done >= 4 && controller.abort() });
    await expect(run).rejects.toBeInstanceOf(RunCancelledError);
    const after = await pool.runPoints(curve.slice(0, 1));
    expect(after[0].replicates).toBe(9_500);
  });

  it('turns an error inside a worker into an error naming the design point', async () => {
    const pool = createNodePool(2);
    pools.push(pool);
    const broken = { ...parallelContinuous(30), analysis: { ...parallelContinuous(30).analysis, test: 'no-such-test' as 'welch-t' } };
    await expect(pool.runPoints([curve[0], { scenario: broken, replicates: 1000, label: 'design.n = 30' }])).rejects.toThrow(
      /design point 2 \(design\.n = 30\): .*no-such-test/,
    );
  });

  it('turns a crashed worker into a clear error, never a hang', async () => {
    const crashing = (): WorkerHandle => {
      const worker = new Worker('process.exit(3)', { eval: true });
      const failed = new Promise<never>((_, reject) =>
        worker.once('exit', (code) => reject(new Error(`worker stopped unexpectedly (exit code ${code})`))),
      );
      return { api: wrap<WorkerApi>(nodeEndpoint(worker)), failed, terminate: () => void worker.terminate() };
    };
    const pool = new WorkerPool(crashing, 2);
    pools.push(pool);
    await expect(pool.runPoints(curve)).rejects.toThrow(/design point 1 \(design\.n = 20\): worker stopped unexpectedly \(exit code 3\)/);
  });
});
