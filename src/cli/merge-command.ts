import { runCurves } from '../report/curve-series.js';
import { formatResults } from '../report/format-result.js';
import { readPart } from '../run/read-part.js';
import { mergeParts } from '../run/shard-part.js';
import { formatIssue } from '../scenario/format-issues.js';
import type { ValidationIssue } from '../scenario/types.js';
import type { CliArguments } from './args.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/** A refusal of `merge` (exit 2): one line per issue, each after `prefix`. */
function refusal(prefix: string, issues: readonly ValidationIssue[]): UsageError {
  return new UsageError(issues.map((i) => `${prefix}${formatIssue(i)}`).join('\ntrialsim: '));
}

/** Largest part file merge reads (a part holds counts only: a few hundred bytes per design point). */
const MAX_PART_BYTES = 64 * 1024 * 1024;

/**
 * `trialsim merge PART...`: adds up the counts of the parts written by
 * `trialsim run FILE... --shard I/N` (every I from 1 to N) and prints the
 * result exactly as a single `trialsim run` prints it (any `--format`;
 * `--svg` for one file). Parts of different runs are refused with exit code 2.
 */
export async function mergeCommand(args: CliArguments, io: CliIo): Promise<number> {
  const parts = args.files.map((name) => {
    let text: string;
    try {
      text = io.readText(name);
    } catch (error) {
      throw new UsageError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    if (text.length > MAX_PART_BYTES) throw new UsageError(`${name}: larger than ${MAX_PART_BYTES} bytes; not a part file`);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`${name}: not JSON (${(error as Error).message.split('\n')[0]})`);
    }
    const read = readPart(data);
    if (!read.ok) throw refusal(`${name}: `, read.issues);
    return { name, part: read.value };
  });
  const merged = mergeParts(parts);
  if (!merged.ok) throw refusal('merge: ', merged.issues);
  const { results, curves } = merged.value;
  if (args.svg !== undefined && results.length > 1)
    throw new UsageError('--svg draws one file: these parts hold several; merge them without --svg');
  const text = formatResults(results, args.format);
  if (args.out) io.writeText(args.out, text);
  else io.stdout(text);
  if (args.svg !== undefined) {
    const drawn = runCurves(results[0], curves[0].markN);
    if (typeof drawn === 'string') throw new UsageError(`--svg: ${drawn}`);
    io.writeText(args.svg, (await import('./svg-output.js')).renderCurveSvg(drawn, curves[0].target));
  }
  return 0;
}
