/**
 * Paths into a scenario: `design.n`, `endpoint.arms.msc.mean`,
 * `endpoint.arms.tci.probs[2]` (or `probs.2`), `sweep["design.n"][0]`.
 * Used by `sweep`, `--set` overrides, `sources[].paths` and validation messages.
 *
 * Only own properties are read or written; the segments `__proto__`,
 * `constructor` and `prototype` are rejected, so a path can never reach or
 * alter a prototype.
 */
import { MAX_PATH_LENGTH } from './limits.js';
import type { ValidationIssue } from './types.js';

/** One step of a path: an object key, or an array index. */
export type PathSegment = string | number;

/** Keys that would reach a prototype if used as a property name. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Most segments in a path. */
const MAX_SEGMENTS = 32;

/** Keys printed as `.key`; any other key is printed as `["key"]`. */
const PLAIN_KEY = /^[A-Za-z0-9_$-]+$/;

/** Result of parsing a path. */
export type ParsedPath = { ok: true; segments: PathSegment[] } | { ok: false; error: string };

/** Whether `key` is one of `__proto__`, `constructor`, `prototype`. */
export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

/** Whether `v` is a plain object (a JSON object): not null, not an array, Object or null prototype. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Own-property read that never consults the prototype chain. */
export function ownValue(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/**
 * Parses `a.b[2].c`, `a.b.2.c` or `a["b.c"]` into segments. Dotted digits
 * (`probs.2`) stay strings and act as an index when they meet an array.
 */
export function parsePath(path: string): ParsedPath {
  if (typeof path !== 'string') return { ok: false, error: 'a path must be a string' };
  if (path.length === 0) return { ok: false, error: 'the path is empty' };
  if (path.length > MAX_PATH_LENGTH) return { ok: false, error: `the path is longer than ${MAX_PATH_LENGTH} characters` };
  const segments: PathSegment[] = [];
  let i = 0;
  let expectName = true; // at the start or after a dot
  while (i < path.length) {
    const ch = path[i];
    if (ch === '[') {
      const rest = path.slice(i);
      const index = /^\[(\d{1,7})\]/.exec(rest);
      const quoted = /^\["((?:[^"\\]|\\.)*)"\]/.exec(rest);
      if (index) {
        segments.push(Number(index[1]));
        i += index[0].length;
      } else if (quoted) {
        let key: unknown;
        try {
          key = JSON.parse(`"${quoted[1]}"`);
        } catch {
          return { ok: false, error: `bad quoted key at character ${i + 1}` };
        }
        segments.push(key as string);
        i += quoted[0].length;
      } else {
        return { ok: false, error: `expected [index] or ["key"] at character ${i + 1}` };
      }
      expectName = false;
    } else if (ch === '.') {
      if (expectName) return { ok: false, error: `empty segment at character ${i + 1}` };
      expectName = true;
      i++;
    } else if (ch === ']') {
      return { ok: false, error: `unexpected "]" at character ${i + 1}` };
    } else {
      if (!expectName) return { ok: false, error: `expected "." or "[" at character ${i + 1}` };
      let j = i;
      while (j < path.length && path[j] !== '.' && path[j] !== '[' && path[j] !== ']') j++;
      segments.push(path.slice(i, j));
      i = j;
      expectName = false;
    }
    if (segments.length > MAX_SEGMENTS) return { ok: false, error: `a path has at most ${MAX_SEGMENTS} segments` };
  }
  if (expectName) return { ok: false, error: 'the path ends with "."' };
  for (const s of segments) {
    if (typeof s === 'string' && isForbiddenKey(s)) return { ok: false, error: `the segment "${s}" is not allowed` };
  }
  return { ok: true, segments };
}

/**
 * A path in canonical form, as `formatPath` writes it (`probs.2` → `probs[2]`),
 * so that two spellings of one place compare equal; undefined when it is not a path.
 */
export function canonicalPath(path: unknown): string | undefined {
  if (typeof path !== 'string') return undefined;
  const parsed = parsePath(path);
  return parsed.ok ? formatPath(parsed.segments.map((s) => (typeof s === 'string' && /^\d+$/.test(s) ? Number(s) : s))) : undefined;
}

