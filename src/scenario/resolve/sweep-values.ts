/** Checking every value of a sweep: the scenario resolved at each value, its problems reported at `sweep["path"][i]`. */
import { formatIssue } from '../format-issues.js';
import type { Result } from '../issues.js';
import { formatPath, joinPath, normalizeSegments, ownValue, parsePath, trySetPath } from '../paths.js';
import type { Expression, ResolvedScenario, ScenarioFile, ValidationIssue } from '../types.js';

/** Resolves the scenario at each value of each sweep path; reports the values that fail. */
export function checkSweepValues(file: ScenarioFile, resolve: (point: ScenarioFile) => Result<ResolvedScenario>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const sweep = file.sweep ?? {};
  for (const key of Object.keys(sweep)) {
    const values = ownValue(sweep, key) as Expression[];
    const parsed = parsePath(key);
    const canonical = parsed.ok ? formatPath(normalizeSegments(file, parsed.segments)) : key;
    values.forEach((value, i) => {
      const path = `${joinPath('sweep', key)}[${i}]`;
      const point = trySetPath(file, key, value);
      if (!point.ok) {
        issues.push({ path, value, allowed: 'a value that can be set at this path', hint: point.error });
        return;
      }
      const r = resolve(point.value as ScenarioFile);
      if (r.ok) return;
      for (const inner of r.issues) {
        const issue: ValidationIssue = { path, value, allowed: inner.allowed };
        if (inner.path === key || inner.path === canonical) {
          if (inner.hint) issue.hint = inner.hint;
          if (inner.evaluated !== undefined) issue.evaluated = inner.evaluated;
        } else {
          issue.hint = `with this value, ${formatIssue(inner).replace(/; allowed: .*$/, '')}${inner.hint ? `: ${inner.hint}` : ''}`;
        }
        issues.push(issue);
      }
    });
  }
  return issues;
}
