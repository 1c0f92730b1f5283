/**
 * Edits of a scenario made through the form, as pure functions on the parsed
 * JSON (untrusted and possibly invalid): each returns a new value and never
 * modifies its input. Structural edits (design or endpoint kind, arms,
 * categories) keep the scenario coherent: endpoint values per arm, a fitting
 * test, and no `sources`, `assumptions` or `sweep` entry left pointing at a
 * value the edit removed.
 *
 * Keys are only ever written on copies made by spreading, and never a key
 * named `__proto__`, `constructor` or `prototype`, so no edit can reach a prototype.
 */
import { testsFitting, type DesignKind, type EndpointKind, type TestId } from '../src/analysis/catalog.js';
import { MAX_ARMS } from '../src/scenario/limits.js';
import {
  formatPath,
  getPath,
  hasPath,
  isForbiddenKey,
  isPlainObject,
  joinPath,
  normalizeSegments,
  ownValue,
  parsePath,
  type PathSegment,
} from '../src/scenario/paths.js';
import { ARM_ID_PATTERN, asDesignKind } from '../src/scenario/format/design.js';
import { asEndpointKind } from '../src/scenario/format/endpoint.js';
import { SCENARIO_FORMAT } from '../src/scenario/format/scenario.js';

import { arr as list, obj } from './json-values.js';

type Json = Record<string, unknown>;

/** A new scenario to start from: two parallel arms, a continuous endpoint, a curve over n. */
export function blankScenario(): Json {
  return {
    format: SCENARIO_FORMAT,
    title: 'New trial',
    description: '',
    design: {
      kind: 'parallel',
      arms: [
        { id: 'treatment', label: 'Treatment' },
        { id: 'control', label: 'Control', control: true },
      ],
      allocation: [1, 1],
      n: 100,
      dropout: 0,
    },
    endpoint: {
      kind: 'continuous',
      label: 'Primary endpoint',
      better: 'higher',
      arms: { treatment: { mean: 0.5, sd: 1 }, control: { mean: 0, sd: 1 } },
    },
    analysis: { test: 'welch-t', alpha: 0.05, sides: 2 },
    simulation: { replicates: 10000, seed: 'trialsim' },
    sweep: { 'design.n': [20, 40, 60, 80, 100, 120, 140, 160] },
  };
}

function segmentsOf(path: string): PathSegment[] | undefined {
  const p = parsePath(path);
  return p.ok ? p.segments : undefined;
}

/**
 * `data` with `value` at `path`; missing objects on the way are created. An
 * impossible path (through a number, a missing list item) leaves `data` as it is.
 */
export function setAt(data: unknown, path: string, value: unknown): unknown {
  const segments = segmentsOf(path);
  if (!segments || segments.length === 0) return data;
  return setIn(data, segments, value) ?? data;
}

function setIn(container: unknown, segments: readonly PathSegment[], value: unknown): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments;
  if (Array.isArray(container)) {
    const i = typeof head === 'number' ? head : /^\d+$/.test(head) ? Number(head) : -1;
    if (i < 0 || i > container.length) return undefined;
    const inner = setIn(container[i], rest, value);
    if (inner === undefined) return undefined;
    const copy = container.slice();
    copy[i] = inner;
    return copy;
  }
  if (container !== undefined && !isPlainObject(container)) return undefined;
  const key = String(head);
  if (isForbiddenKey(key)) return undefined;
  const here = container ?? {};
  const inner = setIn(ownValue(here, key), rest, value);
  if (inner === undefined) return undefined;
  return { ...here, [key]: inner };
}

/** `data` without the value at `path` (a list item is removed, shifting the rest). */
export function removeAt(data: unknown, path: string): unknown {
  const segments = segmentsOf(path);
  if (!segments || segments.length === 0 || !hasPath(data, segments)) return data;
  return removeIn(data, segments);
}

