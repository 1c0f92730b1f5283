/**
 * Evaluating the numbers of a scenario file: literals and expressions against
 * the ranges of the definition, and distributions into `ParamDistribution`
 * (their parameters against the distribution's ranges, their centre against
 * the field's). Reads its input defensively: any value may be malformed.
 */
import { betaFromCI } from '../../evidence/beta-from-ci.js';
import { evidenceCI } from '../../evidence/evidence-ci.js';
import { evidenceIds, getEvidence } from '../../evidence/library.js';
import { compileExpression, evaluateCompiled, evaluateLet, EXPRESSION_ALLOWED } from '../expressions.js';
import { distributionParamRange } from '../format/distribution.js';
import { ANY_NUMBER, type Range, rangeFor, rangeProblem } from '../format/range.js';
import { IssueCollector } from '../issues.js';
import { limitsOf, type ScenarioLimits } from '../limits.js';
import { centreOf } from '../param-centre.js';
import { isPlainObject, joinPath, ownValue } from '../paths.js';
import { didYouMean } from '../suggest.js';
import type { Param, ParamDistribution, ValidationIssue } from '../types.js';

/** The 97.5 % quantile of the standard normal, used to turn a 95 % interval into an SD. */
export const Z_975 = 1.959964;

/** An estimate with its 95 % interval, as an evidence library supplies it. */
export interface EvidenceCI {
  estimate: number;
  lower: number;
  upper: number;
  /** `%` values are divided by 100; `value` and `proportion` are used as given (default `value`). */
  unit?: 'value' | '%' | 'proportion';
}

/** Looks up an evidence id (`fromCI: { evidence }`); `undefined` when the id is unknown. */
export type EvidenceResolver = (id: string) => EvidenceCI | undefined;

/** What the resolver needs of `ResolveOptions`. */
export interface ResolverOptions {
  resolveEvidence?: EvidenceResolver;
  limits?: Partial<ScenarioLimits>;
}

/** The range of a distribution's parameter, from the definition (any finite number when it states none). */
function paramRange(kind: string, name: string, limits: ScenarioLimits): Range {
  const spec = distributionParamRange(kind, name);
  return spec === undefined ? ANY_NUMBER : rangeFor(spec, limits);
}

/** The object itself when it is a plain object, else undefined. */
const asObject = (v: unknown): Record<string, unknown> | undefined => (isPlainObject(v) ? v : undefined);

/** Evaluates numbers and parameters, collecting issues. Reads its input defensively: any value may be malformed. */
export class Resolver {
  readonly out = new IssueCollector();
  private readonly scope: Map<string, number>;
  private readonly failed: Set<string>;

  readonly limits: ScenarioLimits;

  constructor(
    lets: unknown,
    private readonly options: ResolverOptions,
  ) {
    this.limits = limitsOf(options.limits);
    const evaluated = evaluateLet(lets, 'let', this.limits.maxExpressionLength);
    this.scope = evaluated.scope;
    this.failed = evaluated.failed;
    for (const i of evaluated.issues) this.out.push(i);
  }

  private add(issue: ValidationIssue): void {
    this.out.push(issue);
  }

  /** The issues found so far. */
  get issues(): ValidationIssue[] {
    return this.out.issues;
  }

  /** Evaluates a literal or expression; `undefined` (with an issue, unless caused by a failed let name) on failure. */
  evaluate(path: string, expr: unknown): number | undefined {
    if (typeof expr === 'number') {
      if (Number.isFinite(expr)) return expr === 0 ? 0 : expr; // no -0: results must survive JSON unchanged
      this.add({ path, value: expr, allowed: 'a finite number' });
      return undefined;
    }
    if (typeof expr !== 'string') {
      this.add({ path, value: expr, allowed: EXPRESSION_ALLOWED });
      return undefined;
    }
    const c = compileExpression(expr, this.limits.maxExpressionLength);
    if (!c.ok) {
      this.add({ path, value: expr, allowed: EXPRESSION_ALLOWED, hint: c.reason });
      return undefined;
    }
    if (c.expr.names.some((n) => this.failed.has(n))) return undefined; // already reported under let
    const r = evaluateCompiled(c.expr, this.scope);
    if (!r.ok) {
      const issue: ValidationIssue = { path, value: expr, allowed: 'an expression with a finite value', hint: r.reason };
      if (r.value !== undefined) issue.evaluated = r.value;
      this.add(issue);
      return undefined;
    }
    return r.value;
  }

