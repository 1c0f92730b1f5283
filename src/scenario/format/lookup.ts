/**
 * Finding a field of the definition by its path in a scenario
 * (`design.correlation`, `endpoint.arms.msc.sd`, `endpoint.arms.t.probs[2]`):
 * what a sweep may vary, and the range `resolveScenario` checks there.
 */
import type { PathSegment } from '../paths.js';
import { DISTRIBUTION_KINDS, distributionParams } from './distribution.js';
import type { ScenarioLimits } from '../limits.js';
import type { Field, Node } from './node.js';
import { type Range, rangeFor } from './range.js';
import { SCENARIO } from './scenario.js';

/** The field at `segments` (in any kind of a section with kinds), or `undefined`. */
export function fieldAt(segments: readonly PathSegment[]): Field | undefined {
  return find(SCENARIO, segments);
}

function find(node: Node, segments: readonly PathSegment[]): Field | undefined {
  if (segments.length === 0) return undefined;
  const [s, ...rest] = segments;
  const inside = (f: Field | undefined) => (f === undefined || rest.length === 0 ? f : find(f.node, rest));
  switch (node.type) {
    case 'object':
      return typeof s === 'string' && Object.hasOwn(node.fields, s) ? inside(node.fields[s]) : undefined;
    case 'variants':
      for (const v of Object.values(node.variants)) {
        const f = typeof s === 'string' && Object.hasOwn(v.fields, s) ? inside(v.fields[s]) : undefined;
        if (f) return f;
      }
      return undefined;
    case 'list':
      return typeof s === 'number' ? inside({ node: node.item, required: true, doc: node.itemDoc ?? '' }) : undefined;
    case 'record':
      return typeof s === 'string' ? inside({ node: node.value, required: true, doc: node.valueDoc ?? '' }) : undefined;
    default:
      return undefined;
  }
}

/** Whether a field holds a number that may be a distribution (endpoint parameters, dropout, correlation, spill-over). */
export function isParamPath(segments: readonly PathSegment[]): boolean {
  return fieldAt(segments)?.node.type === 'param';
}

/**
 * Whether a (normalized) path points to a number that a sweep may vary: an
 * expression or a parameter of the file, a `let` value, or a number inside
 * a parameter's distribution (`endpoint.arms.msc.mean.normal.sd`).
 */
export function isSweepablePath(segments: readonly PathSegment[]): boolean {
  if (segments.length === 0 || segments[0] === 'sweep') return false;
  const type = fieldAt(segments)?.node.type;
  if (type === 'expression' || type === 'param') return true;
  if (segments.length < 4 || !isParamPath(segments.slice(0, -2))) return false;
  const kind = DISTRIBUTION_KINDS.find((k) => k === segments[segments.length - 2]);
  return kind !== undefined && distributionParams(kind).includes(String(segments[segments.length - 1]));
}

/** The range the definition gives the number at `segments`, under `limits`. Throws (a bug) where it gives none. */
export function rangeAt(segments: readonly PathSegment[], limits: ScenarioLimits): Range {
  const node = fieldAt(segments)?.node;
  if (node && (node.type === 'expression' || node.type === 'param' || node.type === 'number') && node.range)
    return rangeFor(node.range, limits);
  throw new Error(`bug: the format's definition has no range at ${segments.join('.')}`);
}
