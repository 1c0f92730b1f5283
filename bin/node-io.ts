import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { createNodePool } from '../workers/node-pool.js';
import type { CliIo } from '../src/cli/io.js';

/** The real file system, streams, hashing and worker threads: the CLI's Node side (`src/` has no Node built-ins). */
export const nodeIo: CliIo = {
  readText: (path, maxBytes) => (maxBytes === undefined ? readFileSync(path, 'utf8') : readTextAtMost(path, maxBytes)),
  writeText: (path, text) => writeFileSync(path, text),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  now: () => performance.now(),
  sha256Hex: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  simulator: (workers) => {
    const pool = createNodePool(workers);
    return {
      size: pool.size,
      runPoints: (points, options) => pool.runPoints(points, options),
      close: () => pool.terminate(),
    };
  },
};

/**
 * Reads at most `maxBytes + 1` bytes of a regular file: enough for the loader
 * to see that a file is too large, without reading a 10 GB file or /dev/zero.
 */
function readTextAtMost(path: string, maxBytes: number): string {
  const fd = openSync(path, 'r');
  try {
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: 'not a regular file' });
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}
