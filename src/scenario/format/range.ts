/**
 * The range of a number of the format: its bounds (for the JSON Schema and for
 * every check) and the words that state them in messages. One `Range` serves
 * the validator, `resolveScenario` and the worker-input check, so the three
 * accept exactly the same numbers.
 */
import type { ScenarioLimits } from '../limits.js';

/** Bounds of a number and how messages state them. */
export interface Range {
  /** Smallest allowed value (inclusive unless `minOpen`). */
  readonly min?: number;
  /** Largest allowed value (inclusive unless `maxOpen`). */
  readonly max?: number;
  /** Whether `min` itself is excluded. */
  readonly minOpen?: boolean;
  /** Whether `max` itself is excluded. */
  readonly maxOpen?: boolean;
  /** Whether only whole numbers are allowed. */
  readonly integer?: boolean;
  /** The whole rule in words, e.g. `a number > 0 and ≤ 1e12`. */
  readonly allowed: string;
  /** What is allowed, said for an `x` outside the range (e.g. only the side it is on). */
  readonly problem: (x: number) => string;
}

/** A range, or a range that depends on the limits of the run (e.g. `design.n ≤ maxN`). */
export type RangeSpec = Range | ((limits: ScenarioLimits) => Range);

/** Whether `x` is a finite number inside `r`. */
export function inRange(r: Range, x: number): boolean {
  if (!Number.isFinite(x)) return false;
  if (r.integer && !Number.isInteger(x)) return false;
  if (r.min !== undefined && (r.minOpen ? !(x > r.min) : !(x >= r.min))) return false;
  if (r.max !== undefined && (r.maxOpen ? !(x < r.max) : !(x <= r.max))) return false;
  return true;
}

/** What is allowed for `x`, or `undefined` when `x` is in range. */
export function rangeProblem(r: Range, x: number): string | undefined {
  return inRange(r, x) ? undefined : r.problem(x);
}

/** The range itself, or the one for `limits`. */
export function rangeFor(spec: RangeSpec, limits: ScenarioLimits): Range {
  return typeof spec === 'function' ? spec(limits) : spec;
}

/** Options of `range`: the bounds, and side-specific wording. */
export interface RangeOptions {
  min?: number;
  max?: number;
  minOpen?: boolean;
  maxOpen?: boolean;
  integer?: boolean;
  /** Said for a value below the range (default: `allowed`). */
  below?: string;
  /** Said for a value above the range (default: `allowed`). */
  above?: string;
  /** Said for a value outside the range; overrides `below` and `above`. */
  problem?: (x: number) => string;
}

/** A range with bounds `options` stated as `allowed`. */
export function range(allowed: string, options: RangeOptions = {}): Range {
  const { below, above, problem, ...bounds } = options;
  const r: Range = {
    ...bounds,
    allowed,
    problem:
      problem ??
      ((x) => {
        if (bounds.min !== undefined && !(bounds.minOpen ? x > bounds.min : x >= bounds.min)) return below ?? allowed;
        if (bounds.max !== undefined && !(bounds.maxOpen ? x < bounds.max : x <= bounds.max)) return above ?? allowed;
        return allowed;
      }),
  };
  return r;
}

/** No bounds beyond being a finite number. */
export const ANY_NUMBER: Range = range('a finite number');
