import { proxy, type Remote } from 'comlink';
import type { WorkerApi } from './api.js';
import type { SimulationPoint } from '../src/engine/simulation-point.js';
import { chunkCount } from '../src/engine/chunks.js';
import { addCounts, emptyCounts, type Counts } from '../src/engine/counts.js';
import { pointResult, type PointResult } from '../src/engine/point-result.js';
import { chunksForPrecision, estimatedChunksForPrecision } from '../src/engine/precision.js';

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

/** Fewest chunks handed to a worker at once: enough to amortize a message. */
const MIN_CHUNKS_PER_TASK = 4;

/** Most chunks handed to a worker at once: bounds the work lost to a cancel and the wait for progress. */
const MAX_CHUNKS_PER_TASK = 256;

/**
 * Tasks each worker has in flight. Two: while a worker runs one task, the
 * next already waits in its message queue, so it never idles for a round trip.
 */
const TASKS_IN_FLIGHT = 2;

/**
 * Chunks in the next task, by guided self-scheduling (Polychronopoulos & Kuck
 * 1987): a share of what remains, so early tasks are large (few messages) and
 * the last ones small (workers finish together). Which worker runs a chunk
 * never changes its counts.
 */
export function chunksPerTask(remaining: number, workers: number): number {
  const share = Math.ceil(remaining / (2 * workers * TASKS_IN_FLIGHT));
  return Math.min(remaining, Math.max(MIN_CHUNKS_PER_TASK, Math.min(MAX_CHUNKS_PER_TASK, share)));
}

interface PointState {
  point: PoolPoint;
  /** Counts per chunk, by chunk number (holes while chunks are in flight). */
  chunks: Counts[];
  /** How many leading chunks have all arrived. */
  arrived: number;
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

/** What the lanes of one worker share. */
interface WorkerContext {
  handle: WorkerHandle;
  /** Points sent to this worker (each `prepare` once, even with two lanes). */
  prepared: Map<number, Promise<void>>;
  /** The progress listener, set once per run. */
  listening: Promise<void> | undefined;
  /** Chunks reported so far per unfinished task (key "point:first"). */
  reported: Map<string, number>;
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
      arrived: 0,
      issued: 0,
      // A shard's range (`point.chunks`) is numbered from `offset`; `chunks`, `issued` and `target` count within it.
      target: point.chunks ? point.chunks.count : point.precision === undefined ? chunkCount(point.replicates) : undefined,
      // With a precision target, `replicates` is the most it may take (as in runPoint): its last chunk may be partial.
      cap: chunkCount(point.replicates),
      offset: point.chunks?.first ?? 0,
      done: false,
    }));
    const arrivedChunks = (st: PointState) => st.chunks.slice(0, st.arrived);
    /** Chunks a point is expected to need: its target, or the estimate from the chunks so far. */
    const goalOf = (st: PointState) => st.target ?? Math.min(st.cap, estimatedChunksForPrecision(arrivedChunks(st), st.point.precision!));
    let doneChunks = 0;
    const expected = () => states.reduce((s, st) => s + goalOf(st), 0);

    let stop: ((error: Error) => void) | undefined;
    const stopped = new Promise<never>((_, reject) => (stop = reject));
    const onAbort = () => stop?.(new RunCancelledError());
    options.signal?.addEventListener('abort', onAbort);

    const nextTask = (): { p: number; first: number; count: number } | undefined => {
      for (let p = 0; p < states.length; p++) {
        const st = states[p];
        if (st.done) continue;
        const goal = goalOf(st);
        if (st.issued < goal) {
          const count = chunksPerTask(goal - st.issued, this.size);
          const task = { p, first: st.issued, count };
          st.issued += count;
          return task;
        }
      }
      return undefined;
    };

    const settle = (st: PointState) => {
      while (st.arrived < st.chunks.length && st.chunks[st.arrived] !== undefined) st.arrived++;
      if (st.target === undefined) {
        const enough = chunksForPrecision(arrivedChunks(st), st.point.precision!);
        if (enough !== undefined) st.target = enough;
        else if (st.arrived >= st.cap) st.target = st.cap;
      }
      if (st.target !== undefined && st.arrived >= st.target) st.done = true;
    };

    const report = (chunks: number) => {
      doneChunks += chunks;
      options.onProgress?.(doneChunks, Math.max(doneChunks, expected()));
    };
    const contexts: WorkerContext[] = this.handles.map((handle) => ({
      handle,
      prepared: new Map(),
      listening: undefined,
      reported: new Map(),
    }));
    const listenerFor = (context: WorkerContext) =>
      options.onProgress
        ? proxy((pointId: number, first: number, done: number) => {
            // A report can arrive after its task's result; such late reports are ignored.
            const key = `${pointId}:${first}`;
            const before = context.reported.get(key);
            if (before === undefined || done <= before) return;
            context.reported.set(key, done);
            report(done - before);
          })
        : undefined;

    /** One lane of a worker: takes tasks until none is left. */
    const lane = async (context: WorkerContext): Promise<void> => {
      const { handle, prepared, reported } = context;
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
          context.listening ??= handle.api.setProgressListener(listenerFor(context));
          await Promise.race([context.listening, handle.failed, stopped]);
          if (!prepared.has(task.p)) prepared.set(task.p, handle.api.prepare(task.p, st.point.scenario));
          await Promise.race([prepared.get(task.p), handle.failed, stopped]);
          const first = st.offset + task.first;
          const key = `${task.p}:${first}`;
          reported.set(key, 0);
          const counts = await Promise.race([handle.api.run(task.p, first, task.count, st.point.replicates), handle.failed, stopped]);
          counts.forEach((c, i) => (st.chunks[task.first + i] = c));
          const already = reported.get(key) ?? 0;
          reported.delete(key);
          if (counts.length > already) report(counts.length - already);
        } catch (error) {
          const reason =
            error instanceof RunCancelledError
              ? error
              : new Error(`design point ${task.p + 1} (${st.point.label}): ${(error as Error)?.message ?? String(error)}`);
          // Stop the other lanes too: they race against `stopped`.
          stop?.(reason);
          throw reason;
        }
        settle(st);
      }
    };

    try {
      await Promise.all(contexts.flatMap((context) => Array.from({ length: TASKS_IN_FLIGHT }, () => lane(context))));
      return states.map((st) => pointResult(arrivedChunks(st).slice(0, st.target).reduce(addCounts, emptyCounts())));
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
