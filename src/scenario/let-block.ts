/**
 * The `let` block: named values in file order, each a number or an
 * expression over the names defined before it. Checked without evaluation by
 * the validator (names, syntax, forward references and cycles) and evaluated
 * once by `resolveScenario`.
 */
import {
  checkExpression,
  compileExpression,
  EXPRESSION_ALLOWED,
  evaluateCompiled,
  LET_NAME_ALLOWED,
  letNameProblem,
  unknownNameReason,
} from './expressions.js';
import { MAX_EXPRESSION_LENGTH, MAX_LET_NAMES } from './limits.js';
import { isPlainObject, joinPath } from './paths.js';
import type { ValidationIssue } from './types.js';

/** Result of `evaluateLet`. */
export interface LetEvaluation {
  /** The names that evaluated to a finite number, with their values (a Map: no prototype keys). */
  scope: Map<string, number>;
  /** Names that are defined but could not be evaluated (their issue is in `issues`). */
  failed: Set<string>;
  /** Problems found, with paths under `basePath`. */
  issues: ValidationIssue[];
}

/**
 * Checks the `let` block without evaluating: names, expression syntax, and
 * references (only to names defined earlier; forward references and cycles
 * are reported). Returns the issues and the set of well-formed names.
 */
export function checkLet(
  lets: unknown,
  basePath = 'let',
  maxLength: number = MAX_EXPRESSION_LENGTH,
): { names: Set<string>; issues: ValidationIssue[] } {
  const r = walkLet(lets, basePath, false, maxLength);
  return { names: new Set([...r.scope.keys(), ...r.failed]), issues: r.issues };
}

/**
 * Evaluates the `let` block in file order: each value may use the names
 * defined before it. Unknown names, forward references, cycles and values that
 * are not finite numbers are reported; names depending on a failed name are
 * marked failed without a second report.
 */
export function evaluateLet(lets: unknown, basePath = 'let', maxLength: number = MAX_EXPRESSION_LENGTH): LetEvaluation {
  return walkLet(lets, basePath, true, maxLength);
}

function walkLet(lets: unknown, basePath: string, evaluate: boolean, maxLength: number): LetEvaluation {
  const scope = new Map<string, number>();
  const failed = new Set<string>();
  const issues: ValidationIssue[] = [];
  if (lets === undefined) return { scope, failed, issues };
  if (!isPlainObject(lets)) {
    issues.push({ path: basePath, value: lets, allowed: 'an object of named values, e.g. {"delta": 2.45, "sd": 3}' });
    return { scope, failed, issues };
  }
  const keys = Object.keys(lets);
  if (keys.length > MAX_LET_NAMES) {
    issues.push({ path: basePath, value: `${keys.length} names`, allowed: `at most ${MAX_LET_NAMES} names` });
    return { scope, failed, issues };
  }
  // Names in file order, and what each one refers to (for cycle reports).
  const order = new Map<string, number>();
  keys.forEach((k, i) => order.set(k, i));
  const refs = new Map<string, readonly string[]>();
  for (const k of keys) {
    const v = lets[k];
    if (typeof v === 'string') {
      const c = compileExpression(v, maxLength);
      if (c.ok) refs.set(k, c.expr.names);
    }
  }
  const defined = new Set<string>();
  for (const name of keys) {
    const path = joinPath(basePath, name);
    const value = lets[name];
    const bad = letNameProblem(name);
    if (bad) {
      issues.push({ path, value, allowed: LET_NAME_ALLOWED, hint: bad });
      continue;
    }
    const fail = (issue: ValidationIssue | undefined) => {
      failed.add(name);
      if (issue) issues.push(issue);
    };
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) fail({ path, value, allowed: 'a finite number' });
      else scope.set(name, value);
      defined.add(name);
      continue;
    }
    if (typeof value !== 'string') {
      fail({ path, value, allowed: EXPRESSION_ALLOWED, hint: 'a let value is a number or an expression, not a distribution' });
      defined.add(name);
      continue;
    }
    const syntax = checkExpression(value, path, ALL_NAMES, maxLength);
    if (syntax) {
      fail(syntax);
      defined.add(name);
      continue;
    }
    const c = compileExpression(value, maxLength);
    if (!c.ok) {
      fail({ path, value, allowed: EXPRESSION_ALLOWED, hint: c.reason });
      defined.add(name);
      continue;
    }
    let problem: string | undefined;
    let dependsOnFailed = false;
    for (const ref of c.expr.names) {
      if (defined.has(ref)) {
        if (failed.has(ref)) dependsOnFailed = true;
        continue;
      }
      const at = order.get(ref);
      if (at === undefined || letNameProblem(ref)) {
        problem = unknownNameReason(
          ref,
          keys.filter((k) => !letNameProblem(k)),
        );
      } else {
        const cycle = findCycle(name, ref, refs);
        problem = cycle ? `cycle: ${cycle.join(' → ')}` : `"${ref}" is defined later in let; a value may use only names defined before it`;
      }
      break;
    }
    defined.add(name);
    if (problem) {
      fail({ path, value, allowed: EXPRESSION_ALLOWED, hint: problem });
      continue;
    }
    if (dependsOnFailed) {
      fail(undefined);
      continue;
    }
    if (!evaluate) {
      scope.set(name, NaN);
      continue;
    }
    const r = evaluateCompiled(c.expr, scope);
    if (r.ok) scope.set(name, r.value);
    else fail({ path, value, allowed: 'an expression with a finite value', hint: r.reason, evaluated: r.value });
  }
  return { scope, failed, issues };
}

/** A set that contains every string (syntax checks before names are known). */
const ALL_NAMES: ReadonlySet<string> = new (class extends Set<string> {
  override has(): boolean {
    return true;
  }
})();

/** The cycle `from → to → … → from` through `refs`, if there is one. */
function findCycle(from: string, to: string, refs: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const seen = new Set<string>();
  const path: string[] = [from];
  const dfs = (node: string): boolean => {
    path.push(node);
    if (node === from) return true;
    if (!seen.has(node)) {
      seen.add(node);
      for (const next of refs.get(node) ?? []) if (dfs(next)) return true;
    }
    path.pop();
    return false;
  };
  return dfs(to) ? path : undefined;
}
