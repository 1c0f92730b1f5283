/**
 * Resolution of a validated scenario file into the plain form the engine
 * uses: every expression evaluated, every default filled in, distributions
 * converted to `ParamDistribution`, and every value checked against its range
 * (with path-precise messages).
 */
import { compileExpression, evaluateCompiled, evaluateLet, EXPRESSION_ALLOWED } from './expressions.js';
import { formatIssue } from './format-issues.js';
import { centreOf } from './param-centre.js';
import { DEFAULT_REPLICATES, MAX_N, MIN_N, PROBS_CENTRE_SUM_TOLERANCE, PROBS_SUM_TOLERANCE } from './limits.js';
import { formatPath, isPlainObject, joinPath, normalizeSegments, ownValue, parsePath, trySetPath } from './paths.js';
import {
  SCENARIO_FORMAT,
  type DistributionSpec,
  type Expression,
  type NumberSpec,
  type Param,
  type ParamDistribution,
  type ResolvedArm,
  type ResolvedDesign,
  type ResolvedEndpoint,
  type ResolvedScenario,
  type ScenarioFile,
  type ValidationIssue,
} from './types.js';

/** The 97.5 % quantile of the standard normal, used to turn a 95 % interval into an SD. */
export const Z_975 = 1.959964;

/** Default significance level. */
export const DEFAULT_ALPHA = 0.05;

/** Default seed of every random stream. */
export const DEFAULT_SEED = 'trialsim';

/** Default label of an endpoint without one. */
export const DEFAULT_ENDPOINT_LABEL = 'Primary endpoint';

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

/** Options of `resolveScenario`. */
export interface ResolveOptions {
  /**
   * Hook for the evidence library (src/evidence), which does not exist yet.
   * TODO(evidence): pass the library's lookup here once it exists. Without it,
   * `fromCI: { evidence }` is reported as "evidence ids are not available yet".
   */
  resolveEvidence?: EvidenceResolver;
  /**
   * Also resolve the scenario at every value of each sweep path (the other
   * paths at their file values) and report the values that fail, at
   * `sweep["path"][i]` (default false: `designPoints` resolves every point anyway).
   */
  checkSweep?: boolean;
}

/** Result of `resolveScenario`. */
export type ResolveResult = { ok: true; scenario: ResolvedScenario } | { ok: false; issues: ValidationIssue[] };

/** A range check: returns what is allowed when `x` is out of range, else `undefined`. */
type Range = (x: number) => string | undefined;

const ANY: Range = () => undefined;
const POSITIVE: Range = (x) => (x > 0 ? undefined : 'a number > 0');
const PROBABILITY: Range = (x) => (x >= 0 && x <= 1 ? undefined : 'a probability in [0, 1]');
const DROPOUT: Range = (x) => (x >= 0 && x < 1 ? undefined : 'a number in [0, 1)');
const CORRELATION: Range = (x) => (x > -1 && x < 1 ? undefined : 'a number in (-1, 1)');
const SPILLOVER: Range = (x) => (x >= 0 && x <= 1 ? undefined : 'a number in [0, 1]');
const ALPHA: Range = (x) => (x > 0 && x <= 0.5 ? undefined : 'a number in (0, 0.5]');
const BENCHMARK: Range = (x) => (x > 0 && x < 1 ? undefined : 'a benchmark rate in (0, 1)');
const N: Range = (x) =>
  !Number.isInteger(x) || x < MIN_N ? `a whole number ≥ ${MIN_N}` : x > MAX_N ? `a whole number ≤ ${MAX_N}` : undefined;

/** Evaluates numbers and parameters, collecting issues. */
class Resolver {
  readonly issues: ValidationIssue[] = [];
  private readonly scope: Map<string, number>;
  private readonly failed: Set<string>;

  constructor(
    file: ScenarioFile,
    private readonly options: ResolveOptions,
  ) {
    const lets = evaluateLet(file.let);
    this.scope = lets.scope;
    this.failed = lets.failed;
    this.issues.push(...lets.issues);
  }

  private add(issue: ValidationIssue): void {
    this.issues.push(issue);
  }

