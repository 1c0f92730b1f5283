import { capIssues, loadScenario } from './load.js';
import { formatPath, joinPath, normalizeSegments, parsePath, trySetPath } from './paths.js';
import { resolveScenario, type ResolveOptions } from './resolve.js';
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
 *
 * The text is parsed and validated once; each point is the validated file
 * with its sweep values put in place (a structural copy along those paths
 * only, sharing everything else) and resolved. So a 1 MiB file with a 10 000
 * point sweep costs one parse, not 10 000 (nor 10 000 copies of its strings).
 * `options.limits` are the limits of the run (see `ScenarioLimits`).
 */
export function designPoints(
  text: string,
  overrides: readonly Override[] = [],
  options: ResolveOptions = {},
): { ok: true; file: ScenarioFile; points: DesignPoint[] } | { ok: false; issues: ValidationIssue[] } {
  const base = loadScenario(text, [...overrides], options);
  if (!base.ok) return base;
  const points: DesignPoint[] = [];
  const issues: ValidationIssue[] = [];
  // A value fixed by an override is no longer swept: `--set design.n=70` means n = 70.
  const fixed = new Set(overrides.map((o) => o.path));
  const sweep = Object.fromEntries(Object.entries(base.file.sweep ?? {}).filter(([path]) => !fixed.has(path)));
  // The canonical form of each swept path (`probs.2` → `probs[2]`), to recognise its issues.
  const canonical = new Map<string, string>();
  for (const path of Object.keys(sweep)) {
    const parsed = parsePath(path);
    canonical.set(path, parsed.ok ? formatPath(normalizeSegments(base.file, parsed.segments)) : path);
  }
  for (const point of expandSweep({ ...base.file, sweep })) {
    const pointOverrides = Object.entries(point.set).map(([path, value]) => ({ path, value }));
    let file: unknown = base.file;
    let settable = true;
    for (const o of pointOverrides) {
      const r = trySetPath(file, o.path, o.value);
      if (r.ok) file = r.value;
      else {
        settable = false;
        issues.push({ path: joinPath('sweep', o.path), value: o.value, allowed: 'a value that can be set at this path', hint: r.error });
      }
    }
    if (!settable) continue;
    // The structure was validated with the file; the swept values were checked as
    // expressions then. Only their values remain to be checked, by resolution.
    const resolved = resolveScenario(file as ScenarioFile, { ...options, checkSweep: false });
    if (resolved.ok) {
      points.push({ set: point.set, scenario: resolved.value });
      continue;
    }
    for (const issue of resolved.issues) {
      const swept = pointOverrides.find((o) => {
        const c = canonical.get(o.path) ?? o.path;
        return [o.path, c].some((p) => issue.path === p || issue.path.startsWith(`${p}.`) || issue.path.startsWith(`${p}[`));
      });
      if (swept) issues.push({ ...issue, path: joinPath('sweep', swept.path), hint: `at ${swept.path} = ${JSON.stringify(swept.value)}` });
      else {
        // A value computed from a swept `let` name: say at which sweep point it went wrong.
        const at = pointOverrides.map((o) => `${o.path} = ${JSON.stringify(o.value)}`).join(', ');
        issues.push(at === '' ? issue : { ...issue, hint: issue.hint === undefined ? `at ${at}` : `${issue.hint}; at ${at}` });
      }
    }
  }
  return issues.length > 0 ? { ok: false, issues: capIssues(dedupe(issues)) } : { ok: true, file: base.file, points };
}

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.allowed}\u0000${i.hint ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
