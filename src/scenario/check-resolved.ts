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
import {
  HARD_LIMITS,
  MAX_ALLOCATION_WEIGHT,
  MAX_MAGNITUDE,
  MAX_NAME_LENGTH,
  MAX_SDLOG,
  MIN_ALPHA,
  MIN_BETA_SHAPE,
  MIN_N,
  MIN_PRECISION,
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
  type ValidationIssue,
} from './types.js';

/** Result of `checkResolvedScenario`. */
export type ResolvedCheck = { ok: true; scenario: ResolvedScenario } | { ok: false; issues: ValidationIssue[] };

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

const ARM_ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const MAX_SEED_LENGTH = 200;

/** Thrown internally to stop at the first problem of a part; never escapes. */
class Stop extends Error {}

class Checker {
  readonly issues: ValidationIssue[] = [];

  fail(path: string, value: unknown, allowed: string): never {
    this.issues.push({ path, value, allowed });
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

  whole(path: string, v: unknown, lo: number, hi: number): number {
    return this.number(path, v, (x) => Number.isInteger(x) && x >= lo && x <= hi, `a whole number from ${lo} to ${hi}`);
  }

  /** A parameter: a number in range, or a distribution with finite parameters whose centre is in range. */
  param(path: string, v: unknown, ok: (x: number) => boolean, allowed: string): Param {
    if (typeof v === 'number') return this.number(path, v, ok, allowed);
    const d = this.object(path, v);
    const kind = this.oneOf(joinPath(path, 'dist'), ownValue(d, 'dist'), ['normal', 'beta', 'lognormal'] as const);
    const p = (key: string, good: (x: number) => boolean, what: string) => this.number(joinPath(path, key), ownValue(d, key), good, what);
    const bounded = (x: number) => Math.abs(x) <= MAX_MAGNITUDE;
    const scale = (x: number) => x > 0 && x <= MAX_MAGNITUDE;
    let dist: Param;
    switch (kind) {
      case 'normal':
        dist = { dist: 'normal', mean: p('mean', bounded, 'a number from -1e12 to 1e12'), sd: p('sd', scale, 'a number > 0 and ≤ 1e12') };
        break;
      case 'beta': {
        const shape = (x: number) => x >= MIN_BETA_SHAPE && x <= MAX_MAGNITUDE;
        const what = `a number from ${MIN_BETA_SHAPE} to 1e12`;
        dist = { dist: 'beta', alpha: p('alpha', shape, what), beta: p('beta', shape, what) };
        break;
      }
      case 'lognormal':
        dist = {
          dist: 'lognormal',
          meanlog: p('meanlog', (x) => Math.abs(x) <= 700, 'a number from -700 to 700'),
          sdlog: p('sdlog', (x) => x > 0 && x <= MAX_SDLOG, `a number > 0 and ≤ ${MAX_SDLOG}`),
        };
        break;
    }
    const centre = centreOf(dist);
    if (!(Number.isFinite(centre) && ok(centre))) this.fail(path, v, `${allowed} (the centre of the distribution)`);
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

const inRange = (lo: number, hi: number, loOpen: boolean, hiOpen: boolean) => (x: number) =>
  (loOpen ? x > lo : x >= lo) && (hiOpen ? x < hi : x <= hi);

/**
 * Checks that `value` has the shape of a `ResolvedScenario` that the engine
 * can simulate, and returns a fresh copy of it; or the problems found, each
 * with a path. Never throws.
 */
export function checkResolvedScenario(value: unknown, options: ResolvedCheckOptions = {}): ResolvedCheck {
  const limits = options.limits ?? HARD_LIMITS;
  const c = new Checker();
  try {
    const scenario = c.part(() => check(c, value, limits, options.forEngine === true));
    if (scenario && c.issues.length === 0) return { ok: true, scenario };
  } catch (e) {
    // Exotic inputs only (throwing getters are impossible after structured cloning).
    c.issues.push({
      path: '',
      value: undefined,
      allowed: 'a resolved scenario',
      hint: `unreadable: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
  return { ok: false, issues: c.issues.length > 0 ? c.issues : [{ path: '', value, allowed: 'a resolved scenario' }] };
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
      alpha: c.number('analysis.alpha', ownValue(a, 'alpha'), inRange(MIN_ALPHA, 0.5, false, false), `a number from ${MIN_ALPHA} to 0.5`),
      sides: c.oneOf('analysis.sides', ownValue(a, 'sides'), [1, 2] as const),
      null:
        test === 'binomial-exact'
          ? c.number('analysis.null', nullValue, inRange(0, 1, true, true), 'a benchmark rate in (0, 1)')
          : c.number('analysis.null', nullValue, (x) => Math.abs(x) <= MAX_MAGNITUDE, 'a number from -1e12 to 1e12'),
      continuityCorrection: c.boolean('analysis.continuityCorrection', ownValue(a, 'continuityCorrection')),
      multiplicity: c.oneOf('analysis.multiplicity', ownValue(a, 'multiplicity'), ['holm', 'bonferroni', 'none'] as const),
      success: c.oneOf('analysis.success', ownValue(a, 'success'), ['any', 'all'] as const),
    };
  });
  const simulation = c.part(() => {
    const s = c.object('simulation', ownValue(root, 'simulation'));
    const precision = ownValue(s, 'precision');
    return {
      replicates: c.whole('simulation.replicates', ownValue(s, 'replicates'), 1, limits.maxReplicates),
      seed: c.string('simulation.seed', ownValue(s, 'seed'), MAX_SEED_LENGTH),
      ...(precision === undefined
        ? {}
        : {
            precision: c.number(
              'simulation.precision',
              precision,
              inRange(MIN_PRECISION, 0.5, false, true),
              `a number in [${MIN_PRECISION}, 0.5)`,
            ),
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
    if (!ARM_ID.test(id) || isForbiddenKey(id) || seen.has(id)) c.fail(`${path}.id`, id, 'a unique id of letters, digits, "_" and "-"');
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
  const kind = c.oneOf('design.kind', ownValue(d, 'kind'), ['parallel', 'within-patient', 'single-arm'] as const);
  const arms = checkArms(c, ownValue(d, 'arms'), kind, limits.maxArms, forEngine);
  const n = c.whole('design.n', ownValue(d, 'n'), MIN_N, limits.maxN);
  const dropout = c.param('design.dropout', ownValue(d, 'dropout'), inRange(0, 1, false, true), 'a number in [0, 1)');
  if (kind === 'parallel') {
    const list = ownValue(d, 'allocation');
    if (!Array.isArray(list) || list.length !== arms.length) c.fail('design.allocation', list, `a list of ${arms.length} weights`);
    const allocation = list.map((w, i) =>
      c.number(
        `design.allocation[${i}]`,
        w,
        inRange(1 / MAX_ALLOCATION_WEIGHT, MAX_ALLOCATION_WEIGHT, false, false),
        'a number from 1e-6 to 1e6',
      ),
    );
    const total = allocation.reduce((a, b) => a + b, 0);
    if (!((n * Math.min(...allocation)) / total >= 1 - 1e-9)) c.fail('design.n', n, 'enough patients for every arm to get at least 1');
    return { kind, arms, allocation, n, dropout };
  }
  if (kind === 'within-patient') {
    const correlation = c.param('design.correlation', ownValue(d, 'correlation'), inRange(-1, 1, true, true), 'a number in (-1, 1)');
    const spillover = c.param('design.spillover', ownValue(d, 'spillover'), inRange(0, 1, false, false), 'a number in [0, 1]');
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
  const kind = c.oneOf('endpoint.kind', ownValue(e, 'kind'), ['continuous', 'binary', 'ordinal'] as const);
  const label = c.string('endpoint.label', ownValue(e, 'label'));
  const unitValue = ownValue(e, 'unit');
  const unit = unitValue === undefined || forEngine ? undefined : c.string('endpoint.unit', unitValue);
  const better = c.oneOf('endpoint.better', ownValue(e, 'better'), ['higher', 'lower'] as const);
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
            mean: c.param(`${p}.mean`, ownValue(a, 'mean'), (x) => Math.abs(x) <= MAX_MAGNITUDE, 'a number from -1e12 to 1e12'),
            sd: c.param(`${p}.sd`, ownValue(a, 'sd'), (x) => x > 0 && x <= MAX_MAGNITUDE, 'a number > 0 and ≤ 1e12'),
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
          p: c.param(`${joinPath('endpoint.arms', id)}.p`, ownValue(arm(id), 'p'), inRange(0, 1, false, false), 'a probability in [0, 1]'),
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
      const params = probs.map((x, i) => c.param(`${p}[${i}]`, x, inRange(0, 1, false, false), 'a probability in [0, 1]'));
      const sum = params.reduce((s: number, x) => s + centreOf(x), 0);
      const tol = params.every((x) => typeof x === 'number') ? PROBS_SUM_TOLERANCE : PROBS_CENTRE_SUM_TOLERANCE;
      if (!(Math.abs(sum - 1) <= tol)) c.fail(p, probs, `probabilities summing to 1 (within ${tol})`);
      return [id, { probs: params }];
    }),
  );
  return { kind, ...common, categories, arms };
}
