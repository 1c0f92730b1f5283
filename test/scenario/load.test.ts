import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPRESSION_ALLOWED } from '../../src/scenario/expressions.js';
import { formatIssue } from '../../src/scenario/format-issues.js';
import { MAX_FILE_BYTES } from '../../src/scenario/limits.js';
import { loadScenario, utf8Length, type LoadResult } from '../../src/scenario/load.js';
import { parseSetArgument } from '../../src/scenario/paths.js';
import { validateScenario } from '../../src/scenario/validate.js';
import type { ValidationIssue } from '../../src/scenario/types.js';
import { EXAMPLES, parallelContinuous, withinContinuous } from './examples.js';

const text = (v: unknown) => JSON.stringify(v, null, 2);
const messages = (r: LoadResult) => (r.ok ? [] : r.issues.map(formatIssue));

describe('loadScenario', () => {
  it.each(Object.keys(EXAMPLES))('loads the %s example', (name) => {
    const r = loadScenario(text(EXAMPLES[name]()));
    expect(messages(r)).toEqual([]);
    expect(r.ok && r.file).toEqual(EXAMPLES[name]());
  });

  it('reports a JSON syntax error with the parser message, the line and the column', () => {
    const r = loadScenario('{\n  "format": "trialsim/1"\n  "title": "x"\n}');
    expect(r.ok).toBe(false);
    const [issue] = r.ok ? [] : r.issues;
    expect(issue).toMatchObject({ path: '', allowed: 'a JSON document' });
    expect(issue.hint).toMatch(/after property value in JSON at position 29.*\(line 3, column 3\)/);
    expect(formatIssue(issue)).toMatch(/^\(root\): got ".*"; allowed: a JSON document \(.*position 29.*\)$/);
    expect(messages(loadScenario(''))).toEqual(['(root): got ""; allowed: a JSON document (Unexpected end of JSON input)']);
  });

  it('rejects files over 1 MiB before parsing them', () => {
    const big = `{"title": "${'x'.repeat(MAX_FILE_BYTES)}"}`;
    expect(messages(loadScenario(big))).toEqual([
      `(root): got "${MAX_FILE_BYTES + 13} bytes"; allowed: a file of at most 1048576 bytes (1 MiB)`,
    ]);
    // Counted in UTF-8 bytes, not characters.
    const wide = `{"title": "${'é'.repeat(MAX_FILE_BYTES / 2)}"}`;
    expect(wide.length).toBeLessThan(MAX_FILE_BYTES);
    expect(loadScenario(wide).ok).toBe(false);
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
  });

  it('applies overrides before validating (the file text is not changed)', () => {
    const r = loadScenario(text(parallelContinuous()), [
      { path: 'design.n', value: 80 },
      { path: 'endpoint.arms.msc.mean', value: '3.89 * 0.8' },
    ]);
    expect(r.ok && r.resolved.design.n).toBe(80);
    expect(r.ok && r.resolved.endpoint.arms.msc).toEqual({ mean: 3.89 * 0.8, sd: 3.01 });
    expect(r.ok && r.file.design.n).toBe(80);
    const set = parseSetArgument('endpoint.arms.saline.sd=2.5');
    const s = loadScenario(text(parallelContinuous()), set.ok ? [set] : []);
    expect(s.ok && s.resolved.endpoint.arms.saline).toEqual({ mean: 1.44, sd: 2.5 });
  });

  it('reports overrides of paths that do not exist, with every other problem', () => {
    const r = loadScenario(text(parallelContinuous()), [
      { path: 'design.nn', value: 80 },
      { path: 'design.dropout', value: 1.5 },
      { path: 'simulation.replicates', value: 0 },
      { path: 'design.__proto__.x', value: 1 },
      { path: 'endpoint.arms.msc.probs[0]', value: 1 },
    ]);
    const allowed = 'the path of a value of the scenario, or of a new key in one of its objects, e.g. design.n or design.dropout';
    expect(messages(r)).toEqual([
      `design.__proto__.x: got 1; allowed: ${allowed} (the segment "__proto__" is not allowed)`,
      `endpoint.arms.msc.probs[0]: got 1; allowed: ${allowed} (the file has no value at this path to override)`,
      // A new key is set, and then judged by the validator like any key of the file.
      expect.stringMatching(/^design\.nn: got 80; allowed: a key of a parallel design: .*\(did you mean "n"\?\)$/),
      'simulation.replicates: got 0; allowed: a whole number from 1 to 10000000',
      'design.dropout: got 1.5; allowed: a number in [0, 1)',
    ]);
  });

  it('adds an optional key the file leaves out, e.g. dropout', () => {
    const f = JSON.parse(text(parallelContinuous()));
    delete f.design.dropout;
    const r = loadScenario(JSON.stringify(f), [{ path: 'design.dropout', value: 0.2 }]);
    expect(r.ok && r.resolved.design.dropout).toBe(0.2);
  });

  it('reports structural problems and value ranges in one pass, each once', () => {
    const f = JSON.parse(text(parallelContinuous()));
    f.design.n = -3;
    f.analysis.tset = 'x';
    f.analysis.test = 'mcnemar-exact';
    f.endpoint.arms.saline.sd = 0;
    f.endpoint.arms.msc.mean = 'nope'; // an unknown name: structural, not reported twice
    f.design.arms[1].id = 'msc'; // duplicate id: every endpoint entry is still checked, once
    expect(messages(loadScenario(text(f)))).toEqual([
      'design.arms[1].id: got "msc"; allowed: an id used by no other arm (design.arms[0] has the same id)',
      `endpoint.arms.msc.mean: got "nope"; allowed: ${EXPRESSION_ALLOWED} (unknown name "nope")`,
      'analysis.tset: got "x"; allowed: a key of analysis: test, alpha, sides, null, continuityCorrection, multiplicity, success (did you mean "test"?)',
      'analysis.test: got "mcnemar-exact"; allowed: a test that fits a parallel design with a continuous endpoint: welch-t, student-t, mann-whitney',
      'design.n: got -3; allowed: a whole number ≥ 2',
      'endpoint.arms.saline.sd: got 0; allowed: a number > 0',
    ]);
    delete f.analysis.tset;
    f.analysis.test = 'welch-t';
    f.design.arms[1].id = 'saline';
    f.endpoint.arms.msc.mean = 1;
    expect(messages(loadScenario(text(f)))).toEqual([
      'design.n: got -3; allowed: a whole number ≥ 2',
      'endpoint.arms.saline.sd: got 0; allowed: a number > 0',
    ]);
  });

  it('reports only the format of a newer version', () => {
    const f = JSON.parse(text(parallelContinuous()));
    f.format = 'trialsim/3';
    f.design.n = -3;
    expect(messages(loadScenario(text(f)))).toEqual([
      'format: got "trialsim/3"; allowed: "trialsim/1" (this engine reads trialsim/1 only; the file was written for trialsim/3, a newer version)',
    ]);
  });

  it('passes the evidence hook through', () => {
    const f = JSON.parse(text(withinContinuous()));
    f.endpoint.arms.treated.mean = { fromCI: { evidence: 'x' } };
    expect(messages(loadScenario(text(f)))).toEqual([
      'endpoint.arms.treated.mean.fromCI.evidence: got "x"; allowed: the id of an evidence entry with an estimate and a 95 % interval (see src/evidence/library.ts) (unknown evidence id)',
    ]);
    const r = loadScenario(text(f), [], { resolveEvidence: () => ({ estimate: 2, lower: 1, upper: 3 }) });
    expect(r.ok && r.resolved.endpoint.arms.treated).toEqual({ mean: { dist: 'normal', mean: 2, sd: 2 / (2 * 1.959964) }, sd: 3 });
  });

  it('never pollutes Object.prototype', () => {
    const evil =
      '{"__proto__": {"polluted": 1}, "format": "trialsim/1", "title": "t", "let": {"__proto__": {"polluted": 2}}, "design": {"constructor": {"prototype": {"polluted": 3}}}}';
    const r = loadScenario(evil, [
      { path: '__proto__.polluted', value: 4 },
      { path: 'constructor.prototype.polluted', value: 5 },
    ]);
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

// ---------------------------------------------------------------------------
// Property tests: untrusted input never makes loadScenario throw.

/** Every issue has a string path and a non-empty `allowed`, formats to one line, and no internal error happened. */
function checkResult(r: LoadResult): void {
  if (r.ok) {
    expect(JSON.parse(JSON.stringify(r.resolved))).toEqual(r.resolved);
    return;
  }
  expect(r.issues.length).toBeGreaterThan(0);
  for (const issue of r.issues as ValidationIssue[]) {
    expect(typeof issue.path).toBe('string');
    expect(typeof issue.allowed).toBe('string');
    expect(issue.allowed.length).toBeGreaterThan(0);
    expect(issue.hint ?? '').not.toMatch(/internal error/);
    const line = formatIssue(issue);
    expect(typeof line).toBe('string');
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

type Segment = string | number;

/** Paths of every value in a JSON tree (objects and arrays included). */
function allPaths(v: unknown, prefix: Segment[] = [], out: Segment[][] = []): Segment[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => allPaths(x, [...prefix, i], out));
  else if (v !== null && typeof v === 'object')
    for (const k of Object.keys(v)) allPaths((v as Record<string, unknown>)[k], [...prefix, k], out);
  return out;
}

/** Keys whose string values are text, not expressions. */
const TEXT_KEYS = new Set([
  '$schema',
  'format',
  'title',
  'description',
  'kind',
  'id',
  'label',
  'test',
  'better',
  'unit',
  'seed',
  'evidence',
  'note',
  'path',
  'multiplicity',
  'success',
]);

/** Whether a string at this path is an expression (not a name, id or note). */
function isExpressionSlot(p: Segment[]): boolean {
  if (p[0] === 'sources' || p[0] === 'assumptions' || (p[0] === 'endpoint' && p[1] === 'categories')) return false;
  return !TEXT_KEYS.has(String(p[p.length - 1]));
}

/** Defines an own property (so "__proto__" stays an own key). */
function define(obj: object, key: Segment, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

const nastyStrings = fc.constantFrom(
  'import({}, {})',
  "evaluate('1')",
  'a.constructor',
  'f(x)=1',
  '[1,2,3]',
  '1 to cm',
  '__proto__',
  'constructor',
  '1/0',
  'sqrt(-1)',
  '2 ^ 2000',
  'n0 * 2',
  '((((1))))',
  '',
  'x'.repeat(600),
  'trialsim/2',
  'welch-t',
  'parallel',
  'design.n',
  'let.__proto__',
);
const keys = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'n', 'kind', 'arms', 'sweep', 'let', 'normal', 'fromCI', 'evidence', 'design.n'),
);
const values = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nastyStrings,
  fc.double(),
  fc.integer({ min: -5, max: 200_000 }),
  fc.constantFrom(-0, 0.5, 1e-300, Number.MAX_VALUE),
  fc.constantFrom({ normal: { mean: 1, sd: 0 } }, { fromCI: { evidence: 'x' } }, { beta: { alpha: -1, beta: 1 } }, [0.5, 0.5], []),
);
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'delete', 'add'),
  key: keys,
  value: values,
});

