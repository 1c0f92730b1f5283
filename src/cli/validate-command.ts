import type { CliArguments } from './args.js';
import type { CliIo } from './io.js';
import { InvalidInputError } from './invalid-input-error.js';
import { loadDesignPoints } from './load-design-points.js';
import { UsageError } from './usage-error.js';

/**
 * `trialsim validate`: checks every file (every sweep point resolves), going
 * on past a file that is invalid or cannot be read. Returns the exit code.
 */
export function validateCommand(args: CliArguments, io: CliIo): number {
  let failed = false;
  for (const file of args.files) {
    try {
      const points = loadDesignPoints(file, args, io);
      io.stdout(`${file}: valid (${points.length} design point${points.length === 1 ? '' : 's'})\n`);
    } catch (error) {
      failed = true;
      if (error instanceof InvalidInputError) io.stderr(error.problems.map((p) => `${file}: ${p}\n`).join(''));
      else if (error instanceof UsageError && error.message.startsWith(`cannot read ${file}`)) io.stderr(`trialsim: ${error.message}\n`);
      else throw error;
    }
  }
  return failed ? 2 : 0;
}
