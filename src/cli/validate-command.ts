import type { CliArguments } from './args.js';
import type { CliIo } from './io.js';
import { InvalidInputError } from './invalid-input-error.js';
import { loadDesignPoints } from './load-design-points.js';

/** `trialsim validate`: checks every file (every sweep point resolves). Returns the exit code. */
export function validateCommand(args: CliArguments, io: CliIo): number {
  let failed = false;
  for (const file of args.files) {
    try {
      const points = loadDesignPoints(file, args, io);
      io.stdout(`${file}: valid (${points.length} design point${points.length === 1 ? '' : 's'})\n`);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      failed = true;
      io.stderr(error.problems.map((p) => `${file}: ${p}\n`).join(''));
    }
  }
  return failed ? 2 : 0;
}
