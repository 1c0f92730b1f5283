/** The rules of `sweep` and `let`: paths that lead to a number of the scenario, and values that are numbers or expressions. */
import { checkExpression, checkLet } from '../expressions.js';
import { isSweepablePath } from '../format/lookup.js';
import { MAX_SWEEP_PATHS } from '../limits.js';
import { formatPath, hasPath, isPlainObject, joinPath, normalizeSegments, ownValue, parsePath } from '../paths.js';
import { closest } from '../suggest.js';
import type { Context, Rule } from './context.js';
import { suggestPath } from './suggest-path.js';

const SWEEP_PATH_ALLOWED =
  'the path of a number in this scenario: design.n, design.allocation[i], design.dropout, design.correlation, design.spillover, endpoint.arms.<id>.mean / sd / p / probs[i], analysis.alpha, analysis.null, let.<name>, or a parameter of a distribution there';

function checkSweep(ctx: Context, value: unknown): void {
  const { out, root } = ctx;
  if (value === undefined) return;
  const sweep = value;
  if (!isPlainObject(sweep)) {
    out.add('sweep', sweep, `an object mapping 1 to ${MAX_SWEEP_PATHS} paths to lists of values`);
    return;
  }
  const keys = Object.keys(sweep);
  if (keys.length === 0 || keys.length > MAX_SWEEP_PATHS) {
    out.add(
      'sweep',
      sweep,
      `an object mapping 1 to ${MAX_SWEEP_PATHS} paths to lists of values (two paths make a grid)`,
      `${keys.length} paths given`,
    );
  }
  const letKeys = isPlainObject(ownValue(root, 'let')) ? Object.keys(ownValue(root, 'let') as object) : [];
  const seen = new Map<string, string>();
  let points = 1;
  for (const key of keys) {
    const path = joinPath('sweep', key);
    const values = ownValue(sweep, key);
    const parsed = parsePath(key);
    let names = ctx.names;
    const before = out.issues.length;
    if (!parsed.ok) {
      out.add(path, key, SWEEP_PATH_ALLOWED, parsed.error);
    } else {
      const segs = normalizeSegments(root, parsed.segments);
      const canonical = formatPath(segs);
      if (seen.has(canonical)) out.add(path, key, 'a path not swept already', `sweep["${seen.get(canonical)}"] is the same path`);
      seen.set(canonical, key);
      if (segs[0] === 'let' && segs.length === 2) {
        const name = String(segs[1]);
        const index = letKeys.indexOf(name);
        if (index < 0) {
          out.add(
            path,
            key,
            SWEEP_PATH_ALLOWED,
            `"${name}" is not defined in let; add it to let with a default value${(() => {
              const c = closest(name, letKeys);
              return c ? ` (did you mean "let.${c}"?)` : '';
            })()}`,
          );
        } else {
          // A let value may use only the names defined before it.
          names = new Set(letKeys.slice(0, index).filter((k) => ctx.names.has(k)));
        }
      } else if (!hasPath(root, segs)) {
        out.add(
          path,
          key,
          SWEEP_PATH_ALLOWED,
          suggestPath(root, segs) ?? `the scenario has no value at ${canonical}; add it to the file first`,
        );
      } else if (!isSweepablePath(segs)) {
        out.add(path, key, SWEEP_PATH_ALLOWED, `${canonical} is not a number that can be swept`);
      }
    }
    const valuesAllowed = `a list of 1 to ${ctx.limits.maxSweepValues} numbers or expressions`;
    if (!Array.isArray(values) || values.length === 0 || values.length > ctx.limits.maxSweepValues) {
      out.add(path, values, valuesAllowed, Array.isArray(values) ? `${values.length} values given` : undefined);
      continue;
    }
    points *= values.length;
    if (out.issues.length > before) continue; // the values of a bad path are not checked
    values.forEach((v, i) => {
      const p = `${path}[${i}]`;
      if (typeof v !== 'number' && typeof v !== 'string') out.add(p, v, 'a number or an expression');
      else out.push(checkExpression(v, p, names, ctx.limits.maxExpressionLength));
    });
  }
  if (points > ctx.limits.maxSweepPoints) {
    out.add('sweep', sweep, `a sweep of at most ${ctx.limits.maxSweepPoints} design points`, `the grid has ${points} points`);
  }
}

/** `let`: names and expressions in file order; sets the names later expressions may use. */
function checkLetBlock(ctx: Context, value: unknown): void {
  const lets = checkLet(value, 'let', ctx.limits.maxExpressionLength);
  for (const i of lets.issues) ctx.out.push(i);
  ctx.names = lets.names;
}

/** The rules of `sweep` and `let`, by field pattern. */
export const SWEEP_RULES: Readonly<Record<string, Rule>> = {
  let: { replace: (ctx, v) => checkLetBlock(ctx, v) },
  sweep: { replace: (ctx, v) => checkSweep(ctx, v) },
};
