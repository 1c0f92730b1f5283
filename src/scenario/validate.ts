/**
 * Structural validation of a parsed scenario file (`trialsim/1`).
 *
 * `validateScenario` checks the shape of an untrusted JSON value and reports
 * every problem it finds, each with a JSON path, the offending value and what
 * is allowed. Expressions are parsed and their names checked here; their
 * values (ranges such as `n ≥ 2`, `sd > 0`) are checked by `resolveScenario`,
 * which needs the evaluated numbers.
 *
 * Only own properties are read; no value of the input is ever assigned as a
 * key of an object with a prototype, so `__proto__` keys cannot pollute anything.
 */
import { isTestId, TEST_IDS, testsFitting, type DesignKind, type EndpointKind, type TestId } from '../analysis/catalog.js';
import { checkExpression, checkLet, EXPRESSION_ALLOWED } from './expressions.js';
import {
  limitsOf,
  MAX_JSON_DEPTH,
  MAX_NAME_LENGTH,
  MAX_SEED_LENGTH,
  MAX_SWEEP_PATHS,
  MIN_N,
  MIN_PRECISION,
  type ScenarioLimits,
} from './limits.js';
import {
  deepestExisting,
  formatPath,
  hasPath,
  isForbiddenKey,
  isPlainObject,
  joinPath,
  normalizeSegments,
  ownValue,
  parsePath,
  type PathSegment,
} from './paths.js';
import { closest, didYouMean } from './suggest.js';
import { codePoint, MULTI_LINE_TEXT_ALLOWED, SINGLE_LINE_TEXT_ALLOWED, textProblem } from './text.js';
import { EVIDENCE_IDS, getEvidence } from '../evidence/library.js';
import { SCENARIO_FORMAT, type ScenarioFile, type ValidationIssue } from './types.js';

/** Result of `validateScenario`. */
export type ValidationResult = { ok: true; scenario: ScenarioFile } | { ok: false; issues: ValidationIssue[] };

/** Options of `validateScenario`. */
export interface ValidateOptions {
  /** The limits of this run (default `DEFAULT_LIMITS`); set by the person running, never by the file. */
  limits?: Partial<ScenarioLimits>;
}

/** Design kinds, as in `design.kind`. */
export const DESIGN_KINDS: readonly DesignKind[] = ['parallel', 'within-patient', 'single-arm'];

/** Endpoint kinds, as in `endpoint.kind`. */
export const ENDPOINT_KINDS: readonly EndpointKind[] = ['continuous', 'binary', 'ordinal'];

/** Distribution kinds usable where a parameter may be uncertain. */
export const DISTRIBUTION_KINDS = ['normal', 'beta', 'lognormal', 'fromCI'] as const;

/** Keys of the top level of a scenario file. */
export const ROOT_KEYS = [
  '$schema',
  'format',
  'title',
  'description',
  'let',
  'sources',
  'assumptions',
  'design',
  'endpoint',
  'analysis',
  'simulation',
  'sweep',
  'expect',
] as const;

/** Keys of `design`, by design kind. */
export const DESIGN_KEYS: Readonly<Record<DesignKind, readonly string[]>> = {
  parallel: ['kind', 'arms', 'allocation', 'n', 'dropout'],
  'within-patient': ['kind', 'arms', 'n', 'correlation', 'spillover', 'dropout'],
  'single-arm': ['kind', 'arms', 'n', 'dropout'],
};

/** Which design kinds use a key (for "allocation is used only by parallel designs"). */
const DESIGN_KEY_OWNERS = new Map<string, DesignKind[]>([
  ['allocation', ['parallel']],
  ['correlation', ['within-patient']],
  ['spillover', ['within-patient']],
]);

/** Keys of `endpoint`, by endpoint kind. */
export const ENDPOINT_KEYS: Readonly<Record<EndpointKind, readonly string[]>> = {
  continuous: ['kind', 'label', 'unit', 'better', 'arms'],
  binary: ['kind', 'label', 'unit', 'better', 'arms'],
  ordinal: ['kind', 'label', 'unit', 'better', 'categories', 'arms'],
};

/** Parameter keys of one arm of an endpoint, by endpoint kind. */
const ENDPOINT_ARM_KEYS: Record<EndpointKind, readonly string[]> = {
  continuous: ['mean', 'sd'],
  binary: ['p'],
  ordinal: ['probs'],
};

const ARM_KEYS = ['id', 'label', 'control'];
const ANALYSIS_KEYS = ['test', 'alpha', 'sides', 'null', 'continuityCorrection', 'multiplicity', 'success'];
const SIMULATION_KEYS = ['replicates', 'seed', 'precision', 'fastPath'];
const EXPECT_KEYS = ['power', 'assurance', 'sampleSize'];
const BOUND_KEYS = ['atLeast', 'atMost'];
const SAMPLE_SIZE_KEYS = ['power', 'atMost'];
const SOURCE_KEYS = ['evidence', 'paths', 'note'];
const ASSUMPTION_KEYS = ['path', 'note'];
const DISTRIBUTION_PARAMS: Record<(typeof DISTRIBUTION_KINDS)[number], readonly string[]> = {
  normal: ['mean', 'sd'],
  beta: ['alpha', 'beta'],
  lognormal: ['meanlog', 'sdlog'],
  fromCI: ['estimate', 'lower', 'upper', 'unit', 'evidence'],
};
const CI_UNITS = ['value', '%', 'proportion'];

