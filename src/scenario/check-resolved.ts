/**
 * A structural check of a `ResolvedScenario` received from elsewhere: the
 * argument of a worker's `prepare`, which in a browser any script of the page
 * can send. `resolveScenario` only produces valid ones; this check makes sure
 * that a hand-made message cannot crash, hang or exhaust a worker either.
 *
 * Everything the engine reads is checked (types, finite numbers, ranges,
 * arms consistent between design and endpoint, a test that fits), within
 * `HARD_LIMITS` (the person running may have raised the default limits).
 * Only own properties are read, and the result is a fresh copy holding only
 * the known fields, so getters, extra keys and prototypes of the input never
 * reach the engine.
 */
import { isTestId, testsFitting, type DesignKind, type EndpointKind } from '../analysis/catalog.js';
import { ANALYSIS, BENCHMARK_NULL } from './format/analysis.js';
import { ARM_ID_PATTERN, DESIGN_KINDS } from './format/design.js';
import { distributionParamRange } from './format/distribution.js';
import { ENDPOINT, ENDPOINT_KINDS } from './format/endpoint.js';
import { rangeAt } from './format/lookup.js';
import { ANY_NUMBER, inRange, type Range, rangeFor } from './format/range.js';
import { IssueCollector, type Result } from './issues.js';
import {
  HARD_LIMITS,
  MAX_NAME_LENGTH,
  MAX_SEED_LENGTH,
  PROBS_CENTRE_SUM_TOLERANCE,
  PROBS_SUM_TOLERANCE,
  type ScenarioLimits,
} from './limits.js';
import { centreOf } from './param-centre.js';
import { isForbiddenKey, isPlainObject, joinPath, ownValue } from './paths.js';
import {
  SCENARIO_FORMAT,
  type Param,
  type ResolvedArm,
  type ResolvedDesign,
  type ResolvedEndpoint,
  type ResolvedScenario,
} from './types.js';

/** Result of `checkResolvedScenario`: a fresh copy of the scenario, or its problems. */
export type ResolvedCheck = Result<ResolvedScenario>;

/** Options of `checkResolvedScenario`. */
export interface ResolvedCheckOptions {
  /** Bounds on n, arms, categories and replicates (default `HARD_LIMITS`). */
  limits?: Pick<ScenarioLimits, 'maxN' | 'maxArms' | 'maxCategories' | 'maxReplicates'>;
  /**
   * Leave out what the engine does not read (title, description, arm labels,
   * category names), so that a worker keeps no large strings per design point.
   */
  forEngine?: boolean;
}

/** Thrown internally to stop at the first problem of a part; never escapes. */
class Stop extends Error {}

class Checker {
  readonly out = new IssueCollector();

  constructor(readonly limits: ScenarioLimits) {}

  fail(path: string, value: unknown, allowed: string): never {
    this.out.add(path, value, allowed);
    throw new Stop();
  }

  object(path: string, v: unknown): Record<string, unknown> {
    if (!isPlainObject(v)) this.fail(path, v, 'an object');
    return v;
  }

  string(path: string, v: unknown, max = Infinity): string {
    if (typeof v !== 'string' || v.length > max)
      this.fail(path, v, max === Infinity ? 'a string' : `a string of at most ${max} characters`);
    return v;
  }

  boolean(path: string, v: unknown): boolean {
    if (typeof v !== 'boolean') this.fail(path, v, 'true or false');
    return v;
  }

