import type { OutputFormat } from '../report/format-result.js';
import { UsageError } from './usage-error.js';
import { parseArgv } from './argv-options.js';
import {
  DEFAULT_LIMITS,
  HARD_LIMITS,
  MAX_SEED_LENGTH,
  MAX_SWEEP_PATHS,
  MIN_ALPHA,
  MIN_N,
  MIN_PRECISION,
  parseLimitArguments,
  type ScenarioLimits,
} from '../scenario/limits.js';
import { formatCost } from '../engine/format-cost.js';
import { parseSweepArgument, type SweepArgument } from './sweep-argument.js';
import { parseShard, type Shard } from '../engine/shard.js';
import { canonicalPath, parseSetArgument } from '../scenario/paths.js';
import { SINGLE_LINE_TEXT_ALLOWED, textProblem } from '../scenario/text.js';
import { escapeUnsafeText } from '../text/terminal.js';

/** Parses an optional whole-number option within [min, max]. */
function wholeNumber(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag}: got "${text}"; allowed: a whole number from ${min} to ${max}`);
  }
  return value;
}

/** Parses an optional number strictly between `low` and `high`. */
function between(flag: string, text: string | undefined, low: number, high: number, allowed: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  const ok = text.trim() !== '' && value > low && value < high;
  if (!ok) throw new UsageError(`${flag}: got "${text}"; allowed: ${allowed}`);
  return value;
}

/** Commands the CLI knows. */
export type Command = 'run' | 'size' | 'mde' | 'validate' | 'check' | 'merge' | 'report' | 'help';

/** A parsed command line. */
export interface CliArguments {
  command: Command;
  files: string[];
  replicates?: number;
  seed?: string;
  set: string[];
  /** `--sweep` arguments, replacing the file's sweep (at most two: a grid). */
  sweep: SweepArgument[];
  /** Worker threads (undefined = one per core). */
  workers?: number;
  /** Target half-width of the 95 % interval (adaptive replicates). */
  precision?: number;
  /** Simulate every patient even where the sufficient-statistics fast path applies. */
  noFastPath: boolean;
  /** `size` / `mde`: the power to reach; `run`: the target line of `--svg`. */
  power?: number;
  /** Significance level, overriding `analysis.alpha`. */
  alpha?: number;
  /** `size`: largest total n to consider. */
  maxN?: number;
  /** Write the power curve as SVG to this file (`run`, `size`). */
  svg?: string;
  format: OutputFormat;
  out?: string;
  /** `check`: also write the verdicts as JUnit XML to this file. */
  junit?: string;
  /** `check`: inconclusive expectations do not fail the check (exit 0 instead of 1). */
  allowInconclusive: boolean;
  /** `run`: simulate only this shard's chunks and write partial counts (`trialsim merge` adds them up). */
  shard?: Shard;
  /** `report`: write the HTML report to this file. */
  html?: string;
  /** `report`: write the Markdown report to this file (the SVG beside it). */
  md?: string;
  /**
   * The bounds of this run: the defaults, changed by `--limit NAME=VALUE` and
   * `--max-cost C`. The person running decides them; a scenario file cannot.
   */
  limits: ScenarioLimits;
}

/** Files with this ending are JSON Schemas, not scenarios, and are skipped. */
export const SCHEMA_SUFFIX = '.schema.json';

/** Most worker threads one run may start. */
export const MAX_WORKERS = 64;
export { MIN_PRECISION };

const FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv', 'markdown'];
const COMMANDS: readonly Command[] = ['run', 'size', 'mde', 'check', 'report', 'validate', 'merge', 'help'];
/** Formats of `check` (a verdict table has no CSV form). */
const CHECK_FORMATS: readonly OutputFormat[] = ['table', 'json', 'markdown'];
/** Options that change what is simulated; `merge` takes all of them from its parts. */
const SIMULATION_OPTIONS = [
  'replicates',
  'seed',
  'set',
  'sweep',
  'workers',
  'precision',
  'power',
  'alpha',
  'max-n',
  'no-fast-path',
] as const;

/** Every option of the CLI and how it takes its value. */
const OPTIONS = {
  replicates: 'text',
  seed: 'text',
  set: 'list',
  sweep: 'list',
  format: 'text',
  out: 'text',
  workers: 'text',
  precision: 'text',
  power: 'text',
  alpha: 'text',
  'max-n': 'text',
  'max-cost': 'text',
  limit: 'list',
  svg: 'text',
  png: 'text',
  'no-fast-path': 'flag',
  junit: 'text',
  'allow-inconclusive': 'flag',
  shard: 'text',
  html: 'text',
  md: 'text',
  help: 'flag',
} as const;

/** Parses `argv` (without node and script), throwing `UsageError` with a one-line reason. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  const { values, positionals } = parseArgv(argv, OPTIONS, { h: 'help' });
  const [commandWord, ...named] = positionals;
  // The JSON Schema lives beside the scenarios; skipping it lets `scenarios/*.json` mean "every scenario".
  const files = named.filter((f) => !f.endsWith(SCHEMA_SUFFIX));
  if (values.help || commandWord === undefined) {
    return {
      command: 'help',
      files: [],
      set: [],
      sweep: [],
      format: 'table',
      noFastPath: false,
      allowInconclusive: false,
      limits: { ...DEFAULT_LIMITS },
    };
  }
  if (!(COMMANDS as readonly string[]).includes(commandWord)) {
    throw new UsageError(`unknown command "${commandWord}"; allowed: ${COMMANDS.join(', ')}`);
  }
  const command = commandWord as Command;
  if (command === 'merge' && named.length === 0) {
    throw new UsageError('merge needs the part files written by run --shard I/N, e.g. trialsim merge part-1.json part-2.json part-3.json');
  }
  if (command !== 'help' && files.length === 0) {
    throw new UsageError(
      `${command} needs at least one scenario file${named.length > 0 ? ` (files named *${SCHEMA_SUFFIX} are JSON Schemas and are skipped)` : ''}`,
    );
  }
  if ((command === 'size' || command === 'mde' || command === 'report') && files.length > 1) {
    throw new UsageError(`${command} takes one scenario file (got ${files.length}); run it once per file`);
  }
  if (command === 'merge') {
    const given = SIMULATION_OPTIONS.filter((o) => values[o] !== undefined);
    if (given.length > 0) throw new UsageError(`--${given[0]}: merge takes every setting from its parts; give it to run --shard instead`);
  }

  if (command === 'validate' && (values.out !== undefined || values.format !== undefined)) {
    throw new UsageError(
      `--${values.out !== undefined ? 'out' : 'format'}: validate writes its findings to standard output and error only; use check for a report in a format`,
    );
  }
  const format = values.format ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format: got "${format}"; allowed: ${FORMATS.join(', ')}`);
  }
  if (command === 'check' && !(CHECK_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format: got "${format}"; allowed for check: ${CHECK_FORMATS.join(', ')} (and --junit FILE)`);
  }
  if (values.junit !== undefined && command !== 'check') throw new UsageError('--junit is an option of check');
  if (values['allow-inconclusive'] && command !== 'check') throw new UsageError('--allow-inconclusive is an option of check');
  if ((values.html !== undefined || values.md !== undefined) && command !== 'report')
    throw new UsageError('--html and --md are options of report');
  if (command === 'report' && values.html === undefined && values.md === undefined) {
    throw new UsageError('report needs --html OUT.html and/or --md OUT.md');
  }
  if (command === 'report' && values.format !== undefined)
    throw new UsageError('--format: report writes --html and --md files; use run for tables');
  if (command === 'report' && values.out !== undefined) throw new UsageError('--out: report writes the files named by --html and --md');
  if (command === 'check' && values.power !== undefined) {
    throw new UsageError(
      "--power: check takes its thresholds from each file's expect block (change one with --set expect.power.atLeast=0.9)",
    );
  }
  if (command === 'check' && values.sweep !== undefined) {
    throw new UsageError(
      '--sweep: check judges each file at its own design point (the values written in the file), so there is nothing to sweep; use --set to change a value',
    );
  }
  const parsedLimits = parseLimitArguments(values.limit ?? []);
  if (!parsedLimits.ok) throw new UsageError(parsedLimits.message);
  const limits = parsedLimits.limits;
  if (values['max-cost'] !== undefined) {
    const text = values['max-cost'];
    const cost = Number(text);
    if (text.trim() === '' || !(cost >= 1 && cost <= HARD_LIMITS.maxCost)) {
      throw new UsageError(
        `--max-cost: got "${text}"; allowed: a number of patient outcomes from 1 to ${formatCost(HARD_LIMITS.maxCost)}, e.g. 2e11 (default ${formatCost(DEFAULT_LIMITS.maxCost)})`,
      );
    }
    limits.maxCost = cost;
  }
  if (values.seed !== undefined) {
    // The rules of simulation.seed in a file: the seed is printed in every result.
    const problem =
      values.seed.length === 0 || values.seed.length > MAX_SEED_LENGTH
        ? `it must have 1 to ${MAX_SEED_LENGTH} characters`
        : textProblem(values.seed, false);
    if (problem !== undefined)
      throw new UsageError(
        `--seed: got "${escapeUnsafeText(values.seed)}"; allowed: ${SINGLE_LINE_TEXT_ALLOWED} of at most ${MAX_SEED_LENGTH} characters (${problem})`,
      );
  }
  const replicates = wholeNumber('--replicates', values.replicates, 1, limits.maxReplicates);
  const workers = wholeNumber('--workers', values.workers, 1, MAX_WORKERS);
  let precision: number | undefined;
  if (values.precision !== undefined) {
    precision = Number(values.precision);
    if (!(precision >= MIN_PRECISION && precision <= 0.5)) {
      throw new UsageError(`--precision: got "${values.precision}"; allowed: a half-width from ${MIN_PRECISION} to 0.5, e.g. 0.005`);
    }
  }
  const power = between('--power', values.power, 0, 1, 'a power strictly between 0 and 1, e.g. 0.9');
  if ((command === 'size' || command === 'mde') && power === undefined) {
    throw new UsageError(`${command} needs --power, the power to reach, e.g. --power 0.9`);
  }
  // The scenario's own bounds for analysis.alpha, checked here so that the message names the flag typed.
  let alpha: number | undefined;
  if (values.alpha !== undefined) {
    alpha = Number(values.alpha);
    if (values.alpha.trim() === '' || !(alpha >= MIN_ALPHA && alpha <= 0.5)) {
      throw new UsageError(`--alpha: got "${values.alpha}"; allowed: a significance level from ${MIN_ALPHA} to 0.5, e.g. 0.025`);
    }
  }
  const maxN = wholeNumber('--max-n', values['max-n'], MIN_N, limits.maxN);
  if (maxN !== undefined && command !== 'size') throw new UsageError('--max-n is an option of size');
  if (values.png !== undefined) {
    throw new UsageError('--png is not available: trialsim draws SVG only (PNG would need a browser); use --svg FILE');
  }
  if (values.svg !== undefined && command !== 'run' && command !== 'size' && command !== 'merge')
    throw new UsageError('--svg is an option of run, size and merge');
  if (values.svg !== undefined && command === 'run' && files.length > 1)
    throw new UsageError('--svg draws one file: run it with one scenario file');
  const sweep = (values.sweep ?? []).map(parseSweepArgument);
  if (sweep.length > MAX_SWEEP_PATHS) {
    throw new UsageError(`--sweep: got ${sweep.length} paths; allowed: at most ${MAX_SWEEP_PATHS} (two make a grid)`);
  }
  if (sweep.length === 2 && sweep[0].path === sweep[1].path) throw new UsageError(`--sweep: ${sweep[0].path} is swept twice`);
  for (const s of sweep) {
    const fixed = (values.set ?? []).find((arg) => {
      const parsed = parseSetArgument(arg);
      return parsed.ok && canonicalPath(parsed.path) === canonicalPath(s.path);
    });
    if (fixed !== undefined)
      throw new UsageError(`--set ${fixed} and --sweep ${s.path}: a value is either fixed or swept; drop one of them`);
  }
  let shard: Shard | undefined;
  if (values.shard !== undefined) {
    if (command === 'check') {
      throw new UsageError(
        '--shard: check judges one design point per file from its full counts; shard a long sweep with run --shard I/N and trialsim merge',
      );
    }
    if (command !== 'run') throw new UsageError('--shard is an option of run');
    const parsed = parseShard(values.shard);
    if (typeof parsed === 'string') throw new UsageError(`--shard: got "${values.shard}"; ${parsed}`);
    if (precision !== undefined) {
      throw new UsageError(
        '--shard cannot be combined with --precision: adaptive precision decides how many chunks to run from all the chunks seen so far, which one shard cannot know; give --replicates instead',
      );
    }
    if (values.format !== undefined)
      throw new UsageError('--format: a shard writes its partial counts as JSON; give --format to trialsim merge');
    if (values.svg !== undefined) throw new UsageError('--svg: a shard has partial counts only; give --svg to trialsim merge');
    shard = parsed;
  }
  if (command === 'size' && sweep.some((s) => s.path === 'design.n')) {
    throw new UsageError('--sweep design.n: size searches n itself; sweep other values (e.g. design.dropout)');
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
    sweep,
    power,
    alpha,
    maxN,
    svg: values.svg,
    format: format as OutputFormat,
    out: values.out,
    junit: values.junit,
    allowInconclusive: values['allow-inconclusive'] === true,
    shard,
    html: values.html,
    md: values.md,
    limits,
  };
}