/** Whether canonical path `inner` is `outer` or lies inside it (`design.allocation[1]` is within `design.allocation`). */
export function isWithinPath(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
}

/** Formats segments as a path: `design.arms[1].id`, `sweep["design.n"][0]`. The empty list is `""`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) out = joinPath(out, s);
  return out;
}

/** Appends one segment to a formatted path. */
export function joinPath(base: string, segment: PathSegment): string {
  if (typeof segment === 'number') return `${base}[${segment}]`;
  if (PLAIN_KEY.test(segment)) return base === '' ? segment : `${base}.${segment}`;
  return `${base}[${JSON.stringify(segment)}]`;
}

/** Array index denoted by a segment, if it is one (`2` or `"2"`). */
function asIndex(segment: PathSegment): number | undefined {
  if (typeof segment === 'number') return Number.isInteger(segment) && segment >= 0 ? segment : undefined;
  return /^(0|[1-9]\d{0,6})$/.test(segment) ? Number(segment) : undefined;
}

/** Segments of a path given as a string or a list; undefined when invalid. */
function toSegments(path: string | readonly PathSegment[]): readonly PathSegment[] | undefined {
  if (typeof path === 'string') {
    const p = parsePath(path);
    return p.ok ? p.segments : undefined;
  }
  if (!Array.isArray(path)) return undefined;
  for (const s of path) {
    if (typeof s === 'string' ? isForbiddenKey(s) : typeof s !== 'number') return undefined;
  }
  return path;
}

/** One step down: the child of `container` at `segment`, or undefined (own properties only). */
function child(container: unknown, segment: PathSegment): { found: boolean; value: unknown } {
  if (Array.isArray(container)) {
    const i = asIndex(segment);
    if (i === undefined || i >= container.length) return { found: false, value: undefined };
    return { found: true, value: container[i] };
  }
  if (isPlainObject(container)) {
    const key = String(segment);
    if (isForbiddenKey(key) || !Object.hasOwn(container, key)) return { found: false, value: undefined };
    return { found: true, value: container[key] };
  }
  return { found: false, value: undefined };
}

/** The value at `path`, or `undefined` when the path is invalid or leads nowhere. */
export function getPath(obj: unknown, path: string | readonly PathSegment[]): unknown {
  const segments = toSegments(path);
  if (!segments) return undefined;
  let cur = obj;
  for (const s of segments) {
    const c = child(cur, s);
    if (!c.found) return undefined;
    cur = c.value;
  }
  return cur;
}

/** Whether `path` is valid and leads to an existing value. */
export function hasPath(obj: unknown, path: string | readonly PathSegment[]): boolean {
  const segments = toSegments(path);
  if (!segments) return false;
  let cur = obj;
  for (const s of segments) {
    const c = child(cur, s);
    if (!c.found) return false;
    cur = c.value;
  }
  return true;
}

/**
 * The longest prefix of `path` that exists in `obj`, as segments, and the
 * value there. Used to suggest a sibling key for a misspelt path.
 */
export function deepestExisting(obj: unknown, segments: readonly PathSegment[]): { depth: number; value: unknown } {
  let cur = obj;
  let depth = 0;
  for (const s of segments) {
    const c = child(cur, s);
    if (!c.found) break;
    cur = c.value;
    depth++;
  }
  return { depth, value: cur };
}

/**
 * The segments with dotted indexes (`probs.2`) turned into numbers where `root`
 * has a list, so that equal paths compare and format equally (`probs[2]`).
 */
export function normalizeSegments(root: unknown, segments: readonly PathSegment[]): PathSegment[] {
  const out: PathSegment[] = [];
  let cur: unknown = root;
  for (const s of segments) {
    const seg = Array.isArray(cur) && typeof s === 'string' && /^\d+$/.test(s) ? Number(s) : s;
    out.push(seg);
    cur = child(cur, seg).value;
  }
  return out;
}

/** Result of `trySetPath`. */
export type SetPathResult = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * `obj` with the value at `path` replaced by `value`: a structural copy along
 * the path, `obj` itself is not modified. Every container on the way must
 * exist; the last key of an object may be new, an array index must exist.
 */
