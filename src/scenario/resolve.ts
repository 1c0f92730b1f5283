/**
 * Resolution of a validated scenario file into the plain form the engine
 * uses: every expression evaluated, every default filled in, distributions
 * converted to `ParamDistribution`, and every value checked against the range
 * the definition gives it (with path-precise messages). The input is read
 * defensively (own properties, type checks), so value checks can also run on
 * a file with structural problems (`checkValues`).
 */
import { isTestId } from '../analysis/catalog.js';
import { ANALYSIS, BENCHMARK_NULL } from './format/analysis.js';
import { booleanDefault, enumDefault, numberDefault, textDefault } from './format/defaults.js';
import { ENDPOINT } from './format/endpoint.js';
import { SIMULATION } from './format/simulation.js';
import { rangeAt } from './format/lookup.js';
import type { Result } from './issues.js';
import { MIN_RELATIVE_SD, MIN_SD, PROBS_CENTRE_SUM_TOLERANCE, PROBS_SUM_TOLERANCE, type ScenarioLimits } from './limits.js';
import { centreOf } from './param-centre.js';
import { isForbiddenKey, isPlainObject, joinPath, ownValue } from './paths.js';
import { type EvidenceResolver, Resolver } from './resolve/resolver.js';
import { checkSweepValues } from './resolve/sweep-values.js';
import {
  SCENARIO_FORMAT,
  type Param,
  type ResolvedArm,
  type ResolvedDesign,
  type ResolvedEndpoint,
  type ResolvedScenario,
  type ScenarioFile,
  type ValidationIssue,
} from './types.js';

export { type EvidenceCI, type EvidenceResolver, Z_975 } from './resolve/resolver.js';

/** Default significance level. */
export const DEFAULT_ALPHA = numberDefault(ANALYSIS.fields.alpha);

/** Default seed of every random stream. */
export const DEFAULT_SEED = textDefault(SIMULATION.fields.seed);

/** Default label of an endpoint without one. */
export const DEFAULT_ENDPOINT_LABEL = textDefault(ENDPOINT.variants.continuous.fields.label);

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
export type ResolveResult = Result<ResolvedScenario>;

/**
 * Resolves a validated scenario file (see `validateScenario`): evaluates
 * expressions, fills defaults, converts distributions and checks value
 * ranges. With `checkSweep`, the scenario is also resolved at every value of
 * each sweep path, so that bad sweep values are reported too. Never throws,
 * whatever the input.
 */
export function resolveScenario(file: ScenarioFile, options: ResolveOptions = {}): ResolveResult {
  const r = resolveAny(file, options, file);
  if (!r.scenario) return { ok: false, issues: r.issues };
  if (options.checkSweep === true && file.sweep) {
    const sweepIssues = checkSweepValues(file, (point) => resolveScenario(point, { ...options, checkSweep: false }));
    if (sweepIssues.length > 0) return { ok: false, issues: sweepIssues };
  }
  return { ok: true, value: r.scenario };
}

/**
 * The value problems (ranges, expressions) of a file that may also have
 * structural problems: the parts that can be read are checked, the others
 * skipped. Lets `loadScenario` report every problem in one pass.
 */
export function checkValues(file: unknown, options: ResolveOptions = {}): ValidationIssue[] {
  return resolveAny(file, options).issues;
}

/** The object itself when it is a plain object, else undefined. */
const asObject = (v: unknown): Record<string, unknown> | undefined => (isPlainObject(v) ? v : undefined);

/**
 * Resolves what can be read of `input`; builds the scenario only for a
 * validated `file` (the same value, typed) without issues.
 */