/** Tests that have a continuity correction. */
const CORRECTABLE_TESTS: readonly TestId[] = ['chi-square', 'mcnemar'];

/** A valid arm id: letters, digits, `_` and `-`, starting with a letter or `_`. */
const ARM_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Why a string is not a valid arm id, for the hint: a forbidden name, its
 * length, or the first character that is not allowed (by code point, so that
 * look-alikes such as a Cyrillic "ѕ" in "mѕc" are named).
 */
function idProblem(id: string): string | undefined {
  if (isForbiddenKey(id)) return `"${id}" is not allowed as an id`;
  if (id.length === 0) return 'the id is empty';
  if (id.length > MAX_NAME_LENGTH) return `${id.length} characters`;
  const chars = [...id];
  const bad = chars.findIndex((ch, i) => !(i === 0 ? /[A-Za-z_]/ : /[A-Za-z0-9_-]/).test(ch));
  if (bad < 0) return undefined;
  return `character ${codePoint(chars[bad])} at position ${bad + 1} is not ${bad === 0 ? 'an ASCII letter or "_"' : 'an ASCII letter, digit, "_" or "-"'}`;
}

/** What an arm id may be. */
export const ARM_ID_ALLOWED = `an id of letters, digits, "_" and "-", starting with a letter or "_", at most ${MAX_NAME_LENGTH} characters`;

/** What may be written where a parameter may be uncertain. */
export const NUMBER_SPEC_ALLOWED =
  'a number, an expression, or a distribution: {"normal": {"mean", "sd"}}, {"beta": {"alpha", "beta"}}, {"lognormal": {"meanlog", "sdlog"}} or {"fromCI": {"estimate", "lower", "upper", "unit"?}}';

const quoteList = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');
const oneOf = (xs: readonly string[]) => `one of ${quoteList(xs)}`;

/** Collects issues while walking the input. */
class Collector {
  readonly issues: ValidationIssue[] = [];
  add(path: string, value: unknown, allowed: string, hint?: string): void {
    const issue: ValidationIssue = { path, value, allowed };
    if (hint) issue.hint = hint;
    this.issues.push(issue);
  }
  push(issue: ValidationIssue | undefined): void {
    if (issue) this.issues.push(issue);
  }
}

/** Context shared by the section checks. */
interface Context {
  root: Record<string, unknown>;
  out: Collector;
  /** Well-formed `let` names, for checking the names used by expressions. */
  names: ReadonlySet<string>;
  limits: ScenarioLimits;
}

/**
 * Checks the structure of a parsed JSON value and returns the scenario, or
 * every problem found. Never throws.
 */