  /** Evaluates and range-checks a number (no distribution). */
  number(path: string, expr: unknown, range: Range): number | undefined {
    const v = this.evaluate(path, expr);
    if (v === undefined) return undefined;
    const allowed = rangeProblem(range, v);
    if (allowed !== undefined) {
      const issue: ValidationIssue = { path, value: expr, allowed };
      if (typeof expr !== 'number') issue.evaluated = v;
      this.add(issue);
      return undefined;
    }
    return v;
  }

  /** Resolves a number or a distribution; the distribution's centre must satisfy `range`. */
  param(path: string, spec: unknown, range: Range): Param | undefined {
    if (typeof spec === 'number' || typeof spec === 'string') return this.number(path, spec, range);
    const d = asObject(spec);
    const keys = d ? Object.keys(d) : [];
    if (!d || keys.length !== 1) {
      this.add({ path, value: spec, allowed: 'a number, an expression or a distribution' });
      return undefined;
    }
    const kind = keys[0];
    const p = joinPath(path, kind);
    const inner = asObject(d[kind]);
    if (!inner) {
      this.add({ path: p, value: d[kind], allowed: 'an object with the parameters of the distribution' });
      return undefined;
    }
    const arg = (name: string) => this.number(joinPath(p, name), ownValue(inner, name), paramRange(kind, name, this.limits));
    const centreCheck = (at: string, value: unknown, centre: number, note: string): boolean => {
      const allowed = Number.isFinite(centre) ? rangeProblem(range, centre) : 'a finite number';
      if (allowed === undefined) return true;
      this.add({ path: at, value, allowed: `${allowed} (${note})`, evaluated: centre });
      return false;
    };
    switch (kind) {
      case 'normal': {
        const mean = arg('mean');
        const sd = arg('sd');
        if (mean === undefined || sd === undefined) return undefined;
        return centreCheck(joinPath(p, 'mean'), ownValue(inner, 'mean'), mean, 'the centre of the distribution')
          ? { dist: 'normal', mean, sd }
          : undefined;
      }
      case 'beta': {
        const alpha = arg('alpha');
        const beta = arg('beta');
        if (alpha === undefined || beta === undefined) return undefined;
        const dist: ParamDistribution = { dist: 'beta', alpha, beta };
        return centreCheck(p, inner, centreOf(dist), 'the mean α/(α+β) of the distribution') ? dist : undefined;
      }
      case 'lognormal': {
        const meanlog = arg('meanlog');
        const sdlog = arg('sdlog');
        if (meanlog === undefined || sdlog === undefined) return undefined;
        const dist: ParamDistribution = { dist: 'lognormal', meanlog, sdlog };
        return centreCheck(
          joinPath(p, 'meanlog'),
          ownValue(inner, 'meanlog'),
          centreOf(dist),
          'the mean exp(meanlog + sdlog²/2) of the distribution',
        )
          ? dist
          : undefined;
      }
      case 'fromCI':
        return this.fromCI(p, inner, range);
    }
    this.add({ path, value: spec, allowed: 'a number, an expression or a distribution' });
    return undefined;
  }