  /** Evaluates a literal or expression; `undefined` (with an issue, unless caused by a failed let name) on failure. */
  evaluate(path: string, expr: Expression): number | undefined {
    if (typeof expr === 'number') {
      if (Number.isFinite(expr)) return expr;
      this.add({ path, value: expr, allowed: 'a finite number' });
      return undefined;
    }
    if (typeof expr !== 'string') {
      this.add({ path, value: expr, allowed: EXPRESSION_ALLOWED });
      return undefined;
    }
    const c = compileExpression(expr);
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
  number(path: string, expr: Expression, range: Range): number | undefined {
    const v = this.evaluate(path, expr);
    if (v === undefined) return undefined;
    const allowed = range(v);
    if (allowed !== undefined) {
      const issue: ValidationIssue = { path, value: expr, allowed };
      if (typeof expr !== 'number') issue.evaluated = v;
      this.add(issue);
      return undefined;
    }
    return v;
  }

  /** Resolves a number or a distribution; the distribution's centre must satisfy `range`. */
  param(path: string, spec: NumberSpec, range: Range): Param | undefined {
    if (typeof spec === 'number' || typeof spec === 'string') return this.number(path, spec, range);
    if (!isPlainObject(spec)) {
      this.add({ path, value: spec, allowed: 'a number, an expression or a distribution' });
      return undefined;
    }
    const d = spec as DistributionSpec;
    const centreCheck = (p: string, value: unknown, centre: number, note = 'the centre of the distribution'): boolean => {
      const allowed = Number.isFinite(centre) ? range(centre) : 'a finite number';
      if (allowed === undefined) return true;
      this.add({ path: p, value, allowed: `${allowed} (${note})`, evaluated: centre });
      return false;
    };
    if ('normal' in d) {
      const p = joinPath(path, 'normal');
      const mean = this.number(joinPath(p, 'mean'), d.normal.mean, ANY);
      const sd = this.number(joinPath(p, 'sd'), d.normal.sd, POSITIVE);
      if (mean === undefined || sd === undefined) return undefined;
      return centreCheck(joinPath(p, 'mean'), d.normal.mean, mean) ? { dist: 'normal', mean, sd } : undefined;
    }
    if ('beta' in d) {
      const p = joinPath(path, 'beta');
      const alpha = this.number(joinPath(p, 'alpha'), d.beta.alpha, POSITIVE);
      const beta = this.number(joinPath(p, 'beta'), d.beta.beta, POSITIVE);
      if (alpha === undefined || beta === undefined) return undefined;
      return centreCheck(p, d.beta, alpha / (alpha + beta), 'the mean α/(α+β) of the distribution')
        ? { dist: 'beta', alpha, beta }
        : undefined;
    }
    if ('lognormal' in d) {
      const p = joinPath(path, 'lognormal');
      const meanlog = this.number(joinPath(p, 'meanlog'), d.lognormal.meanlog, ANY);
      const sdlog = this.number(joinPath(p, 'sdlog'), d.lognormal.sdlog, POSITIVE);
      if (meanlog === undefined || sdlog === undefined) return undefined;
      const centre = centreOf({ dist: 'lognormal', meanlog, sdlog });
      return centreCheck(joinPath(p, 'meanlog'), d.lognormal.meanlog, centre, 'the mean exp(meanlog + sdlog²/2) of the distribution')
        ? { dist: 'lognormal', meanlog, sdlog }
        : undefined;
    }
    if ('fromCI' in d) return this.fromCI(joinPath(path, 'fromCI'), d.fromCI, range);
    this.add({ path, value: spec, allowed: 'a number, an expression or a distribution' });
    return undefined;
  }

  /** A normal distribution matching an estimate and its 95 % interval. */
  private fromCI(path: string, spec: unknown, range: Range): ParamDistribution | undefined {
    if (!isPlainObject(spec)) {
      this.add({ path, value: spec, allowed: 'an object {"estimate", "lower", "upper", "unit"?} or {"evidence"}' });
      return undefined;
    }
    let estimate: number | undefined;
    let lower: number | undefined;
    let upper: number | undefined;
    let unit: unknown;
    let raw: { estimate: unknown; lower: unknown; upper: unknown };
    const evidence = ownValue(spec, 'evidence');
    if (evidence !== undefined) {
      const evPath = joinPath(path, 'evidence');
      const lookup = this.options.resolveEvidence;
      if (!lookup) {
        this.add({ path: evPath, value: evidence, allowed: 'an explicit {"estimate", "lower", "upper", "unit"?}', hint: 'evidence ids are not available yet' });
        return undefined;
      }
      const ci = typeof evidence === 'string' ? lookup(evidence) : undefined;
      if (!ci) {
        this.add({ path: evPath, value: evidence, allowed: 'the id of a known evidence entry', hint: 'unknown evidence id' });
        return undefined;
      }
      ({ estimate, lower, upper, unit } = ci);
      raw = { estimate, lower, upper };
      for (const k of ['estimate', 'lower', 'upper'] as const) {
        if (!Number.isFinite(ci[k])) {
          this.add({ path: evPath, value: evidence, allowed: 'an evidence entry with a finite estimate and interval', hint: `its ${k} is ${String(ci[k])}` });
          return undefined;
        }
      }
    } else {
      raw = { estimate: ownValue(spec, 'estimate'), lower: ownValue(spec, 'lower'), upper: ownValue(spec, 'upper') };
      estimate = this.evaluate(joinPath(path, 'estimate'), raw.estimate as Expression);
      lower = this.evaluate(joinPath(path, 'lower'), raw.lower as Expression);
      upper = this.evaluate(joinPath(path, 'upper'), raw.upper as Expression);
      unit = ownValue(spec, 'unit');
      if (estimate === undefined || lower === undefined || upper === undefined) return undefined;
    }
    const scale = unit === '%' ? 0.01 : 1;
    const note = unit === '%' ? ', divided by 100 for unit "%"' : '';
    const e = estimate * scale;
    const lo = lower * scale;
    const hi = upper * scale;
    if (!(lo < hi)) {
      this.add({ path: joinPath(path, 'upper'), value: raw.upper, allowed: `a number > lower (${lower})`, evaluated: upper });
      return undefined;
    }
    if (!(e >= lo && e <= hi)) {
      this.add({ path: joinPath(path, 'estimate'), value: raw.estimate, allowed: `a number between lower and upper (${lower} to ${upper})`, evaluated: estimate });
      return undefined;
    }
    const allowed = range(e);
    if (allowed !== undefined) {
      this.add({ path: joinPath(path, 'estimate'), value: raw.estimate, allowed: `${allowed} (the estimate${note})`, evaluated: e });
      return undefined;
    }
    return { dist: 'normal', mean: e, sd: (hi - lo) / (2 * Z_975) };
  }
}

/**
 * Resolves a validated scenario file (see `validateScenario`): evaluates
 * expressions, fills defaults, converts distributions and checks value
 * ranges. With `checkSweep`, the scenario is also resolved at every value of
 * each sweep path, so that bad sweep values are reported too. Never throws on
 * a validated file.
 */
export function resolveScenario(file: ScenarioFile, options: ResolveOptions = {}): ResolveResult {
  const r = new Resolver(file, options);

  // Design.
  const d = file.design;
  const arms: ResolvedArm[] = d.arms.map((a) => ({ id: a.id, label: a.label ?? a.id, control: a.control === true }));
  const n = r.number('design.n', d.n, N);
  const dropout = d.dropout === undefined ? 0 : r.param('design.dropout', d.dropout, DROPOUT);
  let design: ResolvedDesign | undefined;
  if (d.kind === 'parallel') {
    const weights = (d.allocation ?? arms.map(() => 1)).map((w, i) => r.number(`design.allocation[${i}]`, w, POSITIVE));
    if (n !== undefined && weights.every((w): w is number => w !== undefined)) {
      const total = weights.reduce((a, b) => a + b, 0);
      const smallest = Math.min(...weights);
      if ((n * smallest) / total < 1 - 1e-9) {
        const need = Math.ceil(total / smallest - 1e-9);
        const issue: ValidationIssue = {
          path: 'design.n',
          value: d.n,
          allowed: `a whole number ≥ ${need}, so that every arm gets at least 1 patient with allocation [${weights.join(', ')}]`,
        };
        if (typeof d.n !== 'number') issue.evaluated = n;
        r.issues.push(issue);
      } else if (dropout !== undefined) {
        design = { kind: 'parallel', arms, allocation: weights, n, dropout };
      }
    }
  } else if (d.kind === 'within-patient') {
    const correlation = r.param('design.correlation', d.correlation, CORRELATION);
    const spillover = d.spillover === undefined ? 0 : r.param('design.spillover', d.spillover, SPILLOVER);
    if (n !== undefined && dropout !== undefined && correlation !== undefined && spillover !== undefined) {
      design = { kind: 'within-patient', arms, n, correlation, spillover, dropout };
    }
  } else if (n !== undefined && dropout !== undefined) {
    design = { kind: 'single-arm', arms, n, dropout };
  }

  // Endpoint, with arms in design order.
  const ep = file.endpoint;
  const label = ep.label ?? DEFAULT_ENDPOINT_LABEL;
  const common = { label, ...(ep.unit !== undefined ? { unit: ep.unit } : {}), better: ep.better };
  let endpoint: ResolvedEndpoint | undefined;
  const armSpec = (id: string): Record<string, unknown> => {
    const v = ownValue(ep.arms as Record<string, unknown>, id);
    return isPlainObject(v) ? v : {};
  };
  let endpointOk = true;
  const keep = <T>(v: T | undefined): T => {
    if (v === undefined) endpointOk = false;
    return v as T;
  };
  if (ep.kind === 'continuous') {
    const out: Record<string, { mean: Param; sd: Param }> = {};
    for (const a of arms) {
      const s = armSpec(a.id);
      const p = joinPath('endpoint.arms', a.id);
      out[a.id] = {
        mean: keep(r.param(`${p}.mean`, s.mean as NumberSpec, ANY)),
        sd: keep(r.param(`${p}.sd`, s.sd as NumberSpec, POSITIVE)),
      };
    }
    endpoint = { kind: 'continuous', ...common, arms: out };
  } else if (ep.kind === 'binary') {
    const out: Record<string, { p: Param }> = {};
    for (const a of arms) {
      const p = joinPath('endpoint.arms', a.id);
      out[a.id] = { p: keep(r.param(`${p}.p`, armSpec(a.id).p as NumberSpec, PROBABILITY)) };
    }
    endpoint = { kind: 'binary', ...common, arms: out };
  } else {
    const out: Record<string, { probs: Param[] }> = {};
    for (const a of arms) {
      const p = joinPath('endpoint.arms', a.id);
      const specs = armSpec(a.id).probs as NumberSpec[];
      const probs = specs.map((s, i) => r.param(`${p}.probs[${i}]`, s, PROBABILITY));
      if (probs.every((x): x is Param => x !== undefined)) {
        const sum = probs.reduce((acc: number, x) => acc + centreOf(x), 0);
        const uncertain = probs.some((x) => typeof x !== 'number');
        const tol = uncertain ? PROBS_CENTRE_SUM_TOLERANCE : PROBS_SUM_TOLERANCE;
        if (!(Math.abs(sum - 1) <= tol)) {
          r.issues.push({
            path: `${p}.probs`,
            value: specs,
            allowed: uncertain
              ? `probabilities whose centres sum to 1 (within ${tol}; some are distributions)`
              : `probabilities that sum to 1 (within ${tol})`,
            evaluated: sum,
          });
          endpointOk = false;
        }
      } else endpointOk = false;
      out[a.id] = { probs: probs as Param[] };
    }
    endpoint = { kind: 'ordinal', ...common, categories: [...ep.categories], arms: out };
  }
  if (!endpointOk) endpoint = undefined;

  // Analysis.
  const an = file.analysis;
  const alpha = an.alpha === undefined ? DEFAULT_ALPHA : r.number('analysis.alpha', an.alpha, ALPHA);
  let nullValue: number | undefined = 0;
  if (an.test === 'binomial-exact') {
    if (an.null === undefined) {
      r.issues.push({ path: 'analysis.null', value: undefined, allowed: 'the benchmark rate, in (0, 1), that binomial-exact tests against' });
      nullValue = undefined;
    } else nullValue = r.number('analysis.null', an.null, BENCHMARK);
  } else if (an.null !== undefined) nullValue = r.number('analysis.null', an.null, ANY);

  // Simulation.
  const sim = file.simulation ?? {};
  const simulation = {
    replicates: sim.replicates ?? DEFAULT_REPLICATES,
    seed: sim.seed === undefined ? DEFAULT_SEED : String(sim.seed),
    ...(sim.precision !== undefined ? { precision: sim.precision } : {}),
    fastPath: sim.fastPath ?? true,
  };

  if (r.issues.length > 0 || !design || !endpoint || alpha === undefined || nullValue === undefined) {
    return { ok: false, issues: r.issues };
  }
  const scenario: ResolvedScenario = {
    format: SCENARIO_FORMAT,
    title: file.title,
    ...(file.description !== undefined ? { description: file.description } : {}),
    design,
    endpoint,
    analysis: {
      test: an.test,
      alpha,
      sides: an.sides ?? 2,
      null: nullValue,
      continuityCorrection: an.continuityCorrection ?? false,
      multiplicity: an.multiplicity ?? 'holm',
      success: an.success ?? 'any',
    },
    simulation,
  };
  if (options.checkSweep === true && file.sweep) {
    const sweepIssues = checkSweepValues(file, options);
    if (sweepIssues.length > 0) return { ok: false, issues: sweepIssues };
  }
  return { ok: true, scenario };
}

/** Resolves the scenario at each value of each sweep path; reports the values that fail. */
function checkSweepValues(file: ScenarioFile, options: ResolveOptions): ValidationIssue[] {
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
      const r = resolveScenario(point.value as ScenarioFile, { ...options, checkSweep: false });
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
