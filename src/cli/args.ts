import { parseArgs } from 'node:util';
import type { OutputFormat } from '../report/format-result.js';
import { UsageError } from './usage-error.js';

/** Commands the CLI knows. */
export type Command = 'run' | 'validate' | 'help';

/** A parsed command line. */
export interface CliArguments {
  command: Command;
  files: string[];
  replicates?: number;
  seed?: string;
  set: string[];
  format: OutputFormat;
  out?: string;
}

const FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv', 'markdown'];
const COMMANDS: readonly Command[] = ['run', 'validate', 'help'];

/** Parses `argv` (without node and script), throwing `UsageError` with a one-line reason. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        replicates: { type: 'string' },
        seed: { type: 'string' },
        set: { type: 'string', multiple: true },
        format: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  const [commandWord, ...files] = positionals;
  if (values.help || commandWord === undefined) return { command: 'help', files: [], set: [], format: 'table' };
  if (!(COMMANDS as readonly string[]).includes(commandWord)) {
    throw new UsageError(`unknown command "${commandWord}"; allowed: ${COMMANDS.join(', ')}`);
  }
  const command = commandWord as Command;
  if (command !== 'help' && files.length === 0) throw new UsageError(`${command} needs at least one scenario file`);

  const format = values.format ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format: got "${format}"; allowed: ${FORMATS.join(', ')}`);
  }
  let replicates: number | undefined;
  if (values.replicates !== undefined) {
    replicates = Number(values.replicates);
    if (!Number.isInteger(replicates) || replicates < 1) {
      throw new UsageError(`--replicates: got "${values.replicates}"; allowed: a whole number ≥ 1`);
    }
  }
  return {
    command,
    files,
    replicates,
    seed: values.seed,
    set: values.set ?? [],
    format: format as OutputFormat,
    out: values.out,
  };
}
