import { formatPath, parsePath } from '../scenario/paths.js';
import { splitValues } from '../scenario/split-values.js';
import { MAX_SWEEP_VALUES } from '../scenario/limits.js';
import type { Expression } from '../scenario/types.js';
import { UsageError } from './usage-error.js';

/** A parsed `--sweep path=…` argument. */
export interface SweepArgument {
  /** The path in its canonical form, e.g. `design.n`. */
  path: string;
  values: Expression[];
}

/** Decimal places of a number as written (`0.05` → 2, `1e-3` → 3). */
function decimalsOf(text: string): number {
  const [mantissa, exponent] = text.toLowerCase().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

/**
 * Parses `--sweep path=from:to:step` (every value from `from` to `to` in steps
 * of `step`, rounded to the decimals written, so 0.1:0.3:0.1 is 0.1, 0.2, 0.3)
 * or `--sweep path=v1,v2,v3` (numbers, or expressions over `let` names). The
 * scenario validator checks the values afterwards, at each design point.
 */
export function parseSweepArgument(arg: string): SweepArgument {
  const eq = arg.indexOf('=');
  if (eq < 0) throw new UsageError(`--sweep ${arg}: expected path=from:to:step or path=v1,v2,…, e.g. design.n=20:200:20`);
  const rawPath = arg.slice(0, eq).trim();
  const parsed = parsePath(rawPath);
  if (!parsed.ok) throw new UsageError(`--sweep ${arg}: ${parsed.error}`);
  const path = formatPath(parsed.segments);
  const text = arg.slice(eq + 1).trim();
  if (text === '') throw new UsageError(`--sweep ${arg}: no values after "="`);
  const range = text.split(':');
  if (range.length === 3) {
    if (!range.every((part) => NUMBER.test(part))) {
      throw new UsageError(`--sweep ${arg}: a range is from:to:step with three numbers, e.g. 20:200:20`);
    }
    const [from, to, step] = range.map(Number);
    if (!(step > 0)) throw new UsageError(`--sweep ${arg}: the step must be positive`);
    if (to < from) throw new UsageError(`--sweep ${arg}: the range ends (${to}) before it starts (${from})`);
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    if (count > MAX_SWEEP_VALUES) throw new UsageError(`--sweep ${arg}: ${count} values; allowed: at most ${MAX_SWEEP_VALUES}`);
    const decimals = Math.max(...range.map(decimalsOf));
    const values = Array.from({ length: count }, (_, i) => Number((from + i * step).toFixed(decimals)));
    return { path, values };
  }
  if (range.length !== 1) throw new UsageError(`--sweep ${arg}: a range is from:to:step (three numbers separated by ":")`);
  const parts = splitValues(text);
  if (parts.some((p) => p === '')) throw new UsageError(`--sweep ${arg}: an empty value in the list`);
  if (parts.length > MAX_SWEEP_VALUES) throw new UsageError(`--sweep ${arg}: ${parts.length} values; allowed: at most ${MAX_SWEEP_VALUES}`);
  return { path, values: parts.map((p) => (NUMBER.test(p) ? Number(p) : p)) };
}