export function trySetPath(obj: unknown, path: string | readonly PathSegment[], value: unknown): SetPathResult {
  let segments: readonly PathSegment[];
  if (typeof path === 'string') {
    const p = parsePath(path);
    if (!p.ok) return p;
    segments = p.segments;
  } else {
    const s = toSegments(path);
    if (!s) return { ok: false, error: 'invalid path segments' };
    segments = s;
  }
  if (segments.length === 0) return { ok: false, error: 'the path is empty' };
  return setAt(obj, segments, 0, value);
}

function setAt(container: unknown, segments: readonly PathSegment[], i: number, value: unknown): SetPathResult {
  if (i === segments.length) return { ok: true, value };
  const seg = segments[i];
  const last = i === segments.length - 1;
  const here = () => formatPath(segments.slice(0, i + 1));
  if (Array.isArray(container)) {
    const idx = asIndex(seg);
    if (idx === undefined) return { ok: false, error: `${formatPath(segments.slice(0, i))} is a list; "${String(seg)}" is not an index` };
    if (idx >= container.length) return { ok: false, error: `${here()} does not exist (the list has ${container.length} items)` };
    const inner = setAt(container[idx], segments, i + 1, value);
    if (!inner.ok) return inner;
    const copy = container.slice();
    copy[idx] = inner.value;
    return { ok: true, value: copy };
  }
  if (isPlainObject(container)) {
    const key = String(seg);
    if (isForbiddenKey(key)) return { ok: false, error: `the segment "${key}" is not allowed` };
    const exists = Object.hasOwn(container, key);
    if (!exists && !last) return { ok: false, error: `${here()} does not exist` };
    const inner = setAt(exists ? container[key] : undefined, segments, i + 1, value);
    if (!inner.ok) return inner;
    // Spread defines own properties (an own "__proto__" key stays an own key),
    // and `key` is never a forbidden name, so this cannot touch a prototype.
    const copy: Record<string, unknown> = { ...container };
    copy[key] = inner.value;
    return { ok: true, value: copy };
  }
  const at = formatPath(segments.slice(0, i));
  return { ok: false, error: `${at === '' ? 'the document' : at} is not an object or a list` };
}

/** Thrown by `setPath` when the path is invalid or does not fit the object. */
export class PathError extends Error {
  override name = 'PathError';
}

/**
 * `obj` with the value at `path` replaced (see `trySetPath`); throws
 * `PathError` when that is impossible. For untrusted paths use `trySetPath`.
 */
export function setPath<T>(obj: T, path: string | readonly PathSegment[], value: unknown): T {
  const r = trySetPath(obj, path, value);
  if (!r.ok) throw new PathError(r.error);
  return r.value as T;
}

/** A `--set path=value` argument, parsed. */
export type ParsedSetArgument = { ok: true; path: string; value: unknown } | { ok: false; issue: ValidationIssue };

/**
 * Parses `--set` arguments such as `design.n=80`, `analysis.alpha=0.025`,
 * `endpoint.arms.msc.mean="delta + 1"`: the text after the first `=` is
 * JSON-parsed when it is valid JSON, else kept as a string (an expression).
 */
export function parseSetArgument(arg: string): ParsedSetArgument {
  if (typeof arg !== 'string') {
    return { ok: false, issue: { path: '', value: arg, allowed: 'a --set argument of the form path=value, e.g. design.n=80' } };
  }
  const eq = arg.indexOf('=');
  if (eq < 0) {
    return {
      ok: false,
      issue: { path: '', value: arg, allowed: 'a --set argument of the form path=value, e.g. design.n=80', hint: 'no "=" found' },
    };
  }
  const path = arg.slice(0, eq).trim();
  const text = arg.slice(eq + 1);
  const parsed = parsePath(path);
  if (!parsed.ok) {
    return {
      ok: false,
      issue: { path, value: text, allowed: 'a path of the scenario, e.g. design.n or endpoint.arms.msc.mean', hint: parsed.error },
    };
  }
  let value: unknown = text;
  try {
    value = JSON.parse(text);
  } catch {
    value = text;
  }
  return { ok: true, path, value };
}