  oneOf<T extends string | number>(path: string, v: unknown, values: readonly T[]): T {
    if (!(values as readonly unknown[]).includes(v)) this.fail(path, v, `one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
    return v as T;
  }

  number(path: string, v: unknown, ok: (x: number) => boolean, allowed: string): number {
    if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) this.fail(path, v, allowed);
    return v;
  }

  /** A number within `range` (the definition's, at this run's limits). */
  ranged(path: string, v: unknown, range: Range): number {
    return this.number(path, v, (x) => inRange(range, x), range.allowed);
  }

  /** A number within the range the definition gives the field at `segments`. */
  field(path: string, v: unknown, ...segments: (string | number)[]): number {
    return this.ranged(path, v, rangeAt(segments, this.limits));
  }

  /** A parameter: a number in range, or a distribution with parameters in their ranges and its centre in range. */
  param(path: string, v: unknown, ...segments: (string | number)[]): Param {
    const range = rangeAt(segments, this.limits);
    if (typeof v === 'number') return this.ranged(path, v, range);
    const d = this.object(path, v);
    const kind = this.oneOf(joinPath(path, 'dist'), ownValue(d, 'dist'), ['normal', 'beta', 'lognormal'] as const);
    const p = (key: string) =>
      this.ranged(joinPath(path, key), ownValue(d, key), rangeFor(distributionParamRange(kind, key) ?? ANY_NUMBER, this.limits));
    let dist: Param;
    switch (kind) {
      case 'normal':
        dist = { dist: 'normal', mean: p('mean'), sd: p('sd') };
        break;
      case 'beta':
        dist = { dist: 'beta', alpha: p('alpha'), beta: p('beta') };
        break;
      case 'lognormal':
        dist = { dist: 'lognormal', meanlog: p('meanlog'), sdlog: p('sdlog') };
        break;
    }
    const centre = centreOf(dist);
    if (!inRange(range, centre)) this.fail(path, v, `${range.allowed} (the centre of the distribution)`);
    return dist;
  }

  /** Runs `part`, collecting its first problem; returns undefined when it failed. */
  part<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (e instanceof Stop) return undefined;
      throw e;
    }
  }
}

/**
 * Checks that `value` has the shape of a `ResolvedScenario` that the engine
 * can simulate, and returns a fresh copy of it; or the problems found, each
 * with a path. Never throws.
 */
export function checkResolvedScenario(value: unknown, options: ResolvedCheckOptions = {}): ResolvedCheck {
  const limits: ScenarioLimits = { ...HARD_LIMITS, ...options.limits };
  const c = new Checker(limits);
  try {
    const scenario = c.part(() => check(c, value, limits, options.forEngine === true));
    if (scenario && c.out.clean) return { ok: true, value: scenario };
  } catch (e) {
    // Exotic inputs only (throwing getters are impossible after structured cloning).
    c.out.add('', undefined, 'a resolved scenario', `unreadable: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { ok: false, issues: c.out.clean ? [{ path: '', value, allowed: 'a resolved scenario' }] : c.out.issues };
}

function check(
  c: Checker,
  value: unknown,
  limits: NonNullable<ResolvedCheckOptions['limits']>,
  forEngine: boolean,
): ResolvedScenario | undefined {
  const root = c.object('', value);
  c.oneOf('format', ownValue(root, 'format'), [SCENARIO_FORMAT]);
  const title = c.string('title', ownValue(root, 'title'));
  const descriptionValue = ownValue(root, 'description');
  const description = descriptionValue === undefined ? undefined : c.string('description', descriptionValue);

  const design = c.part(() => checkDesign(c, c.object('design', ownValue(root, 'design')), limits, forEngine));
  const endpoint = c.part(() => checkEndpoint(c, c.object('endpoint', ownValue(root, 'endpoint')), design, limits, forEngine));
  const analysis = c.part(() => {
    const a = c.object('analysis', ownValue(root, 'analysis'));
    const test = ownValue(a, 'test');
    if (!isTestId(test)) c.fail('analysis.test', test, 'a test id');
    if (design && endpoint) {
      const fitting = testsFitting(design.kind as DesignKind, endpoint.kind as EndpointKind);
      if (!fitting.includes(test))
        c.fail('analysis.test', test, `a test that fits a ${design.kind} design with a ${endpoint.kind} endpoint: ${fitting.join(', ')}`);
    }
    const nullValue = ownValue(a, 'null');
    return {
      test,
      alpha: c.field('analysis.alpha', ownValue(a, 'alpha'), 'analysis', 'alpha'),
      sides: c.oneOf('analysis.sides', ownValue(a, 'sides'), [1, 2] as const),
      null:
        test === 'binomial-exact'
          ? c.ranged('analysis.null', nullValue, BENCHMARK_NULL)
          : c.field('analysis.null', nullValue, 'analysis', 'null'),
      continuityCorrection: c.boolean('analysis.continuityCorrection', ownValue(a, 'continuityCorrection')),
      multiplicity: c.oneOf('analysis.multiplicity', ownValue(a, 'multiplicity'), ANALYSIS.fields.multiplicity.node.values),
      success: c.oneOf('analysis.success', ownValue(a, 'success'), ANALYSIS.fields.success.node.values),
    };
  });
  const simulation = c.part(() => {
    const s = c.object('simulation', ownValue(root, 'simulation'));
    const precision = ownValue(s, 'precision');
    return {
      replicates: c.field('simulation.replicates', ownValue(s, 'replicates'), 'simulation', 'replicates'),
      seed: c.string('simulation.seed', ownValue(s, 'seed'), MAX_SEED_LENGTH),
      ...(precision === undefined
        ? {}
        : {
            precision: c.field('simulation.precision', precision, 'simulation', 'precision'),
          }),
      fastPath: c.boolean('simulation.fastPath', ownValue(s, 'fastPath')),
    };
  });
  if (!design || !endpoint || !analysis || !simulation) return undefined;
  return {
    format: SCENARIO_FORMAT,
    title: forEngine ? '' : title,
    ...(description === undefined || forEngine ? {} : { description }),
    design,
    endpoint,
    analysis,
    simulation,
  };
}

function checkArms(c: Checker, list: unknown, kind: DesignKind, maxArms: number, forEngine: boolean): ResolvedArm[] {
  if (!Array.isArray(list)) c.fail('design.arms', list, 'a list of arms');
  const [lo, hi] = kind === 'parallel' ? [2, maxArms] : kind === 'within-patient' ? [2, 2] : [1, 1];
  if (list.length < lo || list.length > hi)
    c.fail('design.arms', `${list.length} arms`, `${lo === hi ? lo : `${lo} to ${hi}`} arms for a ${kind} design`);
  const seen = new Set<string>();
  const arms = list.map((a, i) => {
    const path = `design.arms[${i}]`;
    const arm = c.object(path, a);
    const id = c.string(`${path}.id`, ownValue(arm, 'id'), MAX_NAME_LENGTH);
    if (!ARM_ID_PATTERN.test(id) || isForbiddenKey(id) || seen.has(id))
      c.fail(`${path}.id`, id, 'a unique id of letters, digits, "_" and "-"');
    seen.add(id);
    const label = c.string(`${path}.label`, ownValue(arm, 'label'));
    return { id, label: forEngine ? id : label, control: c.boolean(`${path}.control`, ownValue(arm, 'control')) };
  });
  const controls = arms.filter((a) => a.control).length;
  if (kind === 'single-arm' && controls !== 0) c.fail('design.arms', list, 'one arm, not a control');
  if (kind === 'parallel' && controls !== 1) c.fail('design.arms', list, 'exactly one control arm');
  if (kind === 'within-patient' && !(arms[1].control && !arms[0].control))
    c.fail('design.arms', list, 'the treated site first, the control site second');
  return arms;
}

function checkDesign(
  c: Checker,
  d: Record<string, unknown>,
  limits: NonNullable<ResolvedCheckOptions['limits']>,
  forEngine: boolean,
): ResolvedDesign {
  const kind = c.oneOf('design.kind', ownValue(d, 'kind'), DESIGN_KINDS);
  const arms = checkArms(c, ownValue(d, 'arms'), kind, limits.maxArms, forEngine);
  const n = c.field('design.n', ownValue(d, 'n'), 'design', 'n');
  const dropout = c.param('design.dropout', ownValue(d, 'dropout'), 'design', 'dropout');
  if (kind === 'parallel') {
    const list = ownValue(d, 'allocation');
    if (!Array.isArray(list) || list.length !== arms.length) c.fail('design.allocation', list, `a list of ${arms.length} weights`);
    const allocation = list.map((w, i) => c.field(`design.allocation[${i}]`, w, 'design', 'allocation', i));
    const total = allocation.reduce((a, b) => a + b, 0);
    if (!((n * Math.min(...allocation)) / total >= 1 - 1e-9)) c.fail('design.n', n, 'enough patients for every arm to get at least 1');
    return { kind, arms, allocation, n, dropout };
  }
  if (kind === 'within-patient') {
    const correlation = c.param('design.correlation', ownValue(d, 'correlation'), 'design', 'correlation');
    const spillover = c.param('design.spillover', ownValue(d, 'spillover'), 'design', 'spillover');
    return { kind, arms, n, correlation, spillover, dropout };
  }
  return { kind, arms, n, dropout };
}

function checkEndpoint(
  c: Checker,
  e: Record<string, unknown>,
  design: ResolvedDesign | undefined,
  limits: NonNullable<ResolvedCheckOptions['limits']>,
  forEngine: boolean,
): ResolvedEndpoint | undefined {
  const kind = c.oneOf('endpoint.kind', ownValue(e, 'kind'), ENDPOINT_KINDS);
  const label = c.string('endpoint.label', ownValue(e, 'label'));
  const unitValue = ownValue(e, 'unit');
  const unit = unitValue === undefined || forEngine ? undefined : c.string('endpoint.unit', unitValue);
  const better = c.oneOf('endpoint.better', ownValue(e, 'better'), ENDPOINT.variants.continuous.fields.better.node.values);
  const armsObject = c.object('endpoint.arms', ownValue(e, 'arms'));
  if (!design) return undefined;
  const ids = design.arms.map((a) => a.id);
  const keys = Object.keys(armsObject);
  if (keys.length !== ids.length || !ids.every((id) => keys.includes(id)))
    c.fail('endpoint.arms', keys, `one entry per arm: ${ids.join(', ')}`);
  const common = { label: forEngine ? '' : label, ...(unit === undefined ? {} : { unit }), better };
  const arm = (id: string) => c.object(joinPath('endpoint.arms', id), ownValue(armsObject, id));
  // Built with Object.fromEntries: own keys only, whatever the ids.
  if (kind === 'continuous') {
    const arms = Object.fromEntries(
      ids.map((id) => {
        const a = arm(id);
        const p = joinPath('endpoint.arms', id);
        return [
          id,
          {
            mean: c.param(`${p}.mean`, ownValue(a, 'mean'), 'endpoint', 'arms', id, 'mean'),
            sd: c.param(`${p}.sd`, ownValue(a, 'sd'), 'endpoint', 'arms', id, 'sd'),
          },
        ];
      }),
    );
    return { kind, ...common, arms };
  }
  if (kind === 'binary') {
    const arms = Object.fromEntries(
      ids.map((id) => [
        id,
        {
          p: c.param(`${joinPath('endpoint.arms', id)}.p`, ownValue(arm(id), 'p'), 'endpoint', 'arms', id, 'p'),
        },
      ]),
    );
    return { kind, ...common, arms };
  }
  const list = ownValue(e, 'categories');
  if (!Array.isArray(list) || list.length < 2 || list.length > limits.maxCategories) {
    c.fail('endpoint.categories', list, `a list of 2 to ${limits.maxCategories} category names`);
  }
  const categories = list.map((x, i) => (forEngine ? String(i) : c.string(`endpoint.categories[${i}]`, x)));
  const arms = Object.fromEntries(
    ids.map((id) => {
      const p = `${joinPath('endpoint.arms', id)}.probs`;
      const probs = ownValue(arm(id), 'probs');
      if (!Array.isArray(probs) || probs.length !== categories.length) c.fail(p, probs, `a list of ${categories.length} probabilities`);
      const params = probs.map((x, i) => c.param(`${p}[${i}]`, x, 'endpoint', 'arms', id, 'probs', i));
      const sum = params.reduce((s: number, x) => s + centreOf(x), 0);
      const tol = params.every((x) => typeof x === 'number') ? PROBS_SUM_TOLERANCE : PROBS_CENTRE_SUM_TOLERANCE;
      if (!(Math.abs(sum - 1) <= tol)) c.fail(p, probs, `probabilities summing to 1 (within ${tol})`);
      return [id, { probs: params }];
    }),
  );
  return { kind, ...common, categories, arms };
}
