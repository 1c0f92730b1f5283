import { createHash } from 'node:crypto';
import { accessSync, closeSync, constants, fstatSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import type { CliIo } from '../src/cli/io.js';
import type { WorkerPool } from '../workers/pool.js';
import { UsageError } from '../src/cli/usage-error.js';

/** The real file system, streams, hashing and worker threads: the CLI's Node side (`src/` has no Node built-ins). */
export const nodeIo: CliIo = {
  // Without a UTF-8 byte-order mark, as a browser's TextDecoder reads it (editors on Windows write one).
  readText: (path, maxBytes) =>
    (maxBytes === undefined ? readFileSync(path, 'utf8') : readTextAtMost(path, maxBytes)).replace(/^\uFEFF/, ''),
  writeText: (path, text) => {
    try {
      writeFileSync(path, text);
    } catch (error) {
      throw new UsageError(`cannot write ${path}: ${reason(error)}`);
    }
  },
  cannotWrite: (path) => {
    try {
      const existing = statSync(path, { throwIfNoEntry: false });
      if (existing?.isDirectory()) return 'it is a folder';
      const target = existing ? path : dirname(path);
      if (!existing && !statSync(target, { throwIfNoEntry: false })?.isDirectory()) return `its folder ${target} does not exist`;
      accessSync(target, constants.W_OK);
      return undefined;
    } catch (error) {
      return reason(error);
    }
  },
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  now: () => performance.now(),
  sha256Hex: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  simulator: (workers) => {
    // The pool (comlink, the engine's random streams) is imported when the first
    // points are run, so that commands that simulate nothing do not load it.
    const size = workers ?? availableParallelism();
    let pool: Promise<WorkerPool> | undefined;
    const started = () => {
      pool ??= import('../workers/node-pool.js').then(({ createNodePool }) => createNodePool(size));
      return pool;
    };
    return {
      size,
      runPoints: async (points, options) => (await started()).runPoints(points, options),
      close: () => void pool?.then((p) => p.terminate()),
    };
  },
};

/** A file-system error in words: `permission denied (EACCES)`, else its message. */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EISDIR: 'it is a folder',
    ENOENT: 'no such file or folder',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left',
  };
  return code !== undefined && words[code] !== undefined ? `${words[code]} (${code})` : String((error as Error)?.message ?? error);
}

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