function mutate(base: unknown, mutations: Array<{ at: number; kind: string; key: string; value: unknown }>): unknown {
  let doc: unknown = JSON.parse(JSON.stringify(base));
  for (const original of mutations) {
    const m = { ...original, value: structuredClone(original.value) }; // never share (and grow) generated values
    const paths = allPaths(doc);
    const path = paths[m.at % paths.length];
    if (path.length === 0) {
      if (m.kind === 'replace') doc = m.value;
      continue;
    }
    let parent = doc as Record<Segment, unknown>;
    for (const s of path.slice(0, -1)) parent = parent[s] as Record<Segment, unknown>;
    const last = path[path.length - 1];
    if (m.kind === 'replace') define(parent, last, m.value);
    else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
    } else {
      const target = parent[last];
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) define(target, m.key, m.value);
      else if (Array.isArray(target)) target.push(m.value);
    }
  }
  return doc;
}

describe('loadScenario: property tests', () => {
  it('never throws on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        checkResult(loadScenario(JSON.stringify(v) ?? 'null'));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        checkResult(loadScenario(s));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on random mutations of valid scenarios', () => {
    const bases = Object.values(EXAMPLES).map((make) => make());
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 5 }), (b, ms) => {
        const doc = mutate(bases[b], ms);
        checkResult(loadScenario(JSON.stringify(doc) ?? 'null'));
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws when numbers are replaced by arbitrary numbers and expressions (exercises resolution)', () => {
    const token = fc.constantFrom(
      '1',
      '2.5',
      '0',
      '1e308',
      '-',
      '+',
      '*',
      '/',
      '^',
      '(',
      ')',
      'pi',
      'e',
      'sqrt(',
      'log(',
      ',',
      'k',
      'min(',
      'round(',
    );
    const expression = fc.array(token, { minLength: 1, maxLength: 10 }).map((t) => t.join(' '));
    const number = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -3, max: 120_000 }),
      fc.constantFrom(0, 1, 2, 0.5, -1, 1e-9),
      expression,
    );
    const bases = Object.values(EXAMPLES).map((make) => {
      const f = make() as unknown as Record<string, unknown>;
      f.let = { k: 2, ...(f.let as object) };
      return f;
    });
    let resolvedOrRanges = 0;
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.array(fc.tuple(fc.nat(), number), { minLength: 1, maxLength: 4 }), (b, edits) => {
        const doc = JSON.parse(JSON.stringify(bases[b])) as Record<string, unknown>;
        const numeric = allPaths(doc).filter((p) => {
          let v: unknown = doc;
          for (const seg of p) v = (v as Record<Segment, unknown>)[seg];
          return typeof v === 'number' || (typeof v === 'string' && isExpressionSlot(p));
        });
        for (const [at, value] of edits) {
          const p = numeric[at % numeric.length];
          let parent = doc as Record<Segment, unknown>;
          for (const s of p.slice(0, -1)) parent = parent[s] as Record<Segment, unknown>;
          parent[p[p.length - 1]] = value;
        }
        const r = loadScenario(JSON.stringify(doc), [], { checkSweep: true });
        checkResult(r);
        if (r.ok || validateScenario(JSON.parse(JSON.stringify(doc))).ok) resolvedOrRanges++;
      }),
      { numRuns: 1000, seed: 529489096 },
    );
    expect(resolvedOrRanges).toBeGreaterThan(300); // most edits reach resolution
  });

  it('never throws on random overrides', () => {
    const base = text(parallelContinuous());
    const override = fc.record({
      path: fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom(
          'design.n',
          'design.arms[0].id',
          'endpoint.arms.msc.mean',
          'sweep["design.n"][0]',
          'let',
          'analysis',
          'design.arms.1',
        ),
      ),
      value: values,
    });
    fc.assert(
      fc.property(fc.array(override, { maxLength: 4 }), (overrides) => {
        checkResult(loadScenario(base, overrides));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on --set arguments', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (arg) => {
        const parsed = parseSetArgument(arg);
        if (parsed.ok) checkResult(loadScenario(text(parallelContinuous()), [parsed]));
        else expect(typeof formatIssue(parsed.issue)).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});
