import { designPoints, type DesignPoint } from '../scenario/design-points.js';
import { formatIssue } from '../scenario/format-issues.js';
import { parseSetArgument } from '../scenario/paths.js';
import type { CliArguments } from './args.js';
import type { CliIo } from './io.js';
import { InvalidInputError } from './invalid-input-error.js';
import { UsageError } from './usage-error.js';

/**
 * Reads a scenario file, applies `--set`, expands its sweep and resolves every
 * point. Throws `InvalidInputError` listing every problem of the file.
 */
export function loadDesignPoints(file: string, args: CliArguments, io: CliIo): DesignPoint[] {
  let text: string;
  try {
    text = io.readText(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const overrides = args.set.map((arg) => {
    const parsed = parseSetArgument(arg);
    if (!parsed.ok) throw new UsageError(`--set ${arg}: ${formatIssue(parsed.issue)}`);
    return { path: parsed.path, value: parsed.value };
  });
  const loaded = designPoints(text, overrides);
  if (!loaded.ok) throw new InvalidInputError(file, loaded.issues.map(formatIssue));
  return loaded.points;
}
