import { parseCliArguments } from './args.js';
import { HELP } from './help.js';
import type { CliIo } from './io.js';
import { InvalidInputError } from './invalid-input-error.js';
import { prepareCommandInput } from './prepare-input.js';
import { UsageError } from './usage-error.js';
import type { CliArguments } from './args.js';

/** Every file a command line asks to write (checked before any simulation starts). */
async function outputPaths(args: CliArguments): Promise<string[]> {
  const svgBeside = args.md === undefined ? undefined : (await import('./report-command.js')).svgBeside(args.md);
  const paths = [args.out, args.svg, args.junit, args.html, args.md, svgBeside];
  return paths.filter((path): path is string => path !== undefined);
}

/**
 * Runs the CLI and returns its exit code: 0 ok, 1 an expectation failed, 2
 * invalid input or usage. Never throws: a user sees one-line reasons, not a
 * stack trace (set TRIALSIM_DEBUG=1 to get one for an internal error).
 */
export async function main(argv: readonly string[], io: CliIo, debug = false): Promise<number> {
  try {
    const args = parseCliArguments(argv);
    for (const path of await outputPaths(args)) {
      const why = io.cannotWrite(path);
      if (why !== undefined) throw new UsageError(`cannot write ${path}: ${why}`);
    }
    await prepareCommandInput(args, io);
    // Each command's modules are imported when it runs, so `--help` and `validate`
    // do not load the engine, the worker pool or the drawing code.
    switch (args.command) {
      case 'help':
        io.stdout(HELP);
        return 0;
      case 'run':
        return await (await import('./run-command.js')).runCommand(args, io);
      case 'size':
        return await (await import('./search-commands.js')).sizeCommand(args, io);
      case 'mde':
        return await (await import('./search-commands.js')).mdeCommand(args, io);
      case 'validate':
        return (await import('./validate-command.js')).validateCommand(args, io);
      case 'check':
        return await (await import('./check-command.js')).checkCommand(args, io);
      case 'merge':
        return await (await import('./merge-command.js')).mergeCommand(args, io);
      case 'report':
        return await (await import('./report-command.js')).reportCommand(args, io, argv);
    }
  } catch (error) {
    if (error instanceof InvalidInputError) {
      io.stderr(error.problems.map((p) => `${error.file}: ${p}\n`).join(''));
    } else if (error instanceof UsageError) {
      io.stderr(`trialsim: ${error.message}\n(see trialsim --help)\n`);
    } else {
      io.stderr(`trialsim: internal error: ${(error as Error)?.message ?? String(error)} — please report it\n`);
      if (debug) io.stderr(`${(error as Error)?.stack ?? ''}\n`);
    }
    return 2;
  }
}
