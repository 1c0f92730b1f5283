/**
 * Structural validation of a parsed scenario file (`trialsim/1`).
 *
 * `validateScenario` walks an untrusted JSON value along the format's
 * definition (`format/scenario.ts`) and reports every problem it finds, each
 * with a JSON path, the offending value and what is allowed; the checks that
 * involve several fields are rules (`validate/*-rules.ts`). Expressions are
 * parsed and their names checked here; their values (ranges such as `n ≥ 2`,
 * `sd > 0`) are checked by `resolveScenario`, which needs the evaluated numbers.
 *
 * Only own properties are read; no value of the input is ever assigned as a
 * key of an object with a prototype, so `__proto__` keys cannot pollute anything.
 */
import { IssueCollector, type Result } from './issues.js';
import { limitsOf, type ScenarioLimits } from './limits.js';
import { isPlainObject, ownValue } from './paths.js';
import { SCENARIO, SCENARIO_FORMAT, type ScenarioFile } from './format/scenario.js';
import { ANALYSIS_RULES } from './validate/analysis-rules.js';
import type { Context } from './validate/context.js';
import { jsonDepthIssue } from './validate/depth.js';
import { DESIGN_RULES } from './validate/design-rules.js';
import { ENDPOINT_RULES } from './validate/endpoint-rules.js';
import { EXPECT_RULES } from './validate/expect-rules.js';
import { PROVENANCE_RULES } from './validate/provenance-rules.js';
import { SWEEP_RULES } from './validate/sweep-rules.js';
import { walkObject } from './validate/walk.js';

export { ARM_ID_ALLOWED, DESIGN_KEYS, DESIGN_KINDS } from './format/design.js';
export { DISTRIBUTION_KINDS, NUMBER_SPEC_ALLOWED } from './format/distribution.js';
export { ENDPOINT_KEYS, ENDPOINT_KINDS } from './format/endpoint.js';
export { isSweepablePath } from './format/lookup.js';
export { jsonDepthIssue } from './validate/depth.js';
export { suggestPath } from './validate/suggest-path.js';

/** Result of `validateScenario`: the file itself, typed, or every problem found. */
export type ValidationResult = Result<ScenarioFile>;

/** Options of `validateScenario`. */
export interface ValidateOptions {
  /** The limits of this run (default `DEFAULT_LIMITS`); set by the person running, never by the file. */
  limits?: Partial<ScenarioLimits>;
}

/** Keys of the top level of a scenario file. */
export const ROOT_KEYS = Object.keys(SCENARIO.fields) as (keyof typeof SCENARIO.fields)[];

const RULES = { ...SWEEP_RULES, ...DESIGN_RULES, ...ENDPOINT_RULES, ...ANALYSIS_RULES, ...EXPECT_RULES, ...PROVENANCE_RULES };

/**
 * Checks the structure of a parsed JSON value and returns the scenario, or
 * every problem found. Never throws.
 */
export function validateScenario(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const out = new IssueCollector();
  try {
    if (conforms(input, out, limitsOf(options.limits))) return { ok: true, value: input };
  } catch (e) {
    // Not reachable for JSON input; guards against exotic objects (throwing getters, proxies).
    out.add('', undefined, 'a scenario that can be read', `internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { ok: false, issues: out.issues };
}

/** Whether `format` names a newer version of the format (`trialsim/2`, …), which this engine cannot read. */
export function isNewerFormat(format: unknown): boolean {
  const m = typeof format === 'string' ? /^trialsim\/(\d+)$/.exec(format) : null;
  return m !== null && Number(m[1]) > 1;
}

/**
 * Walks `input` along `SCENARIO` and records every problem in `out`. The walk
 * checks each kind of node as `Infer` types it (`format/node.ts`), so a value
 * it accepts has the type inferred from the same definition: this predicate
 * is where the two meet.
 */
function conforms(input: unknown, out: IssueCollector, limits: ScenarioLimits): input is ScenarioFile {
  if (!isPlainObject(input)) {
    out.add('', input, SCENARIO.allowed);
    return false;
  }
  // Too deep a document is reported alone: nothing else should walk it.
  const deep = jsonDepthIssue(input);
  if (deep) {
    out.push(deep);
    return false;
  }
  // A newer format may look entirely different: report that alone.
  const format = ownValue(input, 'format');
  if (format !== SCENARIO_FORMAT) {
    if (isNewerFormat(format)) {
      out.add(
        'format',
        format,
        `"${SCENARIO_FORMAT}"`,
        `this engine reads ${SCENARIO_FORMAT} only; the file was written for ${format}, a newer version`,
      );
      return false;
    }
    out.add('format', format, `"${SCENARIO_FORMAT}"`);
  }
  const ctx: Context = { root: input, out, names: new Set(), limits, rules: RULES, kinds: {} };
  walkObject(ctx, SCENARIO, input, '', '', ['format']);
  return out.clean;
}
