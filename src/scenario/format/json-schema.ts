/**
 * The JSON Schema (draft 2020-12) of the format, generated from the
 * definition; `npm run schema` writes it to `scenarios/scenario.schema.json`
 * for editors, and a test fails when the committed file is out of date.
 *
 * The schema states the shape and the bounds that do not need evaluation
 * (types, keys, kinds, list lengths, literal ranges at the default limits);
 * what depends on evaluated expressions or on other fields (ranges of
 * expressions, one entry per arm, a test that fits) is the validator's.
 */
import { DEFAULT_LIMITS, MAX_EXPRESSION_LENGTH } from '../limits.js';
import { DISTRIBUTIONS, DISTRIBUTION_KINDS, EXPRESSION_DOC, NUMBER_SPEC_DOC } from './distribution.js';
import type { Field, LimitName, Node, ObjectNode } from './node.js';
import { rangeFor } from './range.js';
import { SCENARIO, SCENARIO_FORMAT } from './scenario.js';

type Json = { [key: string]: unknown };

const ref = (name: string): Json => ({ $ref: `#/$defs/${name}` });
const limit = (n: number | LimitName | undefined) => (typeof n === 'string' ? DEFAULT_LIMITS[n] : n);

/** Builds the schema, collecting `$defs` on the way. */
class SchemaWriter {
  readonly defs: Json = {};

  constructor() {
    this.defs.expression = {
      description: EXPRESSION_DOC,
      oneOf: [
        { type: 'number', description: 'A literal number.' },
        {
          type: 'string',
          minLength: 1,
          maxLength: MAX_EXPRESSION_LENGTH,
          description: 'A mathjs expression, e.g. "2 * n0" or "sqrt(2) * sd".',
        },
      ],
    };
    this.defs.numberSpec = { description: NUMBER_SPEC_DOC, oneOf: [ref('expression'), ref('distribution')] };
    this.defs.distribution = {
      description: 'An uncertain parameter: normal, beta, lognormal, or derived from an estimate with its 95 % interval (fromCI).',
      oneOf: DISTRIBUTION_KINDS.map((k) => {
        const field: Field = DISTRIBUTIONS[k];
        return {
          type: 'object',
          description: field.doc,
          required: [k],
          additionalProperties: false,
          properties: { [k]: this.field(field) },
        };
      }),
    };
  }

  field(f: Field): Json {
    return { ...this.node(f.node), description: f.doc, ...(f.default === undefined ? {} : { default: f.default }) };
  }

  object(o: ObjectNode, doc = o.doc): Json {
    const keys = Object.keys(o.fields);
    const required = keys.filter((k) => o.fields[k].required);
    return {
      type: 'object',
      ...(doc ? { description: doc } : {}),
      ...(required.length > 0 ? { required } : {}),
      additionalProperties: false,
      ...(o.nonEmpty ? { minProperties: 1 } : {}),
      properties: Object.fromEntries(keys.map((k) => [k, this.field(o.fields[k])])),
    };
  }

  node(n: Node): Json {
    switch (n.type) {
      case 'text': {
        const s: Json = { type: 'string' };
        if (n.nonBlank || n.nonEmpty) s.minLength = 1;
        if (n.maxLength !== undefined) s.maxLength = n.maxLength;
        if (n.pattern) s.pattern = n.pattern.source;
        if (n.forbidden) s.not = { enum: [...n.forbidden] };
        return n.orNumber ? { oneOf: [s, { type: 'number' }] } : s;
      }
      case 'enum':
        if (!n.ref) return { enum: [...n.values] };
        this.defs[n.ref.name] = { description: n.ref.doc, enum: [...n.values] };
        return ref(n.ref.name);
      case 'const':
        return { const: n.value };
      case 'boolean':
        return { type: 'boolean' };
      case 'number': {
        const r = rangeFor(n.range, DEFAULT_LIMITS);
        const s: Json = { type: r.integer ? 'integer' : 'number' };
        if (r.min !== undefined) s[r.minOpen ? 'exclusiveMinimum' : 'minimum'] = r.min;
        if (r.max !== undefined) s[r.maxOpen ? 'exclusiveMaximum' : 'maximum'] = r.max;
        return s;
      }
      case 'expression':
        return ref('expression');
      case 'param':
        return ref('numberSpec');
      case 'list': {
        const s: Json = { type: 'array' };
        if (n.minItems !== undefined) s.minItems = n.minItems;
        if (n.maxItems !== undefined) s.maxItems = limit(n.maxItems);
        if (n.unique) s.uniqueItems = true;
        s.items = { ...this.node(n.item), ...(n.itemDoc ? { description: n.itemDoc } : {}) };
        return s;
      }
      case 'record': {
        const s: Json = { type: 'object' };
        if (n.minProperties !== undefined) s.minProperties = n.minProperties;
        if (n.maxProperties !== undefined) s.maxProperties = limit(n.maxProperties);
        if (n.keys) {
          const names: Json = {};
          if (n.keys.pattern) names.pattern = n.keys.pattern.source;
          if (n.keys.maxLength !== undefined) names.maxLength = n.keys.maxLength;
          if (n.keys.not) names.not = { enum: [...n.keys.not] };
          s.propertyNames = names;
        }
        s.additionalProperties = { ...this.node(n.value), ...(n.valueDoc ? { description: n.valueDoc } : {}) };
        return s;
      }
      case 'object':
        if (!n.ref) return this.object(n);
        this.defs[n.ref] = this.object(n);
        return ref(n.ref);
      case 'variants': {
        const kinds = Object.keys(n.variants);
        this.defs[n.kindRef.name] = { description: n.kindRef.doc, enum: kinds };
        this.defs[n.ref] = {
          description: n.doc,
          type: 'object',
          required: ['kind'],
          properties: { kind: { ...ref(n.kindRef.name), description: n.kindRef.fieldDoc } },
          oneOf: kinds.map((k) => this.object(n.variants[k])),
        };
        return ref(n.ref);
      }
      case 'alternatives':
        return { description: n.doc, oneOf: n.options.map((o) => this.object(o)) };
    }
  }
}

/** The JSON Schema of `trialsim/1`, as written to `scenarios/scenario.schema.json`. */
export function scenarioJsonSchema(): Json {
  const w = new SchemaWriter();
  const root = w.object(SCENARIO);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `trialsim scenario (format ${SCENARIO_FORMAT})`,
    ...root,
    $defs: w.defs,
  };
}

/** The text of the schema file: two-space indentation and a final line break. */
export function schemaText(schema: Json): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
