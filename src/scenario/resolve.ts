/**
 * Resolution of a validated scenario file into the plain form the engine
 * uses: every expression evaluated, every default filled in, distributions
 * converted to `ParamDistribution`, and every value checked against its range
 * (with path-precise messages). The input is read defensively (own
 * properties, type checks), so value checks can also run on a file with
 * structural problems (`checkValues`).
 */
import { isTestId } from '../analysis/catalog.js';
import { evidenceCI } from '../evidence/evidence-ci.js';
import { betaFromCI } from '../evidence/beta-from-ci.js';
import { EVIDENCE_IDS, getEvidence } from '../evidence/library.js';
import { didYouMean } from './suggest.js';
import { compileExpression, evaluateCompiled, evaluateLet, EXPRESSION_ALLOWED } from './expressions.js';
import { formatIssue } from './format-issues.js';
import { centreOf } from './param-centre.js';
import {
  DEFAULT_REPLICATES,
  limitsOf,
  MAX_ALLOCATION_WEIGHT,
  MAX_MAGNITUDE,
  MAX_SDLOG,
  MIN_ALPHA,
  MIN_BETA_SHAPE,
  MIN_N,
  MIN_RELATIVE_SD,
  MIN_SD,
  PROBS_CENTRE_SUM_TOLERANCE,
  PROBS_SUM_TOLERANCE,
  type ScenarioLimits,
} from './limits.js';
import { formatPath, isForbiddenKey, isPlainObject, joinPath, normalizeSegments, ownValue, parsePath, trySetPath } from './paths.js';
import {
  SCENARIO_FORMAT,
  type Expression,
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
   * Looks up `fromCI: { evidence }` ids. Defaults to the evidence library
   * (src/evidence); tests may pass their own.
   */
  resolveEvidence?: EvidenceResolver;
  /**
   * Also resolve the scenario at every value of each sweep path (the other
   * paths at their file values) and report the values that fail, at
   * `sweep["path"][i]` (default false: `designPoints` resolves every point anyway).
   */
  checkSweep?: boolean;
  /** The limits of this run (default `DEFAULT_LIMITS`); set by the person running, never by the file. */
  limits?: Partial<ScenarioLimits>;
}

/** Result of `resolveScenario`. */
export type ResolveResult = { ok: true; scenario: ResolvedScenario } | { ok: false; issues: ValidationIssue[] };

/** A range check: returns what is allowed when `x` is out of range, else `undefined`. */
type Range = (x: number) => string | undefined;

const ANY: Range = () => undefined;
const BETA_SHAPE: Range = (x) =>
  x >= MIN_BETA_SHAPE ? (x <= MAX_MAGNITUDE ? undefined : 'a number ≤ 1e12') : `a number ≥ ${MIN_BETA_SHAPE}`;
const BOUNDED: Range = (x) => (Math.abs(x) <= MAX_MAGNITUDE ? undefined : 'a number from -1e12 to 1e12');
const SCALE: Range = (x) => (x > 0 ? (x <= MAX_MAGNITUDE ? undefined : 'a number ≤ 1e12') : 'a number > 0');
const SDLOG: Range = (x) => (x > 0 ? (x <= MAX_SDLOG ? undefined : `a number ≤ ${MAX_SDLOG}`) : 'a number > 0');
const WEIGHT: Range = (x) =>
  x > 0
    ? x >= 1 / MAX_ALLOCATION_WEIGHT && x <= MAX_ALLOCATION_WEIGHT
      ? undefined
      : 'a number from 1e-6 to 1e6 (weights are ratios)'
    : 'a number > 0';
const PROBABILITY: Range = (x) => (x >= 0 && x <= 1 ? undefined : 'a probability in [0, 1]');
const DROPOUT: Range = (x) => (x >= 0 && x < 1 ? undefined : 'a number in [0, 1)');
const CORRELATION: Range = (x) => (x > -1 && x < 1 ? undefined : 'a number in (-1, 1)');
const SPILLOVER: Range = (x) => (x >= 0 && x <= 1 ? undefined : 'a number in [0, 1]');
const ALPHA: Range = (x) =>
  x > 0 && x <= 0.5
    ? x >= MIN_ALPHA
      ? undefined
      : `a number ≥ ${MIN_ALPHA} (smaller levels are beyond the precision of the critical values)`
    : 'a number in (0, 0.5]';
const BENCHMARK: Range = (x) => (x > 0 && x < 1 ? undefined : 'a benchmark rate in (0, 1)');
/** The range of `design.n` under a largest n. */
const nRange =
  (maxN: number): Range =>
  (x) =>
    !Number.isInteger(x) || x < MIN_N ? `a whole number ≥ ${MIN_N}` : x > maxN ? `a whole number ≤ ${maxN}` : undefined;

