/**
 * Sweeps: `"sweep": { "design.n": [20, 40, 60] }` runs the scenario at each
 * value; two paths make a grid (the first path is the outer loop).
 */
import { isPlainObject, ownValue, trySetPath } from './paths.js';
import { resolveScenario, type ResolveOptions, type ResolveResult } from './resolve.js';
import type { Expression, ScenarioFile } from './types.js';

/** One design point of a sweep: the value each swept path takes (empty without a sweep). */
export interface SweepPoint {
  set: Record<string, Expression>;
}

/** One swept path and its values, in file order. */
export interface SweepAxis {
  path: string;
  values: Expression[];
}

/** The swept paths and their values, in file order (empty without a sweep). */
export function sweepAxes(file: ScenarioFile): SweepAxis[] {
  const sweep: unknown = file.sweep;
  if (!isPlainObject(sweep)) return [];
  return Object.keys(sweep).map((path) => {
    const values = ownValue(sweep, path);
    return { path, values: Array.isArray(values) ? [...(values as Expression[])] : [] };
  });
}

/**
 * Every design point of the sweep: one point with an empty `set` without a
 * sweep; with two paths, the grid with the first path outer. `set` objects
 * have own keys only (built with `Object.fromEntries`).
 */
export function expandSweep(file: ScenarioFile): SweepPoint[] {
  let points: Array<Array<[string, Expression]>> = [[]];
  for (const axis of sweepAxes(file)) {
    const next: Array<Array<[string, Expression]>> = [];
    for (const p of points) for (const v of axis.values) next.push([...p, [axis.path, v]]);
    points = next;
  }
  return points.map((entries) => ({ set: Object.fromEntries(entries) as Record<string, Expression> }));
}

/**
 * The scenario file with the point's values put in place (a structural copy;
 * `file` is not modified). Paths that cannot be set are left out; a validated
 * file has none.
 */
export function applySweepPoint(file: ScenarioFile, point: SweepPoint): ScenarioFile {
  let out: unknown = file;
  for (const path of Object.keys(point.set)) {
    const r = trySetPath(out, path, ownValue(point.set, path));
    if (r.ok) out = r.value;
  }
  return out as ScenarioFile;
}

/** Resolves the scenario at one design point (expressions are re-evaluated with the point's values). */
export function resolveSweepPoint(file: ScenarioFile, point: SweepPoint, options: ResolveOptions = {}): ResolveResult {
  return resolveScenario(applySweepPoint(file, point), { ...options, checkSweep: false });
}
