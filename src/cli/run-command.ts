import { formatResults } from '../report/format-result.js';
import type { CliArguments } from './args.js';
import type { CliIo } from './io.js';
import { simulateFile } from './simulate-file.js';

/** `trialsim run`: simulates every file and prints the results. Returns the exit code. */
export function runCommand(args: CliArguments, io: CliIo): number {
  const results = args.files.map((file) => simulateFile(file, args, io));
  const text = formatResults(results, args.format);
  if (args.out) io.writeText(args.out, text);
  else io.stdout(text);
  return 0;
}