function resolveAny(
  input: unknown,
  options: ResolveOptions,
  file?: ScenarioFile,
): { issues: ValidationIssue[]; scenario?: ResolvedScenario } {
  const root = asObject(input) ?? {};
  const r = new Resolver(ownValue(root, 'let'), options);
  /** The range of the field at a path, from the definition, under this run's limits. */
  const range = (...segments: (string | number)[]) => rangeAt(segments, r.limits);

  // Design.
  const d = asObject(ownValue(root, 'design')) ?? {};
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
  const n = r.number('design.n', ownValue(d, 'n'), range('design', 'n'));
  const dropout = has(d, 'dropout') ? r.param('design.dropout', ownValue(d, 'dropout'), range('design', 'dropout')) : 0;
  let design: ResolvedDesign | undefined;
  if (kind === 'parallel') {
    const allocation = ownValue(d, 'allocation');
    const specs: unknown[] = Array.isArray(allocation) ? allocation.slice(0, r.limits.maxArms) : arms ? arms.map(() => 1) : [];
    const weight = range('design', 'allocation', 0);
    const weights = specs.map((w, i) => r.number(`design.allocation[${i}]`, w, weight));
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
        r.out.push(issue);
      } else if (dropout !== undefined) {
        design = { kind: 'parallel', arms, allocation: weights, n, dropout };
      }
    }
  } else if (kind === 'within-patient') {
    const correlation = r.param('design.correlation', ownValue(d, 'correlation'), range('design', 'correlation'));
    const spillover = has(d, 'spillover') ? r.param('design.spillover', ownValue(d, 'spillover'), range('design', 'spillover')) : 0;
    if (arms && n !== undefined && dropout !== undefined && correlation !== undefined && spillover !== undefined) {
      design = { kind: 'within-patient', arms, n, correlation, spillover, dropout };
    }
  } else if (kind === 'single-arm' && arms && n !== undefined && dropout !== undefined) {
    design = { kind: 'single-arm', arms, n, dropout };
  }

  // Endpoint: arms in design order (when the arms can be read; else whatever entries there are).
  const ep = asObject(ownValue(root, 'endpoint')) ?? {};
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
      const mean = r.param(`${p}.mean`, ownValue(s, 'mean'), range('endpoint', 'arms', id, 'mean'));
      const sd = r.param(`${p}.sd`, ownValue(s, 'sd'), range('endpoint', 'arms', id, 'sd'));
      if (mean !== undefined && sd !== undefined)
        spreads.push({ path: `${p}.sd`, spec: ownValue(s, 'sd'), mean: centreOf(mean), sd: centreOf(sd) });
      out[id] = { mean: keep(mean), sd: keep(sd) };
    }
    endpoint = { kind: 'continuous', ...common, arms: out };
  } else if (epKind === 'binary') {
    const out: Record<string, { p: Param }> = {};
    for (const id of readable) {
      out[id] = { p: keep(r.param(`${joinPath('endpoint.arms', id)}.p`, ownValue(armSpec(id), 'p'), range('endpoint', 'arms', id, 'p'))) };
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
      const prob = range('endpoint', 'arms', id, 'probs', 0);
      const probs = specs.slice(0, r.limits.maxCategories).map((s, i) => r.param(`${p}.probs[${i}]`, s, prob));
      if (probs.every((x): x is Param => x !== undefined)) {
        const sum = probs.reduce((acc: number, x) => acc + centreOf(x), 0);
        const uncertain = probs.some((x) => typeof x !== 'number');
        const tol = uncertain ? PROBS_CENTRE_SUM_TOLERANCE : PROBS_SUM_TOLERANCE;
        if (!(Math.abs(sum - 1) <= tol)) {
          r.out.push({
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
  const an = asObject(ownValue(root, 'analysis')) ?? {};
  const test = ownValue(an, 'test');
  const alpha = has(an, 'alpha') ? r.number('analysis.alpha', ownValue(an, 'alpha'), range('analysis', 'alpha')) : DEFAULT_ALPHA;
  let nullValue: number | undefined = 0;
  if (test === 'binomial-exact') {
    if (!has(an, 'null')) {
      r.out.push({
        path: 'analysis.null',
        value: undefined,
        allowed: 'the benchmark rate, in (0, 1), that binomial-exact tests against',
      });
      nullValue = undefined;
    } else nullValue = r.number('analysis.null', ownValue(an, 'null'), BENCHMARK_NULL);
  } else if (has(an, 'null')) nullValue = r.number('analysis.null', ownValue(an, 'null'), range('analysis', 'null'));

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
    r.out.push(issue);
  }

  if (!file || !r.out.clean || !design || !endpoint || alpha === undefined || nullValue === undefined || !isTestId(test)) {
    return { issues: r.issues };
  }
  // Past this point the file is a validated ScenarioFile; only defaults remain.
  const f = file;
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
      sides: a.sides ?? enumDefault(ANALYSIS.fields.sides),
      null: nullValue,
      continuityCorrection: a.continuityCorrection ?? booleanDefault(ANALYSIS.fields.continuityCorrection),
      multiplicity: a.multiplicity ?? enumDefault(ANALYSIS.fields.multiplicity),
      success: a.success ?? enumDefault(ANALYSIS.fields.success),
    },
    simulation: {
      replicates: sim.replicates ?? numberDefault(SIMULATION.fields.replicates),
      seed: sim.seed === undefined ? DEFAULT_SEED : String(sim.seed),
      ...(sim.precision !== undefined ? { precision: sim.precision } : {}),
      fastPath: sim.fastPath ?? booleanDefault(SIMULATION.fields.fastPath),
    },
  };
  return { issues: [], scenario };
}
