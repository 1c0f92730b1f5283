/**
 * A small JSON Schema (draft 2020-12) checker for the keywords that
 * scenarios/scenario.schema.json uses, so the tests can check the examples
 * against the schema without a validator package. Unknown keywords are
 * errors, so the schema cannot silently use one this checker ignores.
 */

type Schema = Record<string, unknown> | boolean;

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$defs', 'markdownDescription', 'default', 'examples']);
const KEYWORDS = new Set([
  '$ref',
  'type',
  'const',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'propertyNames',
  'minProperties',
  'maxProperties',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'oneOf',
  'not',
]);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'null':
      return v === null;
  }
  throw new Error(`unknown type ${type}`);
}

/** Errors of `value` against `schema` (empty when valid); `root` resolves `#/$defs/...` references. */
export function schemaErrors(schema: Schema, value: unknown, root: Record<string, unknown>, path = ''): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: not allowed`];
  const errors: string[] = [];
  const err = (m: string) => errors.push(`${path || '(root)'}: ${m}`);
  for (const k of Object.keys(schema)) {
    if (!KEYWORDS.has(k) && !ANNOTATIONS.has(k)) throw new Error(`unsupported keyword ${k} at ${path}`);
  }
  const s = schema;
  if (typeof s.$ref === 'string') {
    const m = /^#\/\$defs\/(.+)$/.exec(s.$ref);
    if (!m) throw new Error(`unsupported $ref ${s.$ref}`);
    const target = (root.$defs as Record<string, Schema>)[m[1]];
    if (target === undefined) throw new Error(`missing $defs/${m[1]}`);
    errors.push(...schemaErrors(target, value, root, path));
  }
  if (typeof s.type === 'string' && !typeOk(s.type, value)) {
    err(`expected ${s.type}`);
    return errors;
  }
  if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(value)) err(`expected ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(value)))
    err(`expected one of ${JSON.stringify(s.enum)}`);
  if (typeof value === 'string') {
    if (typeof s.minLength === 'number' && [...value].length < s.minLength) err('too short');
    if (typeof s.maxLength === 'number' && [...value].length > s.maxLength) err('too long');
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) err(`does not match ${s.pattern}`);
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) err(`below ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum) err(`above ${s.maximum}`);
    if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) err(`not above ${s.exclusiveMinimum}`);
    if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) err(`not below ${s.exclusiveMaximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) err('too few items');
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) err('too many items');
    if (s.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) err('items not unique');
    if (s.items !== undefined) value.forEach((v, i) => errors.push(...schemaErrors(s.items as Schema, v, root, `${path}[${i}]`)));
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (typeof s.minProperties === 'number' && keys.length < s.minProperties) err('too few properties');
    if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties) err('too many properties');
    if (Array.isArray(s.required)) for (const r of s.required as string[]) if (!keys.includes(r)) err(`missing ${r}`);
    const props = (isObject(s.properties) ? s.properties : {}) as Record<string, Schema>;
    for (const k of keys) {
      const p = `${path ? `${path}.` : ''}${k}`;
      if (s.propertyNames !== undefined) errors.push(...schemaErrors(s.propertyNames as Schema, k, root, `${p} (name)`));
      if (Object.hasOwn(props, k)) errors.push(...schemaErrors(props[k], value[k], root, p));
      else if (s.additionalProperties !== undefined) errors.push(...schemaErrors(s.additionalProperties as Schema, value[k], root, p));
    }
  }
  if (Array.isArray(s.oneOf)) {
    const passing = (s.oneOf as Schema[]).filter((sub) => schemaErrors(sub, value, root, path).length === 0).length;
    if (passing !== 1) err(`matches ${passing} of the oneOf alternatives, not exactly 1`);
  }
  if (s.not !== undefined && schemaErrors(s.not as Schema, value, root, path).length === 0) err('matches a "not" schema');
  return errors;
}
