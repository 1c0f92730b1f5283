import type { RunResult } from '../run/run-result.js';
import { prepareRun, simulateRun, type PointRunner } from '../run/scenario-run.js';
import type { RunSettings } from '../run/scenario-run.js';
import type { CliArguments } from './args.js';
import type { CliIo } from './io.js';
import { loadDesignPoints } from './load-design-points.js';
import { progressBar } from './progress-bar.js';

/** The run settings given on the command line. */
export function runSettings(args: CliArguments): RunSettings {
  return {
    replicates: args.replicates,
    seed: args.seed,
    precision: args.precision,
    fastPath: args.noFastPath ? false : undefined,
    maxReplicates: args.limits.maxReplicates,
  };
}

/** Simulates every design point of one scenario file, with the settings given on the command line. */
export async function simulateFile(file: string, args: CliArguments, io: CliIo, runner: PointRunner): Promise<RunResult> {
  const run = prepareRun(loadDesignPoints(file, args, io), runSettings(args));
  const bar = progressBar(io, file);
  try {
    return await simulateRun(run, runner, { onProgress: bar.update, file });
  } finally {
    bar.finish();
  }
}
