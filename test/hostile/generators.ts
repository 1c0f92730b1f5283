/**
 * fast-check generators of scenario files for the hostile tests: valid
 * examples mutated at random places (replaced, deleted or added values, among
 * them hostile ones), and numeric edits that keep the structure, so that many
 * files get through validation and reach the engine.
 */
import fc from 'fast-check';
import { EXAMPLES } from '../scenario/examples.js';

type Segment = string | number;

/** Every path to a value in a JSON document, the root (`[]`) first. */
export function allPaths(doc: unknown): Segment[][] {
  const out: Segment[][] = [];
  const walk = (v: unknown, path: Segment[]) => {
    out.push(path);
    if (Array.isArray(v)) v.forEach((c, i) => walk(c, [...path, i]));
    else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], [...path, k]);
  };
  walk(doc, []);
  return out;
}

/** Sets an own property, even `__proto__` (as JSON.parse does). */
function define(parent: Record<Segment, unknown>, key: Segment, value: unknown): void {
  Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Strings an attacker or a careless editor might put anywhere. */
export const nastyStrings = fc.constantFrom(
  'import({}, {})',
  "evaluate('1')",
  'createUnit("x")',
  'a.constructor',
  'f(x)=1',
  'x = 1',
  '[1,2,3]',
  'ones(1e6, 1e6)',
  '1 to cm',
  '__proto__',
  'constructor',
  'prototype',
  'NaN',
  'Infinity',
  '1e999',
  '1/0',
  '0/0',
  'sqrt(-1)',
  '2 ^ 2000',
  '((((((((((1))))))))))',
  '',
  ' ',
  'x'.repeat(600),
  'trialsim/2',
  'welch-t',
  'parallel',
  'design.n',
  'let.__proto__',
  '\u001b[2J',
  'a\u202eb',
  '\ud800',
  'm\u0455c',
);

const keys = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'n',
    'kind',
    'arms',
    'sweep',
    'let',
    'normal',
    'beta',
    'fromCI',
    'evidence',
    'design.n',
    'control',
    'probs',
  ),
);

/** Any value a mutation may put somewhere. */
export const hostileValues = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nastyStrings,
  fc.double(),
  fc.integer({ min: -5, max: 200_000 }),
  fc.constantFrom(-0, 0.5, 1e-300, 1e308, -1e308, Number.MAX_VALUE, 5e-324, 2 ** 53 + 1),
  fc.constantFrom(
    { normal: { mean: 1, sd: 0 } },
    { normal: { mean: 0, sd: 1e300 } },
    { lognormal: { meanlog: 600, sdlog: 1 } },
    { fromCI: { evidence: 'x' } },
    { fromCI: { estimate: 50, lower: 40, upper: 60, unit: '%' } },
    { beta: { alpha: 1e-300, beta: 1 } },
    [0.5, 0.5],
    [],
    {},
  ),
);

const mutation = fc.record({ at: fc.nat(), kind: fc.constantFrom('replace', 'delete', 'add'), key: keys, value: hostileValues });

/** A copy of `base` with the mutations applied (each at a random existing place). */
export function mutate(base: unknown, mutations: ReadonlyArray<{ at: number; kind: string; key: string; value: unknown }>): unknown {
  let doc: unknown = JSON.parse(JSON.stringify(base));
  for (const m of mutations) {
    const value = structuredClone(m.value);
    const paths = allPaths(doc);
    const path = paths[m.at % paths.length];
    if (path.length === 0) {
      if (m.kind === 'replace') doc = value;
      continue;
    }
    let parent = doc as Record<Segment, unknown>;
    for (const s of path.slice(0, -1)) parent = parent[s] as Record<Segment, unknown>;
    const last = path[path.length - 1];
    if (m.kind === 'replace') define(parent, last, value);
    else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
    } else {
      const target = parent[last];
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) define(target as Record<Segment, unknown>, m.key, value);
      else if (Array.isArray(target)) target.push(value);
    }
  }
  return doc;
}

const bases = Object.values(EXAMPLES).map((make) => make());

/** A valid example with 1 to 5 random (mostly hostile) mutations: usually invalid. */
export const mutatedScenario = fc
  .tuple(fc.nat({ max: bases.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 5 }))
  .map(([b, ms]) => mutate(bases[b], ms));

/** Numbers and expressions for numeric slots: often in range, sometimes not. */
const numeric = fc.oneof(
  fc.integer({ min: 2, max: 300 }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.double({ min: -5, max: 5, noNaN: true }),
  fc.constantFrom(0, 1, 2, 0.5, 0.999, 1e-9, -1, 1e6, 1e13, '1/3', '2 * 10', 'sqrt(2)', 'pi / 10', 'max(0.1, 0.2)', '1e999'),
);

/** A valid example with 1 to 4 of its numbers replaced: a good share stays valid and is simulated. */
export const numericEditedScenario = fc
  .tuple(fc.nat({ max: bases.length - 1 }), fc.array(fc.tuple(fc.nat(), numeric), { minLength: 1, maxLength: 4 }))
  .map(([b, edits]) => {
    const doc = JSON.parse(JSON.stringify(bases[b])) as Record<string, unknown>;
    const numbers = allPaths(doc).filter((p) => {
      let v: unknown = doc;
      for (const s of p) v = (v as Record<Segment, unknown>)[s];
      return typeof v === 'number' && p[0] !== 'sweep';
    });
    for (const [at, value] of edits) {
      const p = numbers[at % numbers.length];
      let parent = doc as Record<Segment, unknown>;
      for (const s of p.slice(0, -1)) parent = parent[s] as Record<Segment, unknown>;
      parent[p[p.length - 1]] = value;
    }
    return doc;
  });

/** Arbitrary JSON, mutated examples and numeric edits, mixed. */
export const anyScenario = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 1 },
  { arbitrary: mutatedScenario, weight: 3 },
  { arbitrary: numericEditedScenario, weight: 3 },
);
