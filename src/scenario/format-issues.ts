/**
 * One-line, human-readable messages for validation issues:
 * `design.n: got -3; allowed: a whole number ≥ 2`.
 */
import { escapeUnsafeText } from '../text/terminal.js';
import type { ValidationIssue } from './types.js';

/** Longest preview of an offending value, in characters. */
export const MAX_PREVIEW_LENGTH = 80;

/**
 * A short JSON-like rendering of `value` for messages: JSON for JSON values
 * (NaN and ±Infinity as such), `missing` for undefined, truncated with `…`
 * to `max` characters. Bounded work on huge or deeply nested values; never throws.
 */
export function previewValue(value: unknown, max: number = MAX_PREVIEW_LENGTH): string {
  if (value === undefined) return 'missing';
  let out = '';
  const full = () => out.length > max;
  const write = (s: string) => {
    out += s;
  };
  const walk = (v: unknown, depth: number): void => {
    if (full()) return;
    if (v === null) {
      write('null');
      return;
    }
    switch (typeof v) {
      case 'number': {
        write(Number.isFinite(v) ? JSON.stringify(v) : String(v));
        return;
      }
      case 'string': {
        write(JSON.stringify(v.length > max + 2 ? v.slice(0, max + 2) : v));
        return;
      }
      case 'boolean': {
        write(String(v));
        return;
      }
      case 'undefined': {
        write('undefined');
        return;
      }
      case 'bigint': {
        write(`${v.toString()}n`);
        return;
      }
      case 'function': {
        write('[function]');
        return;
      }
      case 'symbol': {
        write('[symbol]');
        return;
      }
    }
    if (depth > max) {
      write('…');
      return;
    }
    if (Array.isArray(v)) {
      write('[');
      for (let i = 0; i < v.length && !full(); i++) {
        if (i > 0) write(',');
        walk(v[i], depth + 1);
      }
      write(']');
      return;
    }
    write('{');
    let first = true;
    for (const k of Object.keys(v as object)) {
      if (full()) break;
      if (!first) write(',');
      first = false;
      write(JSON.stringify(k.length > max ? k.slice(0, max) : k));
      write(':');
      walk((v as Record<string, unknown>)[k], depth + 1);
    }
    write('}');
  };
  try {
    walk(value, 0);
  } catch {
    return '(unreadable value)';
  }
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

/** Formats a number for messages (full precision, `-0` as `0`). */
function formatNumber(x: number): string {
  return Number.isFinite(x) ? String(x === 0 ? 0 : x) : String(x);
}

/**
 * One line describing `issue`, e.g.
 * `simulation.replicats: got 5000; allowed: a key of simulation: replicates, seed, precision, fastPath (did you mean "replicates"?)`.
 * The root path is shown as `(root)`; an expression's value is shown as `"2*k" (= -3)`.
 * Control and invisible formatting characters are written as `\uXXXX` escapes.
 */
export function formatIssue(issue: ValidationIssue): string {
  const path = issue.path === '' ? '(root)' : issue.path;
  const got = previewValue(issue.value);
  const evaluated =
    typeof issue.evaluated === 'number' && !Object.is(issue.evaluated, issue.value) ? ` (= ${formatNumber(issue.evaluated)})` : '';
  const hint = issue.hint ? ` (${issue.hint})` : '';
  // The line quotes untrusted input (keys, values, parser messages): escape
  // anything that could act on a terminal or hide text.
  return escapeUnsafeText(`${path}: got ${got}${evaluated}; allowed: ${issue.allowed}${hint}`);
}

/** Every issue formatted, one per line. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map(formatIssue).join('\n');
}