/** The object itself when it is a plain object, else undefined. */
const asObject = (v: unknown): Record<string, unknown> | undefined => (isPlainObject(v) ? v : undefined);

/** Evaluates numbers and parameters, collecting issues. Reads its input defensively: any value may be malformed. */
class Resolver {
  readonly issues: ValidationIssue[] = [];
  private readonly scope: Map<string, number>;
  private readonly failed: Set<string>;

  readonly limits: ScenarioLimits;

  constructor(
    lets: unknown,
    private readonly options: ResolveOptions,
  ) {
    this.limits = limitsOf(options.limits);
    const evaluated = evaluateLet(lets, 'let', this.limits.maxExpressionLength);
    this.scope = evaluated.scope;
    this.failed = evaluated.failed;
    this.issues.push(...evaluated.issues);
  }

  private add(issue: ValidationIssue): void {
    this.issues.push(issue);
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
    const arg = (name: string, r: Range) => this.number(joinPath(p, name), ownValue(inner, name), r);
    const centreCheck = (at: string, value: unknown, centre: number, note: string): boolean => {
      const allowed = Number.isFinite(centre) ? range(centre) : 'a finite number';
      if (allowed === undefined) return true;
      this.add({ path: at, value, allowed: `${allowed} (${note})`, evaluated: centre });
      return false;
    };
    switch (kind) {
      case 'normal': {
        const mean = arg('mean', BOUNDED);
        const sd = arg('sd', SCALE);
        if (mean === undefined || sd === undefined) return undefined;
        return centreCheck(joinPath(p, 'mean'), ownValue(inner, 'mean'), mean, 'the centre of the distribution')
          ? { dist: 'normal', mean, sd }
          : undefined;
      }
      case 'beta': {
        const alpha = arg('alpha', BETA_SHAPE);
        const beta = arg('beta', BETA_SHAPE);
        if (alpha === undefined || beta === undefined) return undefined;
        const dist: ParamDistribution = { dist: 'beta', alpha, beta };
        return centreCheck(p, inner, centreOf(dist), 'the mean α/(α+β) of the distribution') ? dist : undefined;
      }
      case 'lognormal': {
        const meanlog = arg('meanlog', ANY);
        const sdlog = arg('sdlog', SDLOG);
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
            : (didYouMean(String(evidence), EVIDENCE_IDS) ?? 'unknown evidence id'),
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
      const allowed = BOUNDED(v);
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
    const allowed = range(e);
    if (allowed !== undefined) {
      this.add({ path: joinPath(path, 'estimate'), value: raw.estimate, allowed: `${allowed} (the estimate${note})`, evaluated: e });
      return undefined;
    }
    // A proportion's interval becomes a beta (a normal would put draws outside [0, 1]).
    if ((unit === '%' || unit === 'proportion') && e > 0 && e < 1 && lo >= 0 && hi <= 1) {
      const fit = betaFromCI(e, lo, hi);
      return { dist: 'beta', alpha: fit.alpha, beta: fit.beta };
    }
    return { dist: 'normal', mean: e, sd: (hi - lo) / (2 * Z_975) };
  }
}

/**
 * Resolves a validated scenario file (see `validateScenario`): evaluates
 * expressions, fills defaults, converts distributions and checks value
 * ranges. With `checkSweep`, the scenario is also resolved at every value of
 * each sweep path, so that bad sweep values are reported too. Never throws,
 * whatever the input.
 */
export function resolveScenario(file: ScenarioFile, options: ResolveOptions = {}): ResolveResult {
  const r = resolveAny(file, options);
  if (!r.scenario) return { ok: false, issues: r.issues };
  if (options.checkSweep === true && file.sweep) {
    const sweepIssues = checkSweepValues(file, options);
    if (sweepIssues.length > 0) return { ok: false, issues: sweepIssues };
  }
  return { ok: true, scenario: r.scenario };
}

/**
 * The value problems (ranges, expressions) of a file that may also have
 * structural problems: the parts that can be read are checked, the others
 * skipped. Lets `loadScenario` report every problem in one pass.
 */
export function checkValues(file: unknown, options: ResolveOptions = {}): ValidationIssue[] {
  return resolveAny(file, options).issues;
}

function resolveAny(input: unknown, options: ResolveOptions): { issues: ValidationIssue[]; scenario?: ResolvedScenario } {
  const file = asObject(input) ?? {};
  const r = new Resolver(ownValue(file, 'let'), options);

  // Design.
  const d = asObject(ownValue(file, 'design')) ?? {};
  const kind = ownValue(d, 'kind');
  const armList = ownValue(d, 'arms');
  const arms: ResolvedArm[] | undefined =
    Array.isArray(armList) && armList.length > 0 && armList.every((a) => isPlainObject(a) && typeof ownValue(a, 'id') === 'string')
      ? armList.map((a: Record<string, unknown>) => {
          const id = ownValue(a, 'id') as string;
          const label = ownValue(a, 'label');
          return { id, label: typeof label === 'string' ? label : id, control: ownValue(a, 'control') === true };
        })
      : undefined;
  const has = (o: Record<string, unknown>, k: string) => ownValue(o, k) !== undefined;
  const n = r.number('design.n', ownValue(d, 'n'), nRange(r.limits.maxN));
  const dropout = has(d, 'dropout') ? r.param('design.dropout', ownValue(d, 'dropout'), DROPOUT) : 0;
  let design: ResolvedDesign | undefined;
  if (kind === 'parallel') {
    const allocation = ownValue(d, 'allocation');
    const specs: unknown[] = Array.isArray(allocation) ? allocation.slice(0, r.limits.maxArms) : arms ? arms.map(() => 1) : [];
    const weights = specs.map((w, i) => r.number(`design.allocation[${i}]`, w, WEIGHT));
    if (n !== undefined && arms && weights.length === arms.length && weights.every((w): w is number => w !== undefined)) {
      const total = weights.reduce((a, b) => a + b, 0);
      const smallest = Math.min(...weights);
      if (!(smallest / total >= (1 - 1e-9) / n)) {
        const need = Math.ceil(total / smallest - 1e-9);
        const issue: ValidationIssue = {
          path: 'design.n',
          value: ownValue(d, 'n'),
          allowed: `a whole number ≥ ${need}, so that every arm gets at least 1 patient with allocation [${weights.join(', ')}]`,
        };
        if (typeof issue.value !== 'number') issue.evaluated = n;
        r.issues.push(issue);
      } else if (dropout !== undefined) {
        design = { kind: 'parallel', arms, allocation: weights, n, dropout };
      }
    }
  } else if (kind === 'within-patient') {
    const correlation = r.param('design.correlation', ownValue(d, 'correlation'), CORRELATION);
    const spillover = has(d, 'spillover') ? r.param('design.spillover', ownValue(d, 'spillover'), SPILLOVER) : 0;
    if (arms && n !== undefined && dropout !== undefined && correlation !== undefined && spillover !== undefined) {
      design = { kind: 'within-patient', arms, n, correlation, spillover, dropout };
    }
  } else if (kind === 'single-arm' && arms && n !== undefined && dropout !== undefined) {
    design = { kind: 'single-arm', arms, n, dropout };
  }

  // Endpoint: arms in design order (when the arms can be read; else whatever entries there are).
  const ep = asObject(ownValue(file, 'endpoint')) ?? {};
  const epKind = ownValue(ep, 'kind');
  const epArms = asObject(ownValue(ep, 'arms')) ?? {};
  // In a valid file both lists hold the same ids; otherwise every readable entry is checked.
  const ids = [...new Set([...(arms ?? []).map((a) => a.id), ...Object.keys(epArms)])].filter((k) => !isForbiddenKey(k));
  const armSpec = (id: string): Record<string, unknown> => asObject(ownValue(epArms, id)) ?? {};
  // An arm without an entry in endpoint.arms is a structural problem, reported by the validator.
  const readable = ids.filter((id) => isPlainObject(ownValue(epArms, id)));
  let endpointOk = readable.length === ids.length;
  const keep = <T>(v: T | undefined): T => {
    if (v === undefined) endpointOk = false;
    return v as T;
  };
  const label = ownValue(ep, 'label');
  const unit = ownValue(ep, 'unit');
  const better = ownValue(ep, 'better');
  const common = {
    label: typeof label === 'string' ? label : DEFAULT_ENDPOINT_LABEL,
    ...(typeof unit === 'string' ? { unit } : {}),
    better: better === 'lower' ? ('lower' as const) : ('higher' as const),
  };
  let endpoint: ResolvedEndpoint | undefined;
  /** Continuous arms' SDs, checked against their means once the null value is known. */
  const spreads: Array<{ path: string; spec: unknown; mean: number; sd: number }> = [];
  if (epKind === 'continuous') {
    const out: Record<string, { mean: Param; sd: Param }> = {};
    for (const id of readable) {
      const s = armSpec(id);
      const p = joinPath('endpoint.arms', id);
      const mean = r.param(`${p}.mean`, ownValue(s, 'mean'), BOUNDED);
      const sd = r.param(`${p}.sd`, ownValue(s, 'sd'), SCALE);
      if (mean !== undefined && sd !== undefined)
        spreads.push({ path: `${p}.sd`, spec: ownValue(s, 'sd'), mean: centreOf(mean), sd: centreOf(sd) });
      out[id] = { mean: keep(mean), sd: keep(sd) };
    }
    endpoint = { kind: 'continuous', ...common, arms: out };
  } else if (epKind === 'binary') {
    const out: Record<string, { p: Param }> = {};
    for (const id of readable) {
      out[id] = { p: keep(r.param(`${joinPath('endpoint.arms', id)}.p`, ownValue(armSpec(id), 'p'), PROBABILITY)) };
    }
    endpoint = { kind: 'binary', ...common, arms: out };
  } else if (epKind === 'ordinal') {
    const out: Record<string, { probs: Param[] }> = {};
    for (const id of readable) {
      const p = joinPath('endpoint.arms', id);
      const specs = ownValue(armSpec(id), 'probs');
      if (!Array.isArray(specs)) {
        endpointOk = false;
        continue;
      }
      const probs = specs.slice(0, r.limits.maxCategories).map((s, i) => r.param(`${p}.probs[${i}]`, s, PROBABILITY));
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
      out[id] = { probs: probs as Param[] };
    }
    const categories = ownValue(ep, 'categories');
    endpoint = { kind: 'ordinal', ...common, categories: Array.isArray(categories) ? categories.map(String) : [], arms: out };
  }
  if (!endpointOk) endpoint = undefined;

  // Analysis.
  const an = asObject(ownValue(file, 'analysis')) ?? {};
  const test = ownValue(an, 'test');
  const alpha = has(an, 'alpha') ? r.number('analysis.alpha', ownValue(an, 'alpha'), ALPHA) : DEFAULT_ALPHA;
  let nullValue: number | undefined = 0;
  if (test === 'binomial-exact') {
    if (!has(an, 'null')) {
      r.issues.push({
        path: 'analysis.null',
        value: undefined,
        allowed: 'the benchmark rate, in (0, 1), that binomial-exact tests against',
      });
      nullValue = undefined;
    } else nullValue = r.number('analysis.null', ownValue(an, 'null'), BENCHMARK);
  } else if (has(an, 'null')) nullValue = r.number('analysis.null', ownValue(an, 'null'), BOUNDED);

  // The noise must survive mean + sd·z in double precision (and, for one arm, the comparison with the null value).
  for (const a of spreads) {
    const size = Math.max(Math.abs(a.mean), kind === 'single-arm' && nullValue !== undefined ? Math.abs(nullValue) : 0);
    const floor = Math.max(MIN_SD, MIN_RELATIVE_SD * size);
    if (a.sd >= floor) continue;
    const issue: ValidationIssue = {
      path: a.path,
      value: a.spec,
      allowed:
        floor === MIN_SD
          ? `a number ≥ ${MIN_SD}: the square of a smaller SD underflows to 0; change the unit instead`
          : `a number ≥ ${floor} (${MIN_RELATIVE_SD} × the size of the mean${kind === 'single-arm' ? ' or null value' : ''}); a smaller SD vanishes in floating-point rounding: change the unit instead`,
    };
    if (typeof a.spec !== 'number') issue.evaluated = a.sd;
    r.issues.push(issue);
  }

  if (r.issues.length > 0 || !design || !endpoint || alpha === undefined || nullValue === undefined || !isTestId(test)) {
    return { issues: r.issues };
  }
  // Past this point the file is a validated ScenarioFile; only defaults remain.
  const f = input as ScenarioFile;
  const a = f.analysis;
  const sim = f.simulation ?? {};
  const scenario: ResolvedScenario = {
    format: SCENARIO_FORMAT,
    title: f.title,
    ...(f.description !== undefined ? { description: f.description } : {}),
    design,
    endpoint,
    analysis: {
      test,
      alpha,
      sides: a.sides ?? 2,
      null: nullValue,
      continuityCorrection: a.continuityCorrection ?? false,
      multiplicity: a.multiplicity ?? 'holm',
      success: a.success ?? 'any',
    },
    simulation: {
      replicates: sim.replicates ?? DEFAULT_REPLICATES,
      seed: sim.seed === undefined ? DEFAULT_SEED : String(sim.seed),
      ...(sim.precision !== undefined ? { precision: sim.precision } : {}),
      fastPath: sim.fastPath ?? true,
    },
  };
  return { issues: [], scenario };
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