  /** A normal distribution matching an estimate and its 95 % interval. */
  private fromCI(path: string, spec: Record<string, unknown>, range: Range): ParamDistribution | undefined {
    let estimate: number | undefined;
    let lower: number | undefined;
    let upper: number | undefined;
    let unit: unknown;
    let raw: { estimate: unknown; lower: unknown; upper: unknown };
    const evidence = ownValue(spec, 'evidence');
    if (evidence !== undefined) {
      const evPath = joinPath(path, 'evidence');
      const lookup = this.options.resolveEvidence ?? evidenceCI;
      const ci = typeof evidence === 'string' ? lookup(evidence) : undefined;
      if (!ci) {
        const known = typeof evidence === 'string' && getEvidence(evidence) !== undefined;
        this.add({
          path: evPath,
          value: evidence,
          allowed: 'the id of an evidence entry with an estimate and a 95 % interval (see src/evidence/library.ts)',
          hint: known
            ? 'this entry has no interval to build a distribution from'
            : (didYouMean(String(evidence), evidenceIds()) ?? 'unknown evidence id'),
        });
        return undefined;
      }
      for (const k of ['estimate', 'lower', 'upper'] as const) {
        if (typeof ci[k] !== 'number' || !Number.isFinite(ci[k])) {
          this.add({
            path: evPath,
            value: evidence,
            allowed: 'an evidence entry with a finite estimate and interval',
            hint: `its ${k} is ${String(ci[k])}`,
          });
          return undefined;
        }
      }
      ({ estimate, lower, upper, unit } = ci);
      [estimate, lower, upper] = [estimate + 0, lower + 0, upper + 0]; // -0 + 0 is 0
      raw = { estimate, lower, upper };
    } else {
      raw = { estimate: ownValue(spec, 'estimate'), lower: ownValue(spec, 'lower'), upper: ownValue(spec, 'upper') };
      estimate = this.evaluate(joinPath(path, 'estimate'), raw.estimate);
      lower = this.evaluate(joinPath(path, 'lower'), raw.lower);
      upper = this.evaluate(joinPath(path, 'upper'), raw.upper);
      unit = ownValue(spec, 'unit');
      if (estimate === undefined || lower === undefined || upper === undefined) return undefined;
    }
    const scale = unit === '%' ? 0.01 : 1;
    const note = unit === '%' ? ', divided by 100 for unit "%"' : '';
    const e = estimate * scale;
    const lo = lower * scale;
    const hi = upper * scale;
    for (const [k, v] of [
      ['lower', lower],
      ['upper', upper],
    ] as const) {
      const allowed = rangeProblem(paramRange('fromCI', k, this.limits), v);
      if (allowed !== undefined) {
        this.add({ path: joinPath(path, k), value: raw[k], allowed, evaluated: v });
        return undefined;
      }
    }
    if (!(lo < hi)) {
      this.add({ path: joinPath(path, 'upper'), value: raw.upper, allowed: `a number > lower (${lower})`, evaluated: upper });
      return undefined;
    }
    if (!(e >= lo && e <= hi)) {
      this.add({
        path: joinPath(path, 'estimate'),
        value: raw.estimate,
        allowed: `a number between lower and upper (${lower} to ${upper})`,
        evaluated: estimate,
      });
      return undefined;
    }
    const allowed = rangeProblem(range, e);
    if (allowed !== undefined) {
      this.add({ path: joinPath(path, 'estimate'), value: raw.estimate, allowed: `${allowed} (the estimate${note})`, evaluated: e });
      return undefined;
    }
    // A proportion's interval becomes a beta (a normal would put draws outside [0, 1]).
    if ((unit === '%' || unit === 'proportion') && e > 0 && e < 1 && lo >= 0 && hi <= 1) {
      const fit = betaFromCI(e, lo, hi);
      return { dist: 'beta', alpha: fit.alpha, beta: fit.beta };
    }
    // A tiny negative estimate in % underflows to -0, which JSON (a part file, a worker's input check) reads back as 0.
    return { dist: 'normal', mean: e === 0 ? 0 : e, sd: (hi - lo) / (2 * Z_975) };
  }
}
