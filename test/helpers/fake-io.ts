import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CliIo, Simulator } from '../../src/cli/io.js';
import { runPoint } from '../../src/engine/run-point.js';

/**
 * A CliIo that captures output, reads real files, and simulates on this thread
 * (chunk ranges and adaptive precision decided as the worker pool decides them).
 */
export function fakeIo(files: Record<string, string> = {}): CliIo & { out: string; err: string; written: Record<string, string> } {
  const io = {
    out: '',
    err: '',
    written: {} as Record<string, string>,
    readText: (path: string) => files[path] ?? readFileSync(path, 'utf8'),
    writeText: (path: string, text: string) => void (io.written[path] = text),
    cannotWrite: (_path: string): string | undefined => undefined,
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    stderrIsTTY: false,
    now: () => 0,
    sha256Hex: (text: string) => createHash('sha256').update(text, 'utf8').digest('hex'),
    simulator: (): Simulator => ({
      size: 1,
      runPoints: async (points) =>
        points.map((p) => runPoint(p.scenario, { replicates: p.replicates, chunks: p.chunks, precision: p.precision })),
      close: () => undefined,
    }),
  };
  return io;
}