export function validateScenario(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const out = new Collector();
  try {
    validateRoot(input, out, limitsOf(options.limits));
  } catch (e) {
    // Not reachable for JSON input; guards against exotic objects (throwing getters, proxies).
    out.add('', undefined, 'a scenario that can be read', `internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (out.issues.length > 0) return { ok: false, issues: out.issues };
  return { ok: true, scenario: input as ScenarioFile };
}

/** Whether `format` names a newer version of the format (`trialsim/2`, …), which this engine cannot read. */
export function isNewerFormat(format: unknown): boolean {
  const m = typeof format === 'string' ? /^trialsim\/(\d+)$/.exec(format) : null;
  return m !== null && Number(m[1]) > 1;
}

function validateRoot(input: unknown, out: Collector, limits: ScenarioLimits): void {
  if (!isPlainObject(input)) {
    out.add('', input, `a JSON object: a ${SCENARIO_FORMAT} scenario`);
    return;
  }
  // Too deep a document is reported alone: nothing else should walk it.
  const deep = jsonDepthIssue(input);
  if (deep) {
    out.push(deep);
    return;
  }
  const root = input;
  // A newer format may look entirely different: report that alone.
  const format = ownValue(root, 'format');
  if (format !== SCENARIO_FORMAT) {
    if (isNewerFormat(format)) {
      out.add(
        'format',
        format,
        `"${SCENARIO_FORMAT}"`,
        `this engine reads ${SCENARIO_FORMAT} only; the file was written for ${format}, a newer version`,
      );
      return;
    }
    out.add('format', format, `"${SCENARIO_FORMAT}"`);
  }
  checkKeys(out, '', root, ROOT_KEYS, 'the scenario');
  const title = ownValue(root, 'title');
  if (typeof title !== 'string' || title.trim() === '') out.add('title', title, 'a non-empty string');
  else checkText(out, 'title', title, false);
  optionalString(out, root, '', 'description', true);
  optionalString(out, root, '', '$schema');

  const lets = checkLet(ownValue(root, 'let'), 'let', limits.maxExpressionLength);
  for (const i of lets.issues) out.push(i);
  const ctx: Context = { root, out, names: lets.names, limits };

  const design = checkDesign(ctx);
  const endpointKind = checkEndpoint(ctx, design);
  checkAnalysis(ctx, design.kind, endpointKind);
  checkSimulation(ctx);
  checkSweep(ctx);
  checkExpect(ctx);
  checkSources(ctx);
  checkAssumptions(ctx);
}

/** Reports keys of `obj` that are not in `allowed`, with a did-you-mean hint. */
function checkKeys(
  out: Collector,
  path: string,
  obj: Record<string, unknown>,
  allowed: readonly string[],
  what: string,
  note?: (key: string) => string | undefined,
): void {
  for (const k of Object.keys(obj)) {
    if (allowed.includes(k)) continue;
    const hint = note?.(k) ?? didYouMean(k, allowed);
    out.add(joinPath(path, k), ownValue(obj, k), `a key of ${what}: ${allowed.join(', ')}`, hint);
  }
}

/** The object at `obj[key]`, reporting a missing (when required) or non-object value. */
function objectAt(
  out: Collector,
  obj: Record<string, unknown>,
  path: string,
  key: string,
  allowed: string,
  required: boolean,
): Record<string, unknown> | undefined {
  const v = ownValue(obj, key);
  if (v === undefined && !required) return undefined;
  if (!isPlainObject(v)) {
    out.add(joinPath(path, key), v, allowed);
    return undefined;
  }
  return v;
}

/**
 * An optional text field: a string without control characters, invisible
 * formatting characters or lone surrogates (they would reach terminals, CSV,
 * Markdown and the UI as they are). `multiLine` allows tabs and line breaks.
 */
function optionalString(out: Collector, obj: Record<string, unknown>, path: string, key: string, multiLine = false): void {
  const v = ownValue(obj, key);
  if (v === undefined) return;
  if (typeof v !== 'string') out.add(joinPath(path, key), v, 'a string');
  else checkText(out, joinPath(path, key), v, multiLine);
}

/** Reports a text that contains characters that are not allowed (see `textProblem`). */
function checkText(out: Collector, path: string, text: string, multiLine: boolean): boolean {
  const problem = textProblem(text, multiLine);
  if (problem === undefined) return true;
  out.add(path, text, multiLine ? MULTI_LINE_TEXT_ALLOWED : SINGLE_LINE_TEXT_ALLOWED, problem);
  return false;
}

/**
 * The issue of a JSON value nested deeper than `MAX_JSON_DEPTH` levels (the
 * root is level 1), or `undefined`. Iterative, linear in the size of the
 * value: safe on a 1 MiB document of nested brackets. The issue's path is the
 * top-level key holding the deep value; its hint, how deep it goes.
 */
export function jsonDepthIssue(value: unknown, max: number = MAX_JSON_DEPTH): ValidationIssue | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  // Each entry: a container, its level, and the top-level key (or index) it lies under.
  const stack: Array<{ v: object; depth: number; top: PathSegment | undefined }> = [{ v: value, depth: 1, top: undefined }];
  let deepest = 0;
  let top: PathSegment | undefined;
  while (stack.length > 0) {
    const { v, depth, top: under } = stack.pop()!;
    if (depth > deepest) {
      deepest = depth;
      if (depth > max && top === undefined) top = under;
    }
    const visit = (key: PathSegment, c: unknown) => {
      if (c !== null && typeof c === 'object') stack.push({ v: c, depth: depth + 1, top: depth === 1 ? key : under });
    };
    if (Array.isArray(v)) v.forEach((c, i) => visit(i, c));
    else for (const k of Object.keys(v)) visit(k, (v as Record<string, unknown>)[k]);
  }
  if (deepest <= max) return undefined;
  const path = top === undefined ? '' : formatPath([top]);
  const at =
    top === undefined ? value : Array.isArray(value) ? value[top as number] : ownValue(value as Record<string, unknown>, String(top));
  return {
    path,
    value: at,
    allowed: `JSON nested at most ${max} levels deep (a scenario needs 7)`,
    hint: `it is nested ${deepest} levels deep`,
  };
}

function optionalBoolean(out: Collector, obj: Record<string, unknown>, path: string, key: string): void {
  const v = ownValue(obj, key);
  if (v !== undefined && typeof v !== 'boolean') out.add(joinPath(path, key), v, 'true or false');
}

function enumAt(
  out: Collector,
  obj: Record<string, unknown>,
  path: string,
  key: string,
  values: readonly string[],
  required: boolean,
): string | undefined {
  const v = ownValue(obj, key);
  if (v === undefined && !required) return undefined;
  if (typeof v === 'string' && values.includes(v)) return v;
  out.add(joinPath(path, key), v, oneOf(values), typeof v === 'string' ? didYouMean(v, values) : undefined);
  return undefined;
}

/** A number or expression (no distribution). */
function expressionAt(ctx: Context, obj: Record<string, unknown>, path: string, key: string, required: boolean, missing?: string): void {
  const v = ownValue(obj, key);
  if (v === undefined) {
    if (required) ctx.out.add(joinPath(path, key), v, missing ?? EXPRESSION_ALLOWED);
    return;
  }
  checkExpressionValue(ctx, joinPath(path, key), v, ctx.names);
}

function checkExpressionValue(ctx: Context, path: string, v: unknown, names: ReadonlySet<string>): void {
  if (v === undefined) {
    ctx.out.add(path, v, EXPRESSION_ALLOWED);
    return;
  }
  if (isPlainObject(v) && Object.keys(v).some((k) => (DISTRIBUTION_KINDS as readonly string[]).includes(k))) {
    ctx.out.add(
      path,
      v,
      'a number or an expression (not a distribution)',
      'distributions are allowed only for endpoint parameters, dropout, correlation and spillover',
    );
    return;
  }
  ctx.out.push(checkExpression(v, path, names, ctx.limits.maxExpressionLength));
}

/** A number, an expression or a distribution. */
function numberSpecAt(ctx: Context, obj: Record<string, unknown>, path: string, key: string, required: boolean, missing?: string): void {
  const v = ownValue(obj, key);
  if (v === undefined) {
    if (required) ctx.out.add(joinPath(path, key), v, missing ?? NUMBER_SPEC_ALLOWED);
    return;
  }
  checkNumberSpec(ctx, joinPath(path, key), v);
}

function checkNumberSpec(ctx: Context, path: string, v: unknown): void {
  if (typeof v === 'number' || typeof v === 'string') {
    ctx.out.push(checkExpression(v, path, ctx.names, ctx.limits.maxExpressionLength));
    return;
  }
  if (!isPlainObject(v)) {
    ctx.out.add(path, v, NUMBER_SPEC_ALLOWED);
    return;
  }
  const keys = Object.keys(v);
  if (keys.length !== 1 || !(DISTRIBUTION_KINDS as readonly string[]).includes(keys[0])) {
    const unknown = keys.find((k) => !(DISTRIBUTION_KINDS as readonly string[]).includes(k));
    const hint =
      keys.length === 0
        ? 'the object is empty'
        : keys.length > 1 && unknown === undefined
          ? 'a distribution has exactly one of these keys'
          : unknown !== undefined
            ? (didYouMean(unknown, DISTRIBUTION_KINDS) ?? `"${unknown}" is not a distribution`)
            : undefined;
    ctx.out.add(path, v, NUMBER_SPEC_ALLOWED, hint);
    return;
  }
  const kind = keys[0] as (typeof DISTRIBUTION_KINDS)[number];
  const distPath = joinPath(path, kind);
  const params = ownValue(v, kind);
  const allowedParams = DISTRIBUTION_PARAMS[kind];
  if (!isPlainObject(params)) {
    const shape =
      kind === 'fromCI' ? 'an object {"estimate", "lower", "upper", "unit"?} or {"evidence"}' : `an object {${quoteList(allowedParams)}}`;
    ctx.out.add(distPath, params, shape);
    return;
  }
  if (kind === 'fromCI') {
    checkKeys(ctx.out, distPath, params, allowedParams, 'fromCI');
    const hasEvidence = ownValue(params, 'evidence') !== undefined;
    const explicit = ['estimate', 'lower', 'upper', 'unit'].filter((k) => ownValue(params, k) !== undefined);
    if (hasEvidence) {
      const ev = ownValue(params, 'evidence');
      if (typeof ev !== 'string' || ev.trim() === '')
        ctx.out.add(joinPath(distPath, 'evidence'), ev, 'the id of an evidence entry (a non-empty string)');
      if (explicit.length > 0) {
        ctx.out.add(distPath, params, 'either {"evidence"} or {"estimate", "lower", "upper", "unit"?}, not both');
      }
      return;
    }
    for (const k of ['estimate', 'lower', 'upper']) expressionAt(ctx, params, distPath, k, true);
    enumAt(ctx.out, params, distPath, 'unit', CI_UNITS, false);
    return;
  }
  checkKeys(ctx.out, distPath, params, allowedParams, kind);
  for (const k of allowedParams) expressionAt(ctx, params, distPath, k, true);
}

/** What `checkDesign` learnt, for the checks that depend on it. */
interface DesignInfo {
  kind?: DesignKind;
  /** The arm ids, when every arm has a valid and unique id. */
  armIds?: string[];
}

function checkDesign(ctx: Context): DesignInfo {
  const { out, root } = ctx;
  const MAX_ARMS = ctx.limits.maxArms;
  const design = objectAt(out, root, '', 'design', 'an object: {"kind", "arms", "n", …}', true);
  if (!design) return {};
  const kind = enumAt(out, design, 'design', 'kind', DESIGN_KINDS, true) as DesignKind | undefined;
  const allKeys = [...new Set(Object.values(DESIGN_KEYS).flat())];
  const keys = kind ? DESIGN_KEYS[kind] : allKeys;
  checkKeys(out, 'design', design, keys, kind ? `a ${kind} design` : 'design', (k) => {
    const owners = DESIGN_KEY_OWNERS.get(k);
    return owners && kind && !owners.includes(kind) ? `"${k}" is used only by ${owners.join(', ')} designs` : undefined;
  });

  // Arms.
  const arms = ownValue(design, 'arms');
  let armIds: string[] | undefined;
  const armsAllowed =
    kind === 'within-patient'
      ? 'a list of exactly 2 arms (the treated site and the control site)'
      : kind === 'single-arm'
        ? 'a list of exactly 1 arm'
        : `a list of 2 to ${MAX_ARMS} arms`;
  if (!Array.isArray(arms)) {
    out.add('design.arms', arms, armsAllowed);
  } else {
    const count = arms.length;
    const countOk = kind === 'within-patient' ? count === 2 : kind === 'single-arm' ? count === 1 : count >= 2 && count <= MAX_ARMS;
    if (!countOk) out.add('design.arms', arms, armsAllowed, `${count} arm${count === 1 ? '' : 's'} given`);
    armIds = count <= MAX_ARMS ? checkArms(out, arms, kind) : undefined;
    if (
      kind === 'within-patient' &&
      count === 2 &&
      arms.every(isPlainObject) &&
      ownValue(arms[0], 'control') === true &&
      ownValue(arms[1], 'control') !== true
    ) {
      out.add(
        'design.arms',
        arms,
        'the treated site first and the control site ("control": true) second',
        'design.arms[0] is the control; swap the two arms',
      );
    }
  }

  // Sample size and other numbers.
  expressionAt(ctx, design, 'design', 'n', true, `the number of patients: a whole number ≥ ${MIN_N}, or an expression`);
  if (kind === 'parallel') {
    const allocation = ownValue(design, 'allocation');
    if (allocation !== undefined) {
      const k = Array.isArray(arms) ? arms.length : undefined;
      const allowed = `a list of ${k ?? 'one'} positive weight${k === 1 ? '' : 's'}, one per arm`;
      if (!Array.isArray(allocation)) out.add('design.allocation', allocation, allowed);
      else {
        if (k !== undefined && allocation.length !== k) {
          out.add('design.allocation', allocation, allowed, `${allocation.length} given for ${k} arms`);
        }
        allocation.slice(0, MAX_ARMS).forEach((w, i) => checkExpressionValue(ctx, `design.allocation[${i}]`, w, ctx.names));
      }
    }
  }
  numberSpecAt(ctx, design, 'design', 'dropout', false);
  if (kind === 'within-patient') {
    numberSpecAt(
      ctx,
      design,
      'design',
      'correlation',
      true,
      'the correlation between the two sites of a patient: a number in (-1, 1), an expression or a distribution',
    );
    numberSpecAt(ctx, design, 'design', 'spillover', false);
  }
  return { kind, armIds };
}

/** Checks each arm; returns the ids when all are valid and unique. */
function checkArms(out: Collector, arms: unknown[], kind: DesignKind | undefined): string[] | undefined {
  const ids: string[] = [];
  const firstIndex = new Map<string, number>();
  let allValid = true;
  const controls: number[] = [];
  arms.forEach((arm, i) => {
    const path = `design.arms[${i}]`;
    if (!isPlainObject(arm)) {
      out.add(path, arm, 'an object {"id", "label"?, "control"?}');
      allValid = false;
      return;
    }
    checkKeys(out, path, arm, ARM_KEYS, 'an arm');
    const id = ownValue(arm, 'id');
    if (typeof id !== 'string' || !ARM_ID_PATTERN.test(id) || id.length > MAX_NAME_LENGTH || isForbiddenKey(id)) {
      const hint = typeof id === 'string' ? idProblem(id) : undefined;
      out.add(`${path}.id`, id, ARM_ID_ALLOWED, hint);
      allValid = false;
    } else if (firstIndex.has(id)) {
      out.add(`${path}.id`, id, 'an id used by no other arm', `design.arms[${firstIndex.get(id)}] has the same id`);
      allValid = false;
    } else {
      firstIndex.set(id, i);
      ids.push(id);
    }
    optionalString(out, arm, path, 'label');
    const control = ownValue(arm, 'control');
    if (control !== undefined && typeof control !== 'boolean') out.add(`${path}.control`, control, 'true or false');
    if (control === true) controls.push(i);
  });
  if (kind === 'single-arm') {
    for (const i of controls) {
      out.add(
        `design.arms[${i}].control`,
        true,
        'false or absent',
        'a single-arm design has no control arm; its arm is compared with analysis.null',
      );
    }
  } else if (kind === 'parallel' || kind === 'within-patient') {
    if (controls.length === 0 && arms.length > 0 && arms.every(isPlainObject)) {
      out.add('design.arms', arms, 'exactly one arm with "control": true', 'no arm is marked as the control');
    }
    for (const i of controls.slice(1)) {
      out.add(
        `design.arms[${i}].control`,
        true,
        'exactly one arm with "control": true',
        `design.arms[${controls[0]}] is already the control`,
      );
    }
  }
  return allValid ? ids : undefined;
}

/** "an" before a vowel ("an ordinal endpoint"), else "a". */
const article = (word: string | undefined) => (word !== undefined && /^[aeiou]/i.test(word) ? 'an' : 'a');

function checkEndpoint(ctx: Context, design: DesignInfo): EndpointKind | undefined {
  const { out, root } = ctx;
  const MAX_CATEGORIES = ctx.limits.maxCategories;
  const endpoint = objectAt(out, root, '', 'endpoint', 'an object: {"kind", "better", "arms", …}', true);
  if (!endpoint) return undefined;
  const kind = enumAt(out, endpoint, 'endpoint', 'kind', ENDPOINT_KINDS, true) as EndpointKind | undefined;
  const keys = kind ? ENDPOINT_KEYS[kind] : ENDPOINT_KEYS.ordinal;
  checkKeys(out, 'endpoint', endpoint, keys, kind ? `a ${kind} endpoint` : 'endpoint', (k) =>
    k === 'categories' && kind ? '"categories" is used only by ordinal endpoints' : undefined,
  );
  const better = enumAt(out, endpoint, 'endpoint', 'better', ['higher', 'lower'], true);
  // Ordinal categories are listed worst to best, so the better direction is fixed: "lower"
  // would turn every one-sided test the wrong way round.
  if (kind === 'ordinal' && better === 'lower') {
    out.add(
      'endpoint.better',
      better,
      '"higher" for an ordinal endpoint, whose categories are listed worst to best (list them the other way round if yours run best to worst)',
    );
  }
  optionalString(out, endpoint, 'endpoint', 'label');
  optionalString(out, endpoint, 'endpoint', 'unit');

  let categoryCount: number | undefined;
  if (kind === 'ordinal') {
    const cats = ownValue(endpoint, 'categories');
    const allowed = `a list of 2 to ${MAX_CATEGORIES} distinct category names, worst to best`;
    if (!Array.isArray(cats)) out.add('endpoint.categories', cats, allowed);
    else if (cats.length < 2 || cats.length > MAX_CATEGORIES) {
      out.add('endpoint.categories', cats, allowed, `${cats.length} given`);
    } else {
      let ok = true;
      const seen = new Map<string, number>();
      cats.forEach((c, i) => {
        if (typeof c !== 'string' || c.trim() === '') {
          out.add(`endpoint.categories[${i}]`, c, 'a non-empty string');
          ok = false;
        } else if (!checkText(out, `endpoint.categories[${i}]`, c, false)) {
          ok = false;
        } else if (seen.has(c)) {
          out.add(`endpoint.categories[${i}]`, c, 'a name used by no other category', `endpoint.categories[${seen.get(c)}] is the same`);
          ok = false;
        } else seen.set(c, i);
      });
      if (ok) categoryCount = cats.length;
    }
  }

  const arms = objectAt(out, endpoint, 'endpoint', 'arms', 'an object with one entry per arm id of design.arms', true);
  if (!arms) return kind;
  const paramKeys = kind ? ENDPOINT_ARM_KEYS[kind] : undefined;
  const shape = paramKeys ? `{${quoteList(paramKeys)}}` : 'the parameters of the arm';
  const ids = design.armIds;
  if (ids) {
    for (const id of ids) {
      if (ownValue(arms, id) === undefined) out.add(joinPath('endpoint.arms', id), undefined, `the parameters of arm "${id}": ${shape}`);
    }
  }
  for (const key of Object.keys(arms)) {
    const path = joinPath('endpoint.arms', key);
    const value = ownValue(arms, key);
    if (ids && !ids.includes(key)) {
      out.add(
        path,
        value,
        `one entry per arm of design.arms: ${ids.join(', ')}`,
        didYouMean(
          key,
          ids.filter((id) => ownValue(arms, id) === undefined),
        ) ?? didYouMean(key, ids),
      );
      continue;
    }
    if (!paramKeys) continue;
    if (!isPlainObject(value)) {
      out.add(path, value, `an object ${shape}`);
      continue;
    }
    checkKeys(out, path, value, paramKeys, `the ${kind} parameters of an arm`);
    if (kind === 'ordinal') {
      const probs = ownValue(value, 'probs');
      const n = categoryCount;
      const allowed = n
        ? `a list of ${n} probabilities, one per category of endpoint.categories`
        : 'a list of probabilities, one per category';
      if (!Array.isArray(probs)) out.add(`${path}.probs`, probs, allowed);
      else {
        if (n !== undefined && probs.length !== n) out.add(`${path}.probs`, probs, allowed, `${probs.length} given`);
        probs.slice(0, MAX_CATEGORIES).forEach((p, i) => checkNumberSpec(ctx, `${path}.probs[${i}]`, p));
      }
    } else {
      for (const k of paramKeys) numberSpecAt(ctx, value, path, k, true);
    }
  }
  return kind;
}

function checkAnalysis(ctx: Context, designKind: DesignKind | undefined, endpointKind: EndpointKind | undefined): void {
  const { out, root } = ctx;
  const analysis = objectAt(out, root, '', 'analysis', 'an object: {"test", "alpha"?, "sides"?, …}', true);
  if (!analysis) return;
  checkKeys(out, 'analysis', analysis, ANALYSIS_KEYS, 'analysis');
  const test = ownValue(analysis, 'test');
  const fitting = designKind && endpointKind ? testsFitting(designKind, endpointKind) : undefined;
  const fitAllowed = fitting
    ? fitting.length > 0
      ? `a test that fits a ${designKind} design with ${article(endpointKind)} ${endpointKind} endpoint: ${fitting.join(', ')}`
      : `a test that fits a ${designKind} design with ${article(endpointKind)} ${endpointKind} endpoint, but no test does`
    : `one of ${TEST_IDS.join(', ')}`;
  if (!isTestId(test)) {
    out.add(
      'analysis.test',
      test,
      fitAllowed,
      typeof test === 'string'
        ? (didYouMean(test, fitting && fitting.length > 0 ? fitting : TEST_IDS) ?? didYouMean(test, TEST_IDS))
        : undefined,
    );
  } else if (fitting && !fitting.includes(test)) {
    out.add('analysis.test', test, fitAllowed);
  }
  expressionAt(ctx, analysis, 'analysis', 'alpha', false);
  const sides = ownValue(analysis, 'sides');
  if (sides !== undefined && sides !== 1 && sides !== 2) out.add('analysis.sides', sides, '1 or 2');
  const nul = ownValue(analysis, 'null');
  if (nul !== undefined) {
    if (designKind && designKind !== 'single-arm') {
      out.add(
        'analysis.null',
        nul,
        'absent',
        'analysis.null is the value a single-arm design is tested against; other designs compare arms',
      );
    } else expressionAt(ctx, analysis, 'analysis', 'null', false);
  }
  const cc = ownValue(analysis, 'continuityCorrection');
  if (cc !== undefined && typeof cc !== 'boolean') out.add('analysis.continuityCorrection', cc, 'true or false');
  else if (cc === true && isTestId(test) && !CORRECTABLE_TESTS.includes(test)) {
    out.add('analysis.continuityCorrection', cc, 'false or absent', `only ${CORRECTABLE_TESTS.join(' and ')} have a continuity correction`);
  }
  enumAt(out, analysis, 'analysis', 'multiplicity', ['holm', 'bonferroni', 'none'], false);
  enumAt(out, analysis, 'analysis', 'success', ['any', 'all'], false);
}

function checkSimulation(ctx: Context): void {
  const { out, root } = ctx;
  const sim = objectAt(out, root, '', 'simulation', 'an object: {"replicates"?, "seed"?, "precision"?, "fastPath"?}', false);
  if (!sim) return;
  checkKeys(out, 'simulation', sim, SIMULATION_KEYS, 'simulation');
  const reps = ownValue(sim, 'replicates');
  const maxReps = ctx.limits.maxReplicates;
  if (reps !== undefined && !(typeof reps === 'number' && Number.isInteger(reps) && reps >= 1 && reps <= maxReps)) {
    out.add('simulation.replicates', reps, `a whole number from 1 to ${maxReps}`);
  }
  const seed = ownValue(sim, 'seed');
  if (seed !== undefined) {
    const ok =
      (typeof seed === 'string' && seed.length > 0 && seed.length <= MAX_SEED_LENGTH) ||
      (typeof seed === 'number' && Number.isFinite(seed));
    if (!ok) out.add('simulation.seed', seed, `a non-empty string of at most ${MAX_SEED_LENGTH} characters, or a number`);
    else if (typeof seed === 'string') checkText(out, 'simulation.seed', seed, false);
  }
  const precision = ownValue(sim, 'precision');
  if (precision !== undefined && !(typeof precision === 'number' && precision >= MIN_PRECISION && precision < 0.5)) {
    out.add('simulation.precision', precision, `a number in [${MIN_PRECISION}, 0.5): the target half-width of the 95 % interval`);
  }
  optionalBoolean(out, sim, 'simulation', 'fastPath');
}

/** Slots that may hold a distribution (and may be swept inside it). */
function isNumberSpecSlot(s: readonly PathSegment[]): boolean {
  if (s.length === 2 && s[0] === 'design') return s[1] === 'dropout' || s[1] === 'correlation' || s[1] === 'spillover';
  if (s.length === 4 && s[0] === 'endpoint' && s[1] === 'arms') return s[3] === 'mean' || s[3] === 'sd' || s[3] === 'p';
  return s.length === 5 && s[0] === 'endpoint' && s[1] === 'arms' && s[3] === 'probs' && typeof s[4] === 'number';
}

/** Whether a (normalized) path points to a number that a sweep may vary. */
export function isSweepablePath(segments: readonly PathSegment[]): boolean {
  const s = segments;
  if (s.length === 2 && s[0] === 'let') return true;
  if (s.length === 2 && s[0] === 'design' && s[1] === 'n') return true;
  if (s.length === 3 && s[0] === 'design' && s[1] === 'allocation' && typeof s[2] === 'number') return true;
  if (s.length === 2 && s[0] === 'analysis') return s[1] === 'alpha' || s[1] === 'null';
  if (isNumberSpecSlot(s)) return true;
  // A parameter inside a distribution, e.g. endpoint.arms.msc.mean.normal.sd.
  if (s.length >= 4 && isNumberSpecSlot(s.slice(0, -2))) {
    const kind = s[s.length - 2];
    const param = s[s.length - 1];
    if (kind === 'fromCI') return param === 'estimate' || param === 'lower' || param === 'upper';
    if (kind === 'normal' || kind === 'beta' || kind === 'lognormal') return DISTRIBUTION_PARAMS[kind].includes(String(param));
  }
  return false;
}

/** `did you mean "<corrected path>"?` for a path that leads nowhere in `root`. */
export function suggestPath(root: unknown, segments: readonly PathSegment[]): string | undefined {
  const { depth, value } = deepestExisting(root, segments);
  if (depth >= segments.length || !isPlainObject(value)) return undefined;
  const c = closest(
    String(segments[depth]),
    Object.keys(value).filter((k) => !isForbiddenKey(k)),
  );
  if (c === undefined) return undefined;
  const fixed = [...segments];
  fixed[depth] = c;
  return hasPath(root, fixed) ? `did you mean "${formatPath(fixed)}"?` : undefined;
}

const SWEEP_PATH_ALLOWED =
  'the path of a number in this scenario: design.n, design.allocation[i], design.dropout, design.correlation, design.spillover, endpoint.arms.<id>.mean / sd / p / probs[i], analysis.alpha, analysis.null, let.<name>, or a parameter of a distribution there';

function checkSweep(ctx: Context): void {
  const { out, root } = ctx;
  const sweep = objectAt(out, root, '', 'sweep', `an object mapping 1 to ${MAX_SWEEP_PATHS} paths to lists of values`, false);
  if (!sweep) return;
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

function checkBounds(out: Collector, obj: Record<string, unknown>, path: string, key: string): void {
  const b = objectAt(out, obj, path, key, 'an object {"atLeast"?, "atMost"?}', false);
  if (!b) return;
  const p = joinPath(path, key);
  checkKeys(out, p, b, BOUND_KEYS, p);
  const lo = ownValue(b, 'atLeast');
  const hi = ownValue(b, 'atMost');
  // (A misspelt key is reported above; an object with no key at all would check nothing, silently.)
  if (Object.keys(b).length === 0) out.add(p, b, 'an object with "atLeast", "atMost" or both (an empty one would check nothing)');
  const inUnit = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1;
  if (lo !== undefined && !inUnit(lo)) out.add(`${p}.atLeast`, lo, 'a number in [0, 1]');
  if (hi !== undefined && !inUnit(hi)) out.add(`${p}.atMost`, hi, 'a number in [0, 1]');
  if (inUnit(lo) && inUnit(hi) && (lo as number) > (hi as number)) out.add(`${p}.atMost`, hi, `a number ≥ atLeast (${lo as number})`);
}

function checkExpect(ctx: Context): void {
  const { out, root } = ctx;
  const expect = objectAt(out, root, '', 'expect', 'an object: {"power"?, "assurance"?, "sampleSize"?}', false);
  if (!expect) return;
  checkKeys(out, 'expect', expect, EXPECT_KEYS, 'expect');
  checkBounds(out, expect, 'expect', 'power');
  checkBounds(out, expect, 'expect', 'assurance');
  const ss = objectAt(out, expect, 'expect', 'sampleSize', 'an object {"power", "atMost"}', false);
  if (ss) {
    checkKeys(out, 'expect.sampleSize', ss, SAMPLE_SIZE_KEYS, 'expect.sampleSize');
    const power = ownValue(ss, 'power');
    if (!(typeof power === 'number' && power > 0 && power < 1)) out.add('expect.sampleSize.power', power, 'a number in (0, 1)');
    const atMost = ownValue(ss, 'atMost');
    const maxN = ctx.limits.maxN;
    if (!(typeof atMost === 'number' && Number.isInteger(atMost) && atMost >= MIN_N && atMost <= maxN)) {
      out.add('expect.sampleSize.atMost', atMost, `a whole number from ${MIN_N} to ${maxN}`);
    }
  }
}

/** A path that must lead to a value of this scenario (sources, assumptions). */
function checkExistingPath(out: Collector, root: Record<string, unknown>, path: string, v: unknown): void {
  const allowed = 'the path of a value in this scenario, e.g. endpoint.arms.msc.mean';
  if (typeof v !== 'string') {
    out.add(path, v, allowed);
    return;
  }
  const parsed = parsePath(v);
  if (!parsed.ok) out.add(path, v, allowed, parsed.error);
  else if (!hasPath(root, parsed.segments))
    out.add(path, v, allowed, suggestPath(root, parsed.segments) ?? 'the scenario has no value there');
}

function checkSources(ctx: Context): void {
  const { out, root } = ctx;
  const sources = ownValue(root, 'sources');
  if (sources === undefined) return;
  const allowed = 'a list of {"evidence", "paths"?, "note"?}';
  if (!Array.isArray(sources)) {
    out.add('sources', sources, allowed);
    return;
  }
  sources.forEach((s, i) => {
    const path = `sources[${i}]`;
    if (!isPlainObject(s)) {
      out.add(path, s, 'an object {"evidence", "paths"?, "note"?}');
      return;
    }
    checkKeys(out, path, s, SOURCE_KEYS, 'a source');
    const ev = ownValue(s, 'evidence');
    if (typeof ev !== 'string' || ev.trim() === '') out.add(`${path}.evidence`, ev, 'the id of an evidence entry (a non-empty string)');
    else if (!getEvidence(ev))
      out.add(`${path}.evidence`, ev, 'the id of an entry of the evidence library (src/evidence/library.ts)', didYouMean(ev, EVIDENCE_IDS));
    optionalString(out, s, path, 'note', true);
    const paths = ownValue(s, 'paths');
    if (paths !== undefined) {
      if (!Array.isArray(paths)) out.add(`${path}.paths`, paths, 'a list of paths of values in this scenario');
      else paths.forEach((p, j) => checkExistingPath(out, root, `${path}.paths[${j}]`, p));
    }
  });
}

function checkAssumptions(ctx: Context): void {
  const { out, root } = ctx;
  const list = ownValue(root, 'assumptions');
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    out.add('assumptions', list, 'a list of {"path", "note"}');
    return;
  }
  list.forEach((a, i) => {
    const path = `assumptions[${i}]`;
    if (!isPlainObject(a)) {
      out.add(path, a, 'an object {"path", "note"}');
      return;
    }
    checkKeys(out, path, a, ASSUMPTION_KEYS, 'an assumption');
    checkExistingPath(out, root, `${path}.path`, ownValue(a, 'path'));
    const note = ownValue(a, 'note');
    if (typeof note !== 'string') out.add(`${path}.note`, note, 'a string: why the value was chosen');
    else checkText(out, `${path}.note`, note, true);
  });
}