function removeIn(container: unknown, segments: readonly PathSegment[]): unknown {
  const [head, ...rest] = segments;
  if (Array.isArray(container)) {
    const i = Number(head);
    if (rest.length === 0) return container.filter((_, j) => j !== i);
    const copy = container.slice();
    copy[i] = removeIn(container[i], rest);
    return copy;
  }
  const here = obj(container);
  const key = String(head);
  if (rest.length === 0) {
    const copy: Json = {};
    for (const k of Object.keys(here))
      if (k !== key) Object.defineProperty(copy, k, { value: here[k], enumerable: true, writable: true, configurable: true });
    return copy;
  }
  return { ...here, [key]: removeIn(here[key], rest) };
}

/** Canonical form of a path in `data` (`probs.2` → `probs[2]`), or undefined when it is not a path. */
function canonical(data: unknown, path: unknown): string | undefined {
  if (typeof path !== 'string') return undefined;
  const s = segmentsOf(path);
  return s ? formatPath(normalizeSegments(data, s)) : undefined;
}

/**
 * Removes the `sources[].paths`, `assumptions` and `sweep` entries that
 * pointed at a value in `before` that no longer exists in `after`. Entries
 * that were already broken are left for the validator to report.
 */
export function dropDanglingReferences(before: unknown, after: unknown): unknown {
  const lost = (path: unknown) => {
    const s = typeof path === 'string' ? segmentsOf(path) : undefined;
    return s !== undefined && hasPath(before, normalizeSegments(before, s)) && !hasPath(after, normalizeSegments(after, s));
  };
  let out = after;
  const sources = list(ownValue(obj(out), 'sources'));
  if (sources.length > 0) {
    const kept: unknown[] = [];
    for (const s of sources) {
      const paths = isPlainObject(s) ? ownValue(s, 'paths') : undefined;
      if (!isPlainObject(s) || !Array.isArray(paths)) {
        kept.push(s);
        continue;
      }
      const left = paths.filter((p) => !lost(p));
      // A source whose every value is gone supports nothing any more.
      if (left.length > 0 || paths.length === 0) kept.push(left.length === paths.length ? s : { ...s, paths: left });
    }
    out = setAt(out, 'sources', kept);
  }
  const assumptions = list(ownValue(obj(out), 'assumptions'));
  if (assumptions.length > 0)
    out = setAt(
      out,
      'assumptions',
      assumptions.filter((a) => !(isPlainObject(a) && lost(ownValue(a, 'path')))),
    );
  const sweep = ownValue(obj(out), 'sweep');
  if (isPlainObject(sweep)) {
    const entries = Object.keys(sweep).filter((k) => !isForbiddenKey(k) && !lost(k));
    out = entries.length === 0 ? removeAt(out, 'sweep') : setAt(out, 'sweep', Object.fromEntries(entries.map((k) => [k, sweep[k]])));
  }
  return out;
}

/** Rewrites every reference (sources, assumptions, sweep keys) under `from` to lie under `to`. */
function renameReferences(data: unknown, from: string, to: string): unknown {
  const moved = (path: unknown): unknown => {
    const p = canonical(data, path);
    if (p === undefined) return path;
    if (p === from) return to;
    if (p.startsWith(`${from}.`) || p.startsWith(`${from}[`)) return to + p.slice(from.length);
    return path;
  };
  let out = data;
  const sources = list(ownValue(obj(out), 'sources'));
  if (sources.length > 0)
    out = setAt(
      out,
      'sources',
      sources.map((s) => (isPlainObject(s) && Array.isArray(ownValue(s, 'paths')) ? { ...s, paths: list(s.paths).map(moved) } : s)),
    );
  const assumptions = list(ownValue(obj(out), 'assumptions'));
  if (assumptions.length > 0)
    out = setAt(
      out,
      'assumptions',
      assumptions.map((a) => (isPlainObject(a) ? { ...a, path: moved(ownValue(a, 'path')) } : a)),
    );
  const sweep = ownValue(obj(out), 'sweep');
  if (isPlainObject(sweep))
    out = setAt(
      out,
      'sweep',
      Object.fromEntries(
        Object.keys(sweep)
          .filter((k) => !isForbiddenKey(k))
          .map((k) => [String(moved(k)), sweep[k]]),
      ),
    );
  return out;
}

