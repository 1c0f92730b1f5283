/**
 * The defaults of optional fields, read from the definition with their types:
 * `resolveScenario` fills them in, the schema states them, the form marks them.
 */
import type { EnumNode, Field } from './node.js';

const missing = (what: string): Error => new Error(`bug: the format's definition gives no ${what} default here`);

/** The default of an enum field (one of its values). */
export function enumDefault<V extends string | number>(field: Field<EnumNode<V>>): V {
  const v = field.node.values.find((x) => x === field.default);
  if (v === undefined) throw missing('enum');
  return v;
}

/** The default of a number field. */
export function numberDefault(field: Field): number {
  if (typeof field.default !== 'number') throw missing('number');
  return field.default;
}

/** The default of a true-or-false field. */
export function booleanDefault(field: Field): boolean {
  if (typeof field.default !== 'boolean') throw missing('boolean');
  return field.default;
}

/** The default of a text field. */
export function textDefault(field: Field): string {
  if (typeof field.default !== 'string') throw missing('text');
  return field.default;
}
