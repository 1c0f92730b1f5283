/**
 * The one convention for failures of untrusted input (scenario files, share
 * links, part files, command-line values): a `Result` that either holds the
 * value or lists every problem found, each with its JSON path, the value found
 * and what is allowed. Thrown errors are kept for usage errors at the CLI edge
 * and for bugs.
 */
import type { ValidationIssue } from './types.js';

/** A value read from untrusted input, or every problem that prevented reading it. */
export type Result<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** A successful `Result`. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed `Result` with one issue. */
export function failure<T = never>(path: string, value: unknown, allowed: string, hint?: string): Result<T> {
  return { ok: false, issues: [issue(path, value, allowed, hint)] };
}

/** One issue; `hint` is left out when empty. */
export function issue(path: string, value: unknown, allowed: string, hint?: string): ValidationIssue {
  const found: ValidationIssue = { path, value, allowed };
  if (hint) found.hint = hint;
  return found;
}

/**
 * Collects issues while a reader walks untrusted input, so that one pass
 * reports every problem rather than the first.
 *
 * @example
 * const out = new IssueCollector();
 * if (typeof n !== 'number') out.add('design.n', n, 'a whole number ≥ 2');
 * return out.result(() => ({ n: n as number }));
 */
export class IssueCollector {
  /** The issues in the order found. */
  readonly issues: ValidationIssue[] = [];

  /** Records a problem at `path`. */
  add(path: string, value: unknown, allowed: string, hint?: string): void {
    this.issues.push(issue(path, value, allowed, hint));
  }

  /** Records an issue computed elsewhere; `undefined` means none. */
  push(found: ValidationIssue | undefined): void {
    if (found) this.issues.push(found);
  }

  /** Whether nothing has been recorded. */
  get clean(): boolean {
    return this.issues.length === 0;
  }

  /** The value built by `build` when no issue was recorded, else the issues. */
  result<T>(build: () => T): Result<T> {
    return this.clean ? ok(build()) : { ok: false, issues: this.issues };
  }
}
