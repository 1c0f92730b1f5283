import { formatResults } from '../report/format-result.js';
import type { RunResult } from '../report/run-result.js';
import type { CliArguments } from './args.js';
import type { CliIo } from './io.js';
import { loadDesignPoints } from './load-design-points.js';
import { simulateFile } from './simulate-file.js';

/** `trialsim run`: simulates every file and prints the results. Returns the exit code. */
export async function runCommand(args: CliArguments, io: CliIo): Promise<number> {
  // Validate every file before starting any work, so a typo in the last file
  // does not cost the simulation of the first ones.
  for (const file of args.files) loadDesignPoints(file, args, io);
  const simulator = io.simulator(args.workers);
  const results: RunResult[] = [];
  try {
    for (const file of args.files) results.push(await simulateFile(file, args, io, simulator));
  } finally {
    simulator.close();
  }
  const text = formatResults(results, args.format);
  if (args.out) io.writeText(args.out, text);
  else io.stdout(text);
  return 0;
}
