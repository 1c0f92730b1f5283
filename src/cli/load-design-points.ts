import { jsonDepthIssue } from '../scenario/validate.js';
import { designPoints, type DesignPoint } from '../scenario/design-points.js';
import { formatIssue } from '../scenario/format-issues.js';
import { isPlainObject } from '../scenario/paths.js';
import { parseSetArgument } from '../scenario/paths.js';
import type { ScenarioFile } from '../scenario/types.js';
import type { CliArguments } from './args.js';
import type { CliIo } from './io.js';
import { InvalidInputError } from './invalid-input-error.js';
import { UsageError } from './usage-error.js';

/** A scenario file loaded for a command. */
export interface LoadedScenario {
  /** The validated file, after the command line's changes. */
  file: ScenarioFile;
  /** Every design point of the sweep (one point without a sweep). */
  points: DesignPoint[];
}

/** How a command wants the file's sweep treated when no `--sweep` is given. */
export interface LoadOptions {
  /** Drop the file's sweep (`size` and `mde` answer for the file's design unless `--sweep` asks for more). */
  ignoreFileSweep?: boolean;
}

/**
 * The file's text with the command line's structural changes: `--sweep`
 * replaces the file's sweep, `--alpha` sets `analysis.alpha` (present or
 * not, unlike `--set`, which only overrides values the file has). A text that is not
 * a JSON object is returned as it is, for the loader to report.
 */
function editedText(text: string, args: CliArguments, options: LoadOptions): string {
  const wantsEdit = args.sweep.length > 0 || args.alpha !== undefined || options.ignoreFileSweep === true;
  if (!wantsEdit) return text;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return text;
  }
  // Not an object, or nested too deeply to re-serialize safely: the loader reports it.
  if (!isPlainObject(data) || jsonDepthIssue(data)) return text;
  // Spreads define own properties only, so keys such as "__proto__" stay plain data.
  let edited: Record<string, unknown> = { ...data };
  if (args.sweep.length > 0) edited.sweep = Object.fromEntries(args.sweep.map((s) => [s.path, s.values]));
  else if (options.ignoreFileSweep) delete edited.sweep;
  if (args.alpha !== undefined && isPlainObject(edited.analysis))
    edited = { ...edited, analysis: { ...edited.analysis, alpha: args.alpha } };
  return JSON.stringify(edited);
}

/**
 * Reads a scenario file, applies `--sweep`, `--alpha` and `--set`, expands its
 * sweep and resolves every point. Throws `InvalidInputError` listing every
 * problem of the file, `UsageError` when it cannot be read.
 */
export function loadScenarioFile(file: string, args: CliArguments, io: CliIo, options: LoadOptions = {}): LoadedScenario {
  let text: string;
  try {
    text = io.readText(file, args.limits.maxFileBytes);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const overrides = args.set.map((arg) => {
    const parsed = parseSetArgument(arg);
    if (!parsed.ok) throw new UsageError(`--set ${arg}: ${formatIssue(parsed.issue)}`);
    return { path: parsed.path, value: parsed.value };
  });
  const loaded = designPoints(editedText(text, args, options), overrides, { limits: args.limits });
  if (!loaded.ok) throw new InvalidInputError(file, loaded.issues.map(formatIssue));
  return { file: loaded.file, points: loaded.points };
}

/** The design points of a scenario file (see `loadScenarioFile`). */
export function loadDesignPoints(file: string, args: CliArguments, io: CliIo, options: LoadOptions = {}): DesignPoint[] {
  return loadScenarioFile(file, args, io, options).points;
}
