import { parseArgs } from 'node:util';
import type { OutputFormat } from '../report/format-result.js';
import { UsageError } from './usage-error.js';
import { MAX_REPLICATES } from '../scenario/limits.js';

/** Parses an optional whole-number option within [min, max]. */
function wholeNumber(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag}: got "${text}"; allowed: a whole number from ${min} to ${max}`);
  }
  return value;
}

/** Commands the CLI knows. */
export type Command = 'run' | 'validate' | 'help';

/** A parsed command line. */
export interface CliArguments {
  command: Command;
  files: string[];
  replicates?: number;
  seed?: string;
  set: string[];
  /** Worker threads (undefined = one per core). */
  workers?: number;
  /** Target half-width of the 95 % interval (adaptive replicates). */
  precision?: number;
  /** Simulate every patient even where the sufficient-statistics fast path applies. */
  noFastPath: boolean;
  format: OutputFormat;
  out?: string;
}

/** Most worker threads one run may start. */
export const MAX_WORKERS = 64;
/** Finest precision a run may ask for: 0.0005 needs about 4 million replicates at 50 % power. */
export const MIN_PRECISION = 0.0005;

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
        workers: { type: 'string' },
        precision: { type: 'string' },
        'no-fast-path': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  const [commandWord, ...files] = positionals;
  if (values.help || commandWord === undefined) return { command: 'help', files: [], set: [], format: 'table', noFastPath: false };
  if (!(COMMANDS as readonly string[]).includes(commandWord)) {
    throw new UsageError(`unknown command "${commandWord}"; allowed: ${COMMANDS.join(', ')}`);
  }
  const command = commandWord as Command;
  if (command !== 'help' && files.length === 0) throw new UsageError(`${command} needs at least one scenario file`);

  const format = values.format ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format: got "${format}"; allowed: ${FORMATS.join(', ')}`);
  }
  const replicates = wholeNumber('--replicates', values.replicates, 1, MAX_REPLICATES);
  const workers = wholeNumber('--workers', values.workers, 1, MAX_WORKERS);
  let precision: number | undefined;
  if (values.precision !== undefined) {
    precision = Number(values.precision);
    if (!(precision >= MIN_PRECISION && precision <= 0.5)) {
      throw new UsageError(`--precision: got "${values.precision}"; allowed: a half-width from ${MIN_PRECISION} to 0.5, e.g. 0.005`);
    }
  }
  return {
    command,
    files,
    replicates,
    workers,
    precision,
    noFastPath: values['no-fast-path'] === true,
    seed: values.seed,
    set: values.set ?? [],
    format: format as OutputFormat,
    out: values.out,
  };
}