/** The arms of the design as objects (non-objects skipped) with their ids. */
function armsOf(data: unknown): Json[] {
  return list(getPath(data, 'design.arms')).filter(isPlainObject);
}

/** Tests that do the same job in different designs. */
const TEST_FAMILIES: ReadonlyArray<readonly TestId[]> = [
  ['welch-t', 'student-t', 'paired-t', 'one-sample-t'],
  ['mann-whitney', 'wilcoxon-signed-rank'],
  ['fisher-exact', 'mcnemar-exact', 'binomial-exact'],
  ['chi-square', 'mcnemar'],
];

/** `analysis.test` replaced by a test that fits (of the same kind if possible), when the current one does not. */
export function fitTest(data: unknown): unknown {
  const design = getPath(data, 'design.kind');
  const endpoint = getPath(data, 'endpoint.kind');
  const designKind = asDesignKind(design);
  const endpointKind = asEndpointKind(endpoint);
  if (!designKind || !endpointKind) return data;
  const fitting = testsFitting(designKind, endpointKind);
  let out = data;
  const test = getPath(data, 'analysis.test');
  if (fitting.length > 0 && !fitting.includes(test as never)) {
    // Keep the kind of test (t-test, rank test, exact test, chi-square) when one fits.
    const family = TEST_FAMILIES.find((f) => f.includes(test as TestId));
    out = setAt(out, 'analysis.test', fitting.find((t) => family?.includes(t)) ?? fitting[0]);
  }
  const now = getPath(out, 'analysis.test');
  if (getPath(out, 'analysis.continuityCorrection') !== undefined && now !== 'chi-square' && now !== 'mcnemar')
    out = removeAt(out, 'analysis.continuityCorrection');
  return out;
}

/** A fresh unused arm id (`arm3`, `arm4`, …). */
function freshId(data: unknown, stem = 'arm'): string {
  const used = new Set(armsOf(data).map((a) => a.id));
  for (let k = armsOf(data).length + 1; ; k++) if (!used.has(`${stem}${k}`)) return `${stem}${k}`;
}

/** Default endpoint parameters of an arm, for an endpoint kind. */
function defaultArmValues(kind: unknown, control: boolean, categories: number): Json {
  if (kind === 'binary') return { p: control ? 0.3 : 0.5 };
  if (kind === 'ordinal') {
    const weights = Array.from({ length: categories }, (_, i) => (control ? 1 : i + 1));
    const total = weights.reduce((s, w) => s + w, 0);
    const probs = weights.map((w) => Number((w / total).toFixed(3)));
    probs[probs.length - 1] = Number((1 - probs.slice(0, -1).reduce((s, p) => s + p, 0)).toFixed(3));
    return { probs };
  }
  return { mean: control ? 0 : 0.5, sd: 1 };
}

/** Endpoint values for `armId`: copied from an existing arm, else defaults. */
function valuesForNewArm(data: unknown, control: boolean): unknown {
  const endpointArms = obj(getPath(data, 'endpoint.arms'));
  const source = armsOf(data).find(
    (a) => Boolean(a.control) === control && typeof a.id === 'string' && isPlainObject(ownValue(endpointArms, a.id as string)),
  );
  if (source) return ownValue(endpointArms, source.id as string);
  return defaultArmValues(getPath(data, 'endpoint.kind'), control, list(getPath(data, 'endpoint.categories')).length || 3);
}

