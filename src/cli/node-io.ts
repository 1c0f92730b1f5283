import { readFileSync, writeFileSync } from 'node:fs';
import { createNodePool } from '../../workers/node-pool.js';
import type { CliIo } from './io.js';

/** The real file system, streams and worker threads. */
export const nodeIo: CliIo = {
  readText: (path) => readFileSync(path, 'utf8'),
  writeText: (path, text) => writeFileSync(path, text),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  now: () => performance.now(),
  simulator: (workers) => {
    const pool = createNodePool(workers);
    return {
      size: pool.size,
      runPoints: (points, options) => pool.runPoints(points, options),
      close: () => pool.terminate(),
    };
  },
};
