/**
 * What the form takes from the format's definition (src/scenario/format/):
 * the choices of each select (kinds, direction, tests, sides, multiplicity,
 * success) with their names, and the hint under each field. The form holds
 * no rule of the format of its own.
 */
import { ANALYSIS, CORRECTABLE_TESTS } from '../src/scenario/format/analysis.js';
import { asDesignKind, DESIGN, DESIGN_KINDS } from '../src/scenario/format/design.js';
import { NUMBER_SPEC_HINT } from '../src/scenario/format/distribution.js';
import { asEndpointKind, ENDPOINT, ENDPOINT_KINDS } from '../src/scenario/format/endpoint.js';
import { fieldAt } from '../src/scenario/format/lookup.js';
import type { EnumNode } from '../src/scenario/format/node.js';
import { parsePath } from '../src/scenario/paths.js';

export { asDesignKind, asEndpointKind, NUMBER_SPEC_HINT };

/** A select's options: [value, text]. */
export type Choices = ReadonlyArray<readonly [string, string]>;

/** The choices of an enum, named as the definition names them; the default (when given) is written `''` and marked. */
function choices(node: EnumNode, byDefault?: string | number | boolean): Choices {
  return node.values.map((v) => {
    const name = node.names?.[String(v)] ?? String(v);
    return v === byDefault ? (['', `${name} (default)`] as const) : ([String(v), name] as const);
  });
}

/** `design.kind`. */
export const DESIGN_CHOICES: Choices = DESIGN_KINDS.map((k) => [k, DESIGN.variants[k].title ?? k] as const);

/** `endpoint.kind`. */
export const ENDPOINT_CHOICES: Choices = ENDPOINT_KINDS.map((k) => [k, ENDPOINT.variants[k].title ?? k] as const);

/** `endpoint.better`. */
export const BETTER_CHOICES: Choices = choices(ENDPOINT.variants.continuous.fields.better.node);

/** `analysis.sides`, two-sided first. */
export const SIDES_CHOICES: Choices = [...choices(ANALYSIS.fields.sides.node)].reverse();

/** `analysis.multiplicity`, its default as `''` (the key left out). */
export const MULTIPLICITY_CHOICES: Choices = choices(ANALYSIS.fields.multiplicity.node, ANALYSIS.fields.multiplicity.default);

/** `analysis.success`, its default as `''` (the key left out). */
export const SUCCESS_CHOICES: Choices = choices(ANALYSIS.fields.success.node, ANALYSIS.fields.success.default);

/** The name of a test, as the definition's list of tests gives it. */
export function testName(id: string): string {
  return ANALYSIS.fields.test.node.names?.[id] ?? id;
}

/** The hint of the field at `path` (in the variant of `kind` when the section has kinds), if the definition gives one. */
export function hintAt(path: string, kind?: string): string | undefined {
  const parsed = parsePath(path);
  if (!parsed.ok) return undefined;
  const [section, key] = parsed.segments;
  const design = section === 'design' ? asDesignKind(kind) : undefined;
  if (design && typeof key === 'string' && parsed.segments.length === 2) {
    const fields = DESIGN.variants[design].fields;
    if (Object.hasOwn(fields, key)) return fields[key as keyof typeof fields].hint;
  }
  return fieldAt(parsed.segments)?.hint;
}

/** Whether `test` has a continuity correction (`analysis.continuityCorrection`). */
export function isCorrectable(test: unknown): boolean {
  return (CORRECTABLE_TESTS as readonly unknown[]).includes(test);
}