/** Makes the endpoint's arms exactly those of the design (missing ones get values, extra ones go). */
function syncEndpointArms(data: unknown): unknown {
  const endpointArms = obj(getPath(data, 'endpoint.arms'));
  const arms = armsOf(data).filter((a) => typeof a.id === 'string' && !isForbiddenKey(a.id));
  const next: Json = {};
  for (const a of arms) {
    const id = a.id as string;
    const have = ownValue(endpointArms, id);
    next[id] = have !== undefined ? have : valuesForNewArm(data, a.control === true);
  }
  return getPath(data, 'endpoint') === undefined ? data : setAt(data, 'endpoint.arms', next);
}

/** Changes `design.kind`, adapting arms, allocation, correlation and the test. */
export function setDesignKind(data: unknown, kind: DesignKind): unknown {
  let out = setAt(data, 'design.kind', kind);
  let arms = armsOf(out);
  const controlIndex = arms.findIndex((a) => a.control === true);
  const control = controlIndex >= 0 ? arms[controlIndex] : undefined;
  const treated = arms.filter((a) => a.control !== true);
  if (kind === 'single-arm') {
    const only = { ...(treated[0] ?? arms[0] ?? { id: 'treatment', label: 'Treatment' }) };
    delete only.control;
    arms = [only];
  } else {
    const first = treated[0] ?? { id: freshId(out, 'treatment'), label: 'Treatment' };
    const ctrl = control ?? { id: first.id === 'control' ? freshId(out, 'control') : 'control', label: 'Control', control: true };
    arms = kind === 'within-patient' ? [first, ctrl] : arms.length >= 2 && control ? arms : [first, ctrl];
  }
  out = setAt(out, 'design.arms', arms);
  for (const key of ['allocation', 'correlation', 'spillover']) out = removeAt(out, `design.${key}`);
  if (kind === 'parallel')
    out = setAt(
      out,
      'design.allocation',
      arms.map(() => 1),
    );
  if (kind === 'within-patient') out = setAt(out, 'design.correlation', ownValue(obj(getPath(data, 'design')), 'correlation') ?? 0.5);
  if (kind === 'within-patient' && ownValue(obj(getPath(data, 'design')), 'spillover') !== undefined)
    out = setAt(out, 'design.spillover', getPath(data, 'design.spillover'));
  if (kind !== 'single-arm') out = removeAt(out, 'analysis.null');
  else if (getPath(out, 'endpoint.kind') === 'binary' && getPath(out, 'analysis.null') === undefined)
    out = setAt(out, 'analysis.null', 0.5);
  out = syncEndpointArms(out);
  return dropDanglingReferences(data, fitTest(out));
}

/** Changes `endpoint.kind`: every arm gets default values of the new kind; the test is fitted. */
export function setEndpointKind(data: unknown, kind: EndpointKind): unknown {
  let out = setAt(data, 'endpoint.kind', kind);
  const categories = list(getPath(out, 'endpoint.categories'));
  if (kind === 'ordinal' && categories.length < 2) out = setAt(out, 'endpoint.categories', ['worse', 'unchanged', 'better']);
  if (kind !== 'ordinal') out = removeAt(out, 'endpoint.categories');
  const count = list(getPath(out, 'endpoint.categories')).length;
  const values: Json = {};
  for (const a of armsOf(out))
    if (typeof a.id === 'string' && !isForbiddenKey(a.id)) values[a.id] = defaultArmValues(kind, a.control === true, count);
  out = setAt(out, 'endpoint.arms', values);
  if (getPath(out, 'design.kind') === 'single-arm') {
    out = kind === 'binary' ? setAt(out, 'analysis.null', 0.5) : removeAt(out, 'analysis.null');
  }
  return dropDanglingReferences(data, fitTest(out));
}

/** Adds an arm to a parallel design (values copied from another treated arm, allocation weight 1). */
export function addArm(data: unknown): unknown {
  const arms = armsOf(data);
  if (arms.length >= MAX_ARMS) return data;
  const id = freshId(data);
  let out = setAt(data, 'design.arms', [...list(getPath(data, 'design.arms')), { id, label: `Arm ${arms.length + 1}` }]);
  const allocation = getPath(out, 'design.allocation');
  if (Array.isArray(allocation)) out = setAt(out, 'design.allocation', [...allocation, 1]);
  const values = valuesForNewArm(data, false);
  if (isPlainObject(getPath(out, 'endpoint.arms'))) out = setAt(out, joinPath('endpoint.arms', id), values);
  return out;
}

