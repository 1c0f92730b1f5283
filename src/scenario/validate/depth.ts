/** The nesting depth of a JSON value, checked before anything else walks it. */
import { MAX_JSON_DEPTH } from '../limits.js';
import { formatPath, ownValue, type PathSegment } from '../paths.js';
import type { ValidationIssue } from '../types.js';

/**
 * The issue of a JSON value nested deeper than `MAX_JSON_DEPTH` levels (the
 * root is level 1), or `undefined`. Iterative, linear in the size of the
 * value: safe on a 1 MiB document of nested brackets. The issue's path is the
 * top-level key holding the deep value; its hint, how deep it goes.
 */
export function jsonDepthIssue(value: unknown, max: number = MAX_JSON_DEPTH): ValidationIssue | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  // Each entry: a container, its level, and the top-level key (or index) it lies under.
  const stack: Array<{ v: object; depth: number; top: PathSegment | undefined }> = [{ v: value, depth: 1, top: undefined }];
  let deepest = 0;
  let top: PathSegment | undefined;
  while (stack.length > 0) {
    const { v, depth, top: under } = stack.pop()!;
    if (depth > deepest) {
      deepest = depth;
      if (depth > max && top === undefined) top = under;
    }
    const visit = (key: PathSegment, c: unknown) => {
      if (c !== null && typeof c === 'object') stack.push({ v: c, depth: depth + 1, top: depth === 1 ? key : under });
    };
    if (Array.isArray(v)) v.forEach((c, i) => visit(i, c));
    else for (const k of Object.keys(v)) visit(k, (v as Record<string, unknown>)[k]);
  }
  if (deepest <= max) return undefined;
  const path = top === undefined ? '' : formatPath([top]);
  const at =
    top === undefined ? value : Array.isArray(value) ? value[top as number] : ownValue(value as Record<string, unknown>, String(top));
  return {
    path,
    value: at,
    allowed: `JSON nested at most ${max} levels deep (a scenario needs 7)`,
    hint: `it is nested ${deepest} levels deep`,
  };
}
