import type { DesignPoint } from '../scenario/design-points.js';
import { resolveScenario, type ResolveOptions } from '../scenario/resolve.js';
import type { ResolvedScenario, ScenarioFile } from '../scenario/types.js';

/**
 * The file's own design: the values written in it (with `--set` applied),
 * expressions and `let` names evaluated, its sweep ignored. Undefined when it
 * does not resolve (say, under lower limits than the run's).
 */
export function ownDesign(file: ScenarioFile, options: ResolveOptions = {}): ResolvedScenario | undefined {
  const { sweep: _sweep, ...unswept } = file;
  const resolved = resolveScenario(unswept as ScenarioFile, options);
  return resolved.ok ? resolved.value : undefined;
}

/** What makes two resolved scenarios the same design: everything but the simulation settings. */
const designKey = (scenario: ResolvedScenario) => JSON.stringify({ ...scenario, simulation: undefined });

/**
 * The index of the point of a sweep that is the file's own design, or -1.
 * Points are compared resolved, so a file that writes `"n": "19 + 16"` finds
 * its design at design.n = 35, and a swept `let` name at the value the file gives it.
 */
export function ownPointIndex(file: ScenarioFile, points: readonly DesignPoint[], options: ResolveOptions = {}): number {
  const own = ownDesign(file, options);
  if (own === undefined) return -1;
  const key = designKey(own);
  return points.findIndex((p) => designKey(p.scenario) === key);
}
