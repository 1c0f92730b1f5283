/** Edits of `sweep` through the form, and the paths and values it offers. */
import { isSweepablePath } from '../src/scenario/format/lookup.js';
import { formatPath, getPath, isForbiddenKey, isPlainObject, ownValue, type PathSegment } from '../src/scenario/paths.js';
import { removeAt, setAt } from './scenario-edit.js';

import { obj } from './json-values.js';

type Json = Record<string, unknown>;

/** One row of the sweep editor: a path and its values. */
export interface SweepRow {
  path: string;
  values: unknown[];
}

/** Replaces `sweep` by the given rows (rows without a path are skipped; none left removes `sweep`). */
export function setSweep(data: unknown, rows: readonly SweepRow[]): unknown {
  const used = rows.filter((r) => r.path !== '' && !isForbiddenKey(r.path));
  if (used.length === 0) return removeAt(data, 'sweep');
  const sweep: Json = {};
  for (const r of used) sweep[r.path] = r.values;
  return setAt(data, 'sweep', sweep);
}

/**
 * Paths of the scenario that a sweep may vary and that hold a number or an
 * expression now (design.n, dropout, endpoint values, let names, parameters
 * inside distributions, …), in the order they appear in the file.
 */
export function sweepCandidates(data: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown, segments: PathSegment[], depth: number) => {
    if (depth > 7) return;
    if (typeof value === 'number' || typeof value === 'string') {
      if (isSweepablePath(segments)) out.push(formatPath(segments));
      return;
    }
    if (Array.isArray(value)) value.slice(0, 50).forEach((v, i) => walk(v, [...segments, i], depth + 1));
    else if (isPlainObject(value))
      for (const k of Object.keys(value).slice(0, 200)) if (!isForbiddenKey(k)) walk(value[k], [...segments, k], depth + 1);
  };
  for (const top of ['let', 'design', 'endpoint', 'analysis']) {
    const v = ownValue(obj(data), top);
    if (v !== undefined) walk(v, [top], 1);
  }
  return out;
}

/** Values to start a new sweep row with: a range around the current value. */
export function suggestSweepValues(data: unknown, path: string): number[] {
  const v = getPath(data, path);
  const current = typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  if (path === 'design.n') {
    const n = current ?? 100;
    const sizes = [0.3, 0.5, 0.7, 0.85, 1, 1.2, 1.5, 2].map((f) => Math.max(2, 2 * Math.round((f * n) / 2)));
    return [...new Set(sizes)];
  }
  if (path === 'design.correlation') return [0, 0.3, 0.5, 0.7];
  if (path === 'design.spillover') return [0, 0.25, 0.5, 0.75];
  if (path === 'design.dropout') return [0, 0.1, 0.2, 0.3];
  if (current === undefined) return [];
  const probability = /\.p$|\.probs\[\d+\]$/.test(path);
  const values = [0.5, 0.75, 1, 1.25, 1.5]
    .map((f) => Number((current * f).toPrecision(3)))
    .filter((x) => !probability || (x >= 0 && x <= 1));
  return [...new Set(values)];
}
