import { loadScenario } from './load.js';
import { expandSweep } from './sweep.js';
import type { Expression, ResolvedScenario, ScenarioFile, ValidationIssue } from './types.js';

/** One point of a scenario's sweep, resolved and ready to simulate. */
export interface DesignPoint {
  /** The swept paths and the values they take at this point (empty without a sweep). */
  set: Record<string, Expression>;
  scenario: ResolvedScenario;
}

/** A path override, as from `--set path=value` or one sweep value. */
export interface Override {
  path: string;
  value: unknown;
}

/**
 * Loads a scenario, applies `overrides` (an overridden path is no longer
 * swept), expands its sweep and resolves every point (each point re-evaluates the expressions, so sweeping a `let` value
 * moves everything computed from it). A sweep value that makes the scenario
 * invalid is reported at its place in `sweep`.
 */
export function designPoints(
  text: string,
  overrides: readonly Override[] = [],
): { ok: true; file: ScenarioFile; points: DesignPoint[] } | { ok: false; issues: ValidationIssue[] } {
  const base = loadScenario(text, [...overrides]);
  if (!base.ok) return base;
  const points: DesignPoint[] = [];
  const issues: ValidationIssue[] = [];
  // A value fixed by an override is no longer swept: `--set design.n=70` means n = 70.
  const fixed = new Set(overrides.map((o) => o.path));
  const sweep = Object.fromEntries(Object.entries(base.file.sweep ?? {}).filter(([path]) => !fixed.has(path)));
  for (const point of expandSweep({ ...base.file, sweep })) {
    const pointOverrides = Object.entries(point.set).map(([path, value]) => ({ path, value }));
    const loaded = loadScenario(text, [...overrides, ...pointOverrides]);
    if (loaded.ok) {
      points.push({ set: point.set, scenario: loaded.resolved });
      continue;
    }
    for (const issue of loaded.issues) {
      const swept = pointOverrides.find((o) => issue.path === o.path || issue.path.startsWith(`${o.path}.`));
      issues.push(swept ? { ...issue, path: `sweep["${swept.path}"]`, hint: `at ${swept.path} = ${JSON.stringify(swept.value)}` } : issue);
    }
  }
  return issues.length > 0 ? { ok: false, issues: dedupe(issues) } : { ok: true, file: base.file, points };
}

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.allowed}\u0000${i.hint ?? ''}`;
    return !seen.has(key) && (seen.add(key), true);
  });
}
