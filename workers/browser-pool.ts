import { releaseProxy, wrap } from 'comlink';
import type { WorkerApi } from './api.js';
import { WorkerPool, type WorkerHandle } from './pool.js';

/** Starts one module Web Worker running the worker API (bundled by Vite). */
export function spawnBrowserWorker(): WorkerHandle {
  const worker = new Worker(new URL('./browser-worker.ts', import.meta.url), { type: 'module' });
  const api = wrap<WorkerApi>(worker);
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'worker failed to start or crashed')));
    worker.addEventListener('messageerror', () => reject(new Error('worker sent a message that could not be read')));
  });
  return {
    api,
    failed,
    terminate: () => {
      api[releaseProxy]();
      worker.terminate();
    },
  };
}

/** A pool of Web Workers, one per logical core. */
export function createBrowserPool(size: number = navigator.hardwareConcurrency || 2): WorkerPool {
  return new WorkerPool(spawnBrowserWorker, size);
}
