/**
 * Loading a scenario from its text: size check, JSON parsing, `--set`
 * overrides, validation and resolution, with every problem reported as a
 * `ValidationIssue`. Pure: takes the text, not a file name.
 */
import { limitsOf, MAX_FILE_BYTES, MAX_ISSUES } from './limits.js';
import { formatPath, getPath, hasPath, isPlainObject, normalizeSegments, ownValue, parsePath, trySetPath } from './paths.js';
import { checkValues, resolveScenario, type ResolveOptions } from './resolve.js';
import type { ResolvedScenario, ScenarioFile, ValidationIssue } from './types.js';
import { isNewerFormat, jsonDepthIssue, suggestPath, validateScenario } from './validate.js';

/** A value to put at a path before validation, e.g. from `--set design.n=80`. */
export interface PathOverride {
  path: string;
  value: unknown;
}

/** Result of `loadScenario`: the file (with overrides applied) and its resolved form, or every problem. */
export type LoadResult = { ok: true; file: ScenarioFile; resolved: ResolvedScenario } | { ok: false; issues: ValidationIssue[] };

/** Number of bytes of `text` in UTF-8 (lone surrogates count 3, as a replacement character). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** A clean issue for a JSON syntax error: the parser's message, the line and column, and the text there. */
function jsonSyntaxIssue(text: string, error: unknown): ValidationIssue {
  const message = error instanceof Error ? error.message : String(error);
  const m = /position (\d+)/.exec(message);
  let value: unknown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  let where = '';
  if (m) {
    const pos = Number(m[1]);
    const { line, column } = lineColumn(text, pos);
    where = /line \d+ column \d+/.test(message) ? '' : ` (line ${line}, column ${column})`;
    value = text.slice(Math.max(0, pos - 20), pos + 20);
  }
  return { path: '', value, allowed: 'a JSON document', hint: `${message}${where}` };
}

/** Whether one path is the other or lies inside it (`""` contains every path). */
function related(a: string, b: string): boolean {
  const inside = (outer: string, inner: string) =>
    outer === '' || inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  return inside(a, b) || inside(b, a);
}

/** Issues without exact repeats (same path, allowed text and hint). */
function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.allowed}\u0000${i.hint ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The first `max` issues, and one more that says how many were left out
 * (path `""`, value `"<k> more problems"`). Unchanged when there are at most `max`.
 */
export function capIssues(issues: ValidationIssue[], max: number = MAX_ISSUES): ValidationIssue[] {
  if (issues.length <= max) return issues;
  const left = issues.length - max;
  return [
    ...issues.slice(0, max),
    {
      path: '',
      value: `${left} more problem${left === 1 ? '' : 's'}`,
      allowed: `a file with at most ${max} problems listed: fix these and check again`,
    },
  ];
}

/**
 * Parses, overrides, validates and resolves a scenario. Never throws: a file
 * over `maxFileBytes` (`options.limits`, default `MAX_FILE_BYTES`), a JSON
 * syntax error, JSON nested deeper than `MAX_JSON_DEPTH`, an override of a
 * path that does not exist, and every problem of the file come back as
 * issues: structural problems first, then the value problems (ranges,
 * expressions) of the parts that could be read; at most `MAX_ISSUES` of them
 * (see `capIssues`).
 */
export function loadScenario(text: string, overrides: readonly PathOverride[] = [], options: ResolveOptions = {}): LoadResult {
  try {
    const r = load(text, overrides, options);
    return r.ok ? r : { ok: false, issues: capIssues(r.issues) };
  } catch (e) {
    // Not reachable for any input we know of; a safety net for untrusted files.
    return {
      ok: false,
      issues: [
        {
          path: '',
          value: undefined,
          allowed: 'a scenario that can be read',
          hint: `internal error: ${e instanceof Error ? e.message : String(e)}`,
        },
      ],
    };
  }
}

function load(text: string, overrides: readonly PathOverride[], options: ResolveOptions): LoadResult {
  if (typeof text !== 'string') return { ok: false, issues: [{ path: '', value: text, allowed: 'the text of a scenario file' }] };
  const limits = limitsOf(options.limits);
  const maxBytes = limits.maxFileBytes;
  if (text.length > maxBytes || utf8Length(text) > maxBytes) {
    // A reader may stop after maxBytes + 1 bytes (the CLI does, so that a huge file is never read whole).
    const size = text.length > 4 * maxBytes ? 4 * maxBytes + 1 : utf8Length(text);
    const bytes =
      size > maxBytes + 1 && size <= 4 * maxBytes ? `${size} bytes` : `more than ${size > maxBytes + 1 ? 4 * maxBytes : maxBytes} bytes`;
    const mib = maxBytes === MAX_FILE_BYTES ? ' (1 MiB)' : '';
    return { ok: false, issues: [{ path: '', value: bytes, allowed: `a file of at most ${maxBytes} bytes${mib}` }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [jsonSyntaxIssue(text, e)] };
  }
  // A deeply nested document is reported alone, before anything walks it.
  const deep = jsonDepthIssue(data);
  if (deep) return { ok: false, issues: [deep] };

  const issues: ValidationIssue[] = [];
  const allowedPath = 'the path of a value of the scenario, or of a new key in one of its objects, e.g. design.n or design.dropout';
  for (const o of overrides) {
    const parsed = parsePath(o.path);
    if (!parsed.ok) {
      issues.push({ path: String(o.path), value: o.value, allowed: allowedPath, hint: parsed.error });
      continue;
    }
    const segments = normalizeSegments(data, parsed.segments);
    // A new key in an existing object is allowed (e.g. `design.dropout` in a file
    // without dropout): the validator then says whether that key belongs there.
    const parent = segments.length > 1 ? getPath(data, segments.slice(0, -1)) : data;
    const newKey = isPlainObject(parent) && typeof segments[segments.length - 1] === 'string';
    if (!hasPath(data, segments) && !newKey) {
      issues.push({
        path: formatPath(segments),
        value: o.value,
        allowed: allowedPath,
        hint: suggestPath(data, segments) ?? 'the file has no value at this path to override',
      });
      continue;
    }
    const r = trySetPath(data, segments, o.value);
    if (r.ok) data = r.value;
    else issues.push({ path: formatPath(segments), value: o.value, allowed: allowedPath, hint: r.error });
  }

  const v = validateScenario(data, { limits });
  if (!v.ok || issues.length > 0) {
    // Report the value problems of the parts that can be read, too, so one pass shows every problem.
    const structural = [...issues, ...(v.ok ? [] : v.issues)];
    if (isPlainObject(data) && isNewerFormat(ownValue(data, 'format'))) return { ok: false, issues: structural };
    const values = checkValues(data, { ...options, limits }).filter((i) => !structural.some((s) => related(s.path, i.path)));
    return { ok: false, issues: dedupe([...structural, ...values]) };
  }
  const r = resolveScenario(v.value, { ...options, limits });
  if (!r.ok) return { ok: false, issues: r.issues };
  return { ok: true, file: v.value, resolved: r.value };
}
