import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { releaseProxy, wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import type { WorkerApi } from './api.js';
import { WorkerPool, type WorkerHandle } from './pool.js';

/**
 * Where the bundled Node worker is. Next to this module once bundled into
 * dist/; from the TypeScript sources (tests), the build in dist/ — tsx cannot
 * start a `.ts` worker on Node 20, so `npm run build:node` must have run.
 */
export function defaultNodeWorkerUrl(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('../dist/node-worker.js', import.meta.url)
    : new URL('./node-worker.js', import.meta.url);
}

/** Starts one worker_threads worker running the worker API. */
export function spawnNodeWorker(url: URL = defaultNodeWorkerUrl()): WorkerHandle {
  // No inherited execArgv: a parent started through a loader (tsx, in tests and
  // the benchmark) would load it into every worker too, tripling start-up.
  const worker = new Worker(url, { execArgv: [] });
  const api = wrap<WorkerApi>(nodeEndpoint(worker));
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', (error) => reject(error));
    worker.once('exit', (code) => reject(new Error(`worker stopped unexpectedly (exit code ${code})`)));
  });
  return {
    api,
    failed,
    terminate: () => {
      api[releaseProxy]();
      void worker.terminate();
    },
  };
}

/** A pool of Node workers, one per core unless told otherwise. */
export function createNodePool(size: number = availableParallelism(), url?: URL): WorkerPool {
  return new WorkerPool(() => spawnNodeWorker(url), size);
}