/** Removes arm `index` (at least two arms stay; the first arm becomes the control if the control went). */
export function removeArm(data: unknown, index: number): unknown {
  const arms = list(getPath(data, 'design.arms'));
  if (arms.length <= 2 || index < 0 || index >= arms.length) return data;
  const gone = arms[index];
  let out = setAt(
    data,
    'design.arms',
    arms.filter((_, i) => i !== index),
  );
  const allocation = getPath(out, 'design.allocation');
  if (Array.isArray(allocation) && allocation.length === arms.length)
    out = setAt(
      out,
      'design.allocation',
      allocation.filter((_, i) => i !== index),
    );
  if (isPlainObject(gone) && gone.control === true) out = setControl(out, 0);
  if (isPlainObject(gone) && typeof gone.id === 'string' && hasPath(out, ['endpoint', 'arms', gone.id]))
    out = removeAt(out, joinPath('endpoint.arms', gone.id));
  return dropDanglingReferences(data, out);
}

/** Makes arm `index` the control arm (and no other). */
export function setControl(data: unknown, index: number): unknown {
  const arms = list(getPath(data, 'design.arms')).map((a, i) => {
    if (!isPlainObject(a)) return a;
    const copy: Json = { ...a };
    delete copy.control;
    return i === index ? { ...copy, control: true } : copy;
  });
  return setAt(data, 'design.arms', arms);
}

/**
 * Sets the id of arm `index`. When the new id is well-formed and unused, the
 * arm's endpoint values and every reference to them move along; otherwise
 * only the id changes (and the validator says what is wrong).
 */
export function renameArm(data: unknown, index: number, id: string): unknown {
  const arms = list(getPath(data, 'design.arms'));
  const arm = arms[index];
  if (!isPlainObject(arm)) return data;
  const old = ownValue(arm, 'id');
  if (old === id) return data;
  let out = setAt(data, `design.arms[${index}].id`, id);
  const endpointArms = getPath(data, 'endpoint.arms');
  const clash = arms.some((a, i) => i !== index && isPlainObject(a) && a.id === id);
  if (
    typeof old === 'string' &&
    isPlainObject(endpointArms) &&
    ownValue(endpointArms, old) !== undefined &&
    ARM_ID_PATTERN.test(id) &&
    !isForbiddenKey(id) &&
    !clash &&
    ownValue(endpointArms, id) === undefined
  ) {
    // Keep the key order of endpoint.arms.
    const renamed = Object.fromEntries(
      Object.keys(endpointArms)
        .filter((k) => !isForbiddenKey(k))
        .map((k) => [k === old ? id : k, endpointArms[k]]),
    );
    out = setAt(out, 'endpoint.arms', renamed);
    out = renameReferences(out, joinPath('endpoint.arms', old), joinPath('endpoint.arms', id));
  }
  return out;
}

/** Sets the ordinal categories; every arm's `probs` is cut or padded with 0 to the new count. */
export function setCategories(data: unknown, names: readonly string[]): unknown {
  let out = setAt(data, 'endpoint.categories', [...names]);
  const endpointArms = getPath(out, 'endpoint.arms');
  if (isPlainObject(endpointArms)) {
    for (const id of Object.keys(endpointArms)) {
      if (isForbiddenKey(id)) continue;
      const probs = getPath(endpointArms, [id, 'probs']);
      if (!Array.isArray(probs)) continue;
      const next = names.map((_, i) => (i < probs.length ? probs[i] : 0));
      out = setAt(out, `${joinPath('endpoint.arms', id)}.probs`, next);
    }
  }
  return dropDanglingReferences(data, out);
}

export { setSweep, type SweepRow, suggestSweepValues, sweepCandidates } from './sweep-edit.js';
