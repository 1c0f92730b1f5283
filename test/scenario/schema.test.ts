import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEST_IDS } from '../../src/analysis/catalog.js';
import { letNameProblem } from '../../src/scenario/expressions.js';
import { scenarioJsonSchema, schemaText } from '../../src/scenario/format/json-schema.js';
import {
  MAX_ARMS,
  MAX_CATEGORIES,
  MAX_EXPRESSION_LENGTH,
  MAX_LET_NAMES,
  MAX_N,
  MAX_REPLICATES,
  MIN_PRECISION,
  MAX_SWEEP_PATHS,
  MAX_SWEEP_VALUES,
} from '../../src/scenario/limits.js';
import { SCENARIO_FORMAT } from '../../src/scenario/types.js';
import { DESIGN_KEYS, DESIGN_KINDS, ENDPOINT_KEYS, ENDPOINT_KINDS, ROOT_KEYS, validateScenario } from '../../src/scenario/validate.js';
import { EXAMPLES, loose, parallelContinuous } from './examples.js';
import { schemaErrors } from './json-schema-subset.js';

const dir = new URL('../../scenarios/', import.meta.url);
const text = readFileSync(new URL('scenario.schema.json', dir), 'utf8');
const schema = JSON.parse(text) as Record<string, any>;
const defs = schema.$defs as Record<string, any>;

describe('scenarios/scenario.schema.json', () => {
  it('is what `npm run schema` generates from the definition (src/scenario/format/)', () => {
    expect(text).toBe(schemaText(scenarioJsonSchema()));
  });

  it('is a draft 2020-12 JSON Schema of the trialsim/1 format', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.format.const).toBe(SCENARIO_FORMAT);
    expect(Object.keys(schema.properties)).toEqual([...ROOT_KEYS]);
    expect(schema.additionalProperties).toBe(false);
  });

  it('lists the same tests and kinds as the engine', () => {
    expect(defs.testId.enum).toEqual([...TEST_IDS]);
    expect(defs.designKind.enum).toEqual([...DESIGN_KINDS]);
    expect(defs.endpointKind.enum).toEqual([...ENDPOINT_KINDS]);
    expect(defs.design.oneOf.map((b: any) => b.properties.kind.const)).toEqual([...DESIGN_KINDS]);
    expect(defs.endpoint.oneOf.map((b: any) => b.properties.kind.const)).toEqual([...ENDPOINT_KINDS]);
    for (const b of defs.design.oneOf)
      expect(Object.keys(b.properties)).toEqual(expect.arrayContaining([...DESIGN_KEYS[b.properties.kind.const as 'parallel']]));
    for (const b of defs.design.oneOf)
      expect(Object.keys(b.properties)).toHaveLength(DESIGN_KEYS[b.properties.kind.const as 'parallel'].length);
    for (const b of defs.endpoint.oneOf)
      expect(Object.keys(b.properties).sort()).toEqual([...ENDPOINT_KEYS[b.properties.kind.const as 'ordinal']].sort());
  });

  it('states the same limits as src/scenario/limits.ts', () => {
    expect(defs.expression.oneOf[1].maxLength).toBe(MAX_EXPRESSION_LENGTH);
    expect(schema.properties.sweep.maxProperties).toBe(MAX_SWEEP_PATHS);
    expect(schema.properties.sweep.additionalProperties.maxItems).toBe(MAX_SWEEP_VALUES);
    expect(schema.properties.let.maxProperties).toBe(MAX_LET_NAMES);
    expect(defs.simulation.properties.replicates.maximum).toBe(MAX_REPLICATES);
    expect(defs.simulation.properties.precision.minimum).toBe(MIN_PRECISION);
    expect(defs.expect.properties.sampleSize.properties.atMost.maximum).toBe(MAX_N);
    expect(defs.design.oneOf[0].properties.arms.maxItems).toBe(MAX_ARMS);
    expect(defs.endpoint.oneOf[2].properties.categories.maxItems).toBe(MAX_CATEGORIES);
    for (const name of schema.properties.let.propertyNames.not.enum) expect(letNameProblem(name)).toBeDefined();
  });

  it('documents every property (for editor completion)', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}[${i}]`));
      if (node === null || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (o.properties && typeof o.properties === 'object') {
        for (const [k, v] of Object.entries(o.properties as Record<string, any>)) {
          if (typeof v.description !== 'string' || v.description.length < 10) missing.push(`${path}.properties.${k}`);
        }
      }
      for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
    };
    walk(schema, '#');
    for (const [k, v] of Object.entries(defs)) if (typeof v.description !== 'string') missing.push(`#/$defs/${k}`);
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(EXAMPLES))('accepts the %s example', (name) => {
    expect(schemaErrors(schema, JSON.parse(JSON.stringify(EXAMPLES[name]())), schema)).toEqual([]);
  });

  it('accepts the shipped scenario files, which the validator accepts too', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const data = JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
      expect({ f, errors: schemaErrors(schema, data, schema) }).toEqual({ f, errors: [] });
      expect({ f, ok: validateScenario(data).ok }).toEqual({ f, ok: true });
    }
  });

  it('rejects what the validator rejects structurally', () => {
    const cases: Array<(f: Record<string, any>) => void> = [
      (f) => (f.format = 'trialsim/2'),
      (f) => (f.simulation.replicats = 1),
      (f) => (f.design.kind = 'crossover'),
      (f) => (f.analysis.test = 'welch'),
      (f) => (f.design.arms[0].id = 'my arm'),
      (f) => (f.design.n = { normal: { mean: 70, sd: 5 } }),
      (f) => (f.endpoint.arms.msc.mean = { normal: { mean: 1 } }),
      (f) => (f.endpoint.arms.msc.mean = { fromCI: { evidence: 'x', estimate: 1 } }),
      (f) => (f.sweep = { a: [1], b: [2], c: [3] }),
      (f) => (f.let = { pi: 3 }),
      (f) => (f.design.correlation = 0.5),
      (f) => (f.analysis.sides = 3),
    ];
    for (const change of cases) {
      const f = loose(parallelContinuous());
      change(f);
      expect(validateScenario(f).ok).toBe(false);
      expect({ change: change.toString(), rejected: schemaErrors(schema, f, schema).length > 0 }).toEqual({
        change: change.toString(),
        rejected: true,
      });
    }
  });
});
