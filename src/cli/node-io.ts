import { readFileSync, writeFileSync } from 'node:fs';
import type { CliIo } from './io.js';

/** The real file system and streams. */
export const nodeIo: CliIo = {
  readText: (path) => readFileSync(path, 'utf8'),
  writeText: (path, text) => writeFileSync(path, text),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => performance.now(),
};
