import { proxy, type Remote } from 'comlink';
import type { WorkerApi } from './api.js';
import type { SimulationPoint } from '../src/engine/simulation-point.js';
import { chunkCount } from '../src/engine/chunks.js';
import { addCounts, emptyCounts, type Counts } from '../src/engine/counts.js';
import { pointResult, type PointResult } from '../src/engine/point-result.js';
import { chunksForPrecision, estimatedChunksForPrecision } from '../src/engine/precision.js';
import { MAX_REPLICATES } from '../src/scenario/limits.js';

/** One started worker, however it was started (Web Worker or worker_threads). */
export interface WorkerHandle {
  api: Remote<WorkerApi>;
  /** Never resolves; rejects when the worker crashes, exits or reports an uncaught error. */
  failed: Promise<never>;
  terminate(): void;
}

/** A design point to simulate. */
export type PoolPoint = SimulationPoint;

/** Options of one run. */
export interface PoolRunOptions {
  signal?: AbortSignal;
  /** Called after every chunk with the chunks done and the chunks expected so far. */
  onProgress?: (done: number, expected: number) => void;
}

/** The error of a run stopped through its AbortSignal. */
export class RunCancelledError extends Error {
  override readonly name = 'RunCancelledError';
  constructor() {
    super('run cancelled');
  }
}

/** Chunks handed to a worker at once: enough to amortize a message, few enough to balance load. */
const CHUNKS_PER_TASK = 4;

interface PointState {
  point: PoolPoint;
  /** Counts per chunk, by chunk number (holes while chunks are in flight). */
  chunks: Counts[];
  /** Chunks handed out so far. */
  issued: number;
  /** Chunks this point will use, once known. */
  target: number | undefined;
  /** Most chunks allowed. */
  cap: number;
  /** Number of the point's first chunk to run (0, or the start of a shard's range). */
  offset: number;
  done: boolean;
}

/**
 * A fixed set of warm workers that simulates design points chunk by chunk.
 *
 * Chunks are numbered per point and seeded from (seed, chunk) alone, and counts
 * are added up, so the result is the same for any number of workers. Workers are
 * started on first use and kept across runs (a curve's points share them); a
 * cancelled or failed run terminates them and the next run starts fresh ones.
 */
export class WorkerPool {
  private handles: WorkerHandle[] = [];
  private busy = false;

  /**
   * @param spawn starts one worker
   * @param size number of workers
   */
  constructor(
    private readonly spawn: () => WorkerHandle,
    readonly size: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`worker count must be a whole number ≥ 1, got ${size}`);
  }

  /** Starts the workers now (otherwise the first run does), e.g. to measure start-up. */
  async warmUp(): Promise<void> {
    this.ensureStarted();
    await Promise.all(this.handles.map((h) => Promise.race([h.api.reset(), h.failed])));
  }

  /** Simulates every point; results in the order of `points`. */
  async runPoints(points: readonly PoolPoint[], options: PoolRunOptions = {}): Promise<PointResult[]> {
    if (this.busy) throw new Error('this worker pool is already running; wait for it or cancel it first');
    if (options.signal?.aborted) throw new RunCancelledError();
    const mixed = points.find((p) => p.chunks !== undefined && p.precision !== undefined);
    if (mixed) throw new Error(`design point ${mixed.label}: a chunk range cannot be combined with adaptive precision`);
    this.busy = true;
    this.ensureStarted();
    const states: PointState[] = points.map((point) => ({
      point,
      chunks: [],
      issued: 0,
      // A shard's range (`point.chunks`) is numbered from `offset`; `chunks`, `issued` and `target` count within it.
      target: point.chunks ? point.chunks.count : point.precision === undefined ? chunkCount(point.replicates) : undefined,
      cap: chunkCount(point.precision === undefined ? point.replicates : Math.min(point.replicates, MAX_REPLICATES)),
      offset: point.chunks?.first ?? 0,
      done: false,
    }));
    const prepared = this.handles.map(() => new Set<number>());
    let doneChunks = 0;
    const expected = () => states.reduce((s, st) => s + (st.target ?? Math.min(st.cap, estimatedChunksForPrecision(st.chunks, st.point.precision!))), 0);

    let stop: ((error: Error) => void) | undefined;
    const stopped = new Promise<never>((_, reject) => (stop = reject));
    const onAbort = () => stop?.(new RunCancelledError());
    options.signal?.addEventListener('abort', onAbort);

    const nextTask = (): { p: number; first: number; count: number } | undefined => {
      for (let p = 0; p < states.length; p++) {
        const st = states[p];
        if (st.done) continue;
        const goal = st.target ?? Math.min(st.cap, estimatedChunksForPrecision(contiguous(st.chunks), st.point.precision!));
        if (st.issued < goal) {
          const count = Math.min(CHUNKS_PER_TASK, goal - st.issued);
          const task = { p, first: st.issued, count };
          st.issued += count;
          return task;
        }
      }
      return undefined;
    };

    const settle = (st: PointState) => {
      const have = contiguous(st.chunks);
      if (st.target === undefined) {
        const enough = chunksForPrecision(have, st.point.precision!);
        if (enough !== undefined) st.target = enough;
        else if (have.length >= st.cap) st.target = st.cap;
      }
      if (st.target !== undefined && have.length >= st.target) st.done = true;
    };

    const workerLoop = async (w: number): Promise<void> => {
      const handle = this.handles[w];
      // Chunks reported so far per unfinished task (key "point:first"). A report
      // can arrive after its task's result; such late reports are ignored.
      const reported = new Map<string, number>();
      const report = (chunks: number) => {
        doneChunks += chunks;
        options.onProgress?.(doneChunks, Math.max(doneChunks, expected()));
      };
      const onProgress = options.onProgress
        ? proxy((pointId: number, first: number, done: number) => {
            const key = `${pointId}:${first}`;
            const before = reported.get(key);
            if (before === undefined || done <= before) return;
            reported.set(key, done);
            report(done - before);
          })
        : undefined;
      let listening = false;
      for (;;) {
        const task = nextTask();
        if (!task) {
          // Nothing left to hand out, unless an adaptive point may still need more.
          if (states.every((s) => s.done || (s.target !== undefined && s.issued >= s.target))) return;
          // Other workers' chunks may still decide whether this point needs more.
          await new Promise((resolve) => setTimeout(resolve, 1));
          continue;
        }
        const st = states[task.p];
        try {
          if (!listening) {
            await Promise.race([handle.api.setProgressListener(onProgress), handle.failed, stopped]);
            listening = true;
          }
          if (!prepared[w].has(task.p)) {
            await Promise.race([handle.api.prepare(task.p, st.point.scenario), handle.failed, stopped]);
            prepared[w].add(task.p);
          }
          const replicates = st.point.precision === undefined ? st.point.replicates : Infinity;
          const first = st.offset + task.first;
          const key = `${task.p}:${first}`;
          reported.set(key, 0);
          const counts = await Promise.race([handle.api.run(task.p, first, task.count, replicates), handle.failed, stopped]);
          counts.forEach((c, i) => (st.chunks[task.first + i] = c));
          const already = reported.get(key) ?? 0;
          reported.delete(key);
          if (counts.length > already) report(counts.length - already);
        } catch (error) {
          const reason = error instanceof RunCancelledError
            ? error
            : new Error(`design point ${task.p + 1} (${st.point.label}): ${(error as Error)?.message ?? String(error)}`);
          // Stop the other workers' loops too: they race against `stopped`.
          stop?.(reason);
          throw reason;
        }
        settle(st);
      }
    };

    try {
      await Promise.all(this.handles.map((_, w) => workerLoop(w)));
      return states.map((st) => pointResult(contiguous(st.chunks).slice(0, st.target).reduce(addCounts, emptyCounts())));
    } catch (error) {
      // A worker may be stuck in a long chunk or dead: start over next time.
      this.terminate();
      throw error;
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      this.busy = false;
    }
  }

  /** Stops every worker. The pool starts new ones if used again. */
  terminate(): void {
    for (const h of this.handles) h.terminate();
    this.handles = [];
  }

  private ensureStarted(): void {
    while (this.handles.length < this.size) {
      const handle = this.spawn();
      // A failure is reported to the run that is waiting; nobody waiting is fine too.
      handle.failed.catch(() => undefined);
      this.handles.push(handle);
    }
  }
}

/** The leading chunks that have all arrived. */
function contiguous(chunks: Counts[]): Counts[] {
  let k = 0;
  while (k < chunks.length && chunks[k] !== undefined) k++;
  return chunks.slice(0, k);
}
