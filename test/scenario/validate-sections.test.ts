import { describe, expect, it } from 'vitest';
import { EXPRESSION_ALLOWED } from '../../src/scenario/expressions.js';
import { formatIssue } from '../../src/scenario/format-issues.js';
import { isSweepablePath, NUMBER_SPEC_ALLOWED, validateScenario } from '../../src/scenario/validate.js';
import { loose, parallelBinary, parallelContinuous, parallelOrdinal, singleBinary, withinBinary, withinContinuous } from './examples.js';

/** The formatted messages of validating `input`, or [] when valid. */
function messages(input: unknown): string[] {
  const r = validateScenario(input);
  return r.ok ? [] : r.issues.map(formatIssue);
}

const ROOT_KEYS = '$schema, format, title, description, let, sources, assumptions, design, endpoint, analysis, simulation, sweep, expect';

describe('validateScenario: endpoint', () => {
  it('requires endpoint.arms keys to equal the design arm ids', () => {
    const f = loose(parallelContinuous());
    f.endpoint.arms.salin = f.endpoint.arms.saline;
    delete f.endpoint.arms.saline;
    f.endpoint.arms.extra = { mean: 1, sd: 1 };
    expect(messages(f)).toEqual([
      'endpoint.arms.saline: got missing; allowed: the parameters of arm "saline": {"mean", "sd"}',
      'endpoint.arms.salin: got {"mean":1.44,"sd":1.97}; allowed: one entry per arm of design.arms: msc, saline (did you mean "saline"?)',
      'endpoint.arms.extra: got {"mean":1,"sd":1}; allowed: one entry per arm of design.arms: msc, saline',
    ]);
  });

  it('checks the parameters of each kind', () => {
    const c = loose(parallelContinuous());
    delete c.endpoint.arms.msc.sd;
    c.endpoint.arms.saline.p = 0.5;
    expect(messages(c)).toEqual([
      `endpoint.arms.msc.sd: got missing; allowed: ${NUMBER_SPEC_ALLOWED}`,
      'endpoint.arms.saline.p: got 0.5; allowed: a key of the continuous parameters of an arm: mean, sd',
    ]);
    const b = loose(withinBinary());
    b.endpoint.arms.sham = 0.25;
    b.endpoint.better = 'more';
    expect(messages(b)).toEqual([
      'endpoint.better: got "more"; allowed: one of "higher", "lower"',
      'endpoint.arms.sham: got 0.25; allowed: an object {"p"}',
    ]);
  });

  it('checks ordinal categories and probs lengths', () => {
    const f = loose(parallelOrdinal());
    f.endpoint.arms.tci.probs = [0.5, 0.5];
    expect(messages(f)).toEqual([
      'endpoint.arms.tci.probs: got [0.5,0.5]; allowed: a list of 4 probabilities, one per category of endpoint.categories (2 given)',
    ]);
    const g = loose(parallelOrdinal());
    g.endpoint.categories = ['only'];
    expect(messages(g)).toEqual([
      'endpoint.categories: got ["only"]; allowed: a list of 2 to 20 distinct category names, worst to best (1 given)',
    ]);
    const h = loose(parallelOrdinal());
    h.endpoint.categories = ['a', 'b', 'a', 3];
    expect(messages(h)).toEqual([
      'endpoint.categories[2]: got "a"; allowed: a name used by no other category (endpoint.categories[0] is the same)',
      'endpoint.categories[3]: got 3; allowed: a non-empty string',
    ]);
    const c = loose(parallelContinuous());
    c.endpoint.categories = ['a', 'b'];
    expect(messages(c)).toEqual([
      'endpoint.categories: got ["a","b"]; allowed: a key of a continuous endpoint: kind, label, unit, better, arms ("categories" is used only by ordinal endpoints)',
    ]);
  });
});

describe('validateScenario: analysis', () => {
  it('lists the tests that fit the design and endpoint', () => {
    const w = loose(withinContinuous());
    w.analysis.test = 'welch-t';
    expect(messages(w)).toEqual([
      'analysis.test: got "welch-t"; allowed: a test that fits a within-patient design with a continuous endpoint: paired-t, wilcoxon-signed-rank',
    ]);
    const p = loose(parallelContinuous());
    p.analysis.test = 'welch';
    expect(messages(p)).toEqual([
      'analysis.test: got "welch"; allowed: a test that fits a parallel design with a continuous endpoint: welch-t, student-t, mann-whitney (did you mean "welch-t"?)',
    ]);
    const b = loose(parallelBinary());
    b.analysis.test = 'mcnemar';
    expect(messages(b)).toEqual([
      'analysis.test: got "mcnemar"; allowed: a test that fits a parallel design with a binary endpoint: fisher-exact, chi-square',
    ]);
    const s = loose(singleBinary());
    s.endpoint = { kind: 'ordinal', better: 'higher', categories: ['a', 'b'], arms: { treated: { probs: [0.5, 0.5] } } };
    s.analysis = { test: 'wilcoxon-signed-rank' };
    s.sources = [];
    s.assumptions = [];
    expect(messages(s)).toEqual([
      'analysis.test: got "wilcoxon-signed-rank"; allowed: a test that fits a single-arm design with an ordinal endpoint, but no test does',
    ]);
  });

  it('checks sides, null, continuity correction, multiplicity and success', () => {
    const f = loose(parallelContinuous());
    f.analysis = { test: 'welch-t', sides: 3, null: 1, continuityCorrection: true, multiplicity: 'holms', success: 'some' };
    expect(messages(f)).toEqual([
      'analysis.sides: got 3; allowed: 1 or 2',
      'analysis.null: got 1; allowed: absent (analysis.null is the value a single-arm design is tested against; other designs compare arms)',
      'analysis.continuityCorrection: got true; allowed: false or absent (only chi-square and mcnemar have a continuity correction)',
      'analysis.multiplicity: got "holms"; allowed: one of "holm", "bonferroni", "none" (did you mean "holm"?)',
      'analysis.success: got "some"; allowed: one of "any", "all"',
    ]);
  });
});

describe('validateScenario: simulation and expect', () => {
  it('checks replicates, seed, precision and fastPath', () => {
    for (const [reps, ok] of [
      [1, true],
      [10_000_000, true],
      [0, false],
      [1.5, false],
      [10_000_001, false],
      ['100', false],
    ] as const) {
      const f = loose(parallelContinuous());
      f.simulation.replicates = reps;
      expect(messages(f)).toEqual(
        ok ? [] : [`simulation.replicates: got ${JSON.stringify(reps)}; allowed: a whole number from 1 to 10000000`],
      );
    }
    const f = loose(parallelContinuous());
    f.simulation = { seed: '', precision: 0.5, fastPath: 'yes' };
    expect(messages(f)).toEqual([
      'simulation.seed: got ""; allowed: a non-empty string of at most 200 characters, or a number',
      'simulation.precision: got 0.5; allowed: a number in [0.0005, 0.5): the target half-width of the 95 % interval',
      'simulation.fastPath: got "yes"; allowed: true or false',
    ]);
  });

  it('checks expect bounds', () => {
    const f = loose(parallelContinuous());
    f.expect = { power: { atLeast: 0.9, atMost: 0.8 }, assurance: { atleast: 0.5 }, sampleSize: { power: 1 } };
    expect(messages(f)).toEqual([
      'expect.power.atMost: got 0.8; allowed: a number ≥ atLeast (0.9)',
      'expect.assurance.atleast: got 0.5; allowed: a key of expect.assurance: atLeast, atMost (did you mean "atLeast"?)',
      'expect.sampleSize.power: got 1; allowed: a number in (0, 1)',
      'expect.sampleSize.atMost: got missing; allowed: a whole number from 2 to 100000',
    ]);
  });

  it('refuses better: "lower" on an ordinal endpoint, whose categories run worst to best', () => {
    const f = loose(parallelContinuous());
    f.endpoint = {
      kind: 'ordinal',
      better: 'lower',
      categories: ['none', 'some', 'most'],
      arms: { msc: { probs: [0.2, 0.3, 0.5] }, saline: { probs: [0.4, 0.3, 0.3] } },
    };
    f.analysis.test = 'mann-whitney';
    expect(messages(f)).toEqual([
      'endpoint.better: got "lower"; allowed: "higher" for an ordinal endpoint, whose categories are listed worst to best (list them the other way round if yours run best to worst)',
    ]);
  });

  it('refuses an empty bound, which would check nothing while the file seems to expect something', () => {
    const f = loose(parallelContinuous());
    f.expect = { power: {} };
    expect(messages(f)).toEqual([
      'expect.power: got {}; allowed: an object with "atLeast", "atMost" or both (an empty one would check nothing)',
    ]);
  });
});

describe('validateScenario: sweep', () => {
  it('accepts sweeps of numbers, list items (both index syntaxes), let names and distribution parameters', () => {
    const f = loose(parallelOrdinal());
    f.sweep = { 'endpoint.arms.tci.probs.2': [0.3, 0.35], 'design.n': [40, 60] };
    expect(messages(f)).toEqual([]);
    const w = loose(withinContinuous());
    w.sweep = { 'let.delta': [1, 2, '3 / 2'], 'design.correlation.normal.mean': [0.3, 0.5] };
    expect(messages(w)).toEqual([]);
    expect(isSweepablePath(['endpoint', 'arms', 'x', 'mean', 'fromCI', 'estimate'])).toBe(true);
    expect(isSweepablePath(['endpoint', 'arms', 'x', 'mean', 'fromCI', 'unit'])).toBe(false);
    expect(isSweepablePath(['design', 'kind'])).toBe(false);
    expect(isSweepablePath(['simulation', 'replicates'])).toBe(false);
  });

  it('reports bad paths, too many paths and bad values', () => {
    const f = loose(parallelContinuous());
    f.sweep = { 'design.nn': [1], 'design.kind': ['parallel'], 'let.delta': [1] };
    expect(messages(f)).toEqual([
      'sweep: got {"design.nn":[1],"design.kind":["parallel"],"let.delta":[1]}; allowed: an object mapping 1 to 2 paths to lists of values (two paths make a grid) (3 paths given)',
      expect.stringMatching(
        /^sweep\["design\.nn"\]: got "design\.nn"; allowed: the path of a number in this scenario: .* \(did you mean "design\.n"\?\)$/,
      ),
      expect.stringMatching(
        /^sweep\["design\.kind"\]: got "design\.kind"; allowed: .* \(design\.kind is not a number that can be swept\)$/,
      ),
      expect.stringMatching(
        /^sweep\["let\.delta"\]: got "let\.delta"; allowed: .* \("delta" is not defined in let; add it to let with a default value\)$/,
      ),
    ]);
    const g = loose(parallelContinuous());
    g.sweep = { 'design.n': [], 'design.dropout': [0.1, true, 'x +'] };
    expect(messages(g)).toEqual([
      'sweep["design.n"]: got []; allowed: a list of 1 to 1000 numbers or expressions (0 values given)',
      'sweep["design.dropout"][1]: got true; allowed: a number or an expression',
      `sweep["design.dropout"][2]: got "x +"; allowed: ${EXPRESSION_ALLOWED} (syntax error: Unexpected end of expression (char 4))`,
    ]);
    const h = loose(parallelContinuous());
    h.sweep = { 'design.n': Array.from({ length: 1001 }, (_, i) => i + 2) };
    expect(messages(h)).toEqual([
      expect.stringMatching(
        /^sweep\["design\.n"\]: got \[2,3,4.*…; allowed: a list of 1 to 1000 numbers or expressions \(1001 values given\)$/,
      ),
    ]);
    const grid = loose(parallelContinuous());
    grid.sweep = { 'design.n': Array.from({ length: 101 }, (_, i) => i + 2), 'design.dropout': Array.from({ length: 100 }, () => 0.1) };
    expect(messages(grid)).toEqual([
      expect.stringMatching(/^sweep: got .*; allowed: a sweep of at most 10000 design points \(the grid has 10100 points\)$/),
    ]);
    const dup = loose(parallelOrdinal());
    dup.sweep = { 'endpoint.arms.tci.probs.2': [0.3], 'endpoint.arms.tci.probs[2]': [0.3] };
    expect(messages(dup)).toEqual([
      'sweep["endpoint.arms.tci.probs[2]"]: got "endpoint.arms.tci.probs[2]"; allowed: a path not swept already (sweep["endpoint.arms.tci.probs.2"] is the same path)',
    ]);
    const proto = loose(parallelContinuous());
    proto.sweep = JSON.parse('{"__proto__.polluted": [1]}');
    expect(messages(proto)).toEqual([
      expect.stringMatching(
        /^sweep\["__proto__\.polluted"\]: got "__proto__\.polluted"; allowed: .* \(the segment "__proto__" is not allowed\)$/,
      ),
    ]);
  });

  it('checks names in sweep values: a let value may use only earlier names', () => {
    const f = loose(parallelContinuous());
    f.let = { sd: 3, delta: 2 };
    f.sweep = { 'let.sd': ['delta * 1.5'], 'design.n': ['2 * delta * 10', 'nn'] };
    expect(messages(f)).toEqual([
      `sweep["let.sd"][0]: got "delta * 1.5"; allowed: ${EXPRESSION_ALLOWED} (unknown name "delta")`,
      `sweep["design.n"][1]: got "nn"; allowed: ${EXPRESSION_ALLOWED} (unknown name "nn")`,
    ]);
  });
});

describe('validateScenario: let, sources, assumptions', () => {
  it('reports let problems and unknown names elsewhere', () => {
    const f = loose(parallelBinary());
    f.let.pHigh = 'pControll + uplift';
    f.endpoint.arms.low.p = 'plow';
    expect(messages(f)).toEqual([
      `let.pHigh: got "pControll + uplift"; allowed: ${EXPRESSION_ALLOWED} (unknown name "pControll"; did you mean "pControl"?)`,
      `endpoint.arms.low.p: got "plow"; allowed: ${EXPRESSION_ALLOWED} (unknown name "plow"; did you mean "pLow"?)`,
    ]);
  });

  it('checks that source and assumption paths exist', () => {
    const f = loose(singleBinary());
    f.sources[0].paths = ['analysis.nul', 'design.arms[3]'];
    f.assumptions[0].path = 'endpoint.arms.treatd.p';
    delete f.assumptions[0].note;
    expect(messages(f)).toEqual([
      'sources[0].paths[0]: got "analysis.nul"; allowed: the path of a value in this scenario, e.g. endpoint.arms.msc.mean (did you mean "analysis.null"?)',
      'sources[0].paths[1]: got "design.arms[3]"; allowed: the path of a value in this scenario, e.g. endpoint.arms.msc.mean (the scenario has no value there)',
      'assumptions[0].path: got "endpoint.arms.treatd.p"; allowed: the path of a value in this scenario, e.g. endpoint.arms.msc.mean (did you mean "endpoint.arms.treated.p"?)',
      'assumptions[0].note: got missing; allowed: a string: why the value was chosen',
    ]);
  });
});

describe('validateScenario: many problems at once', () => {
  it('reports every problem, in file order', () => {
    const f = loose(parallelContinuous());
    f.design.arms[1].id = 'msc';
    f.design.n = 'n0 *';
    f.endpoint.arms.msc.sd = 'abc';
    f.analysis.test = 'paired-t';
    f.analysis.sides = 0;
    f.simulation.replicates = -1;
    f.sweep = { 'design.m': [1] };
    f.expect.power.atLeast = 2;
    const m = messages(f);
    expect(m).toEqual([
      'design.arms[1].id: got "msc"; allowed: an id used by no other arm (design.arms[0] has the same id)',
      `design.n: got "n0 *"; allowed: ${EXPRESSION_ALLOWED} (syntax error: Unexpected end of expression (char 5))`,
      `endpoint.arms.msc.sd: got "abc"; allowed: ${EXPRESSION_ALLOWED} (unknown name "abc")`,
      'analysis.test: got "paired-t"; allowed: a test that fits a parallel design with a continuous endpoint: welch-t, student-t, mann-whitney',
      'analysis.sides: got 0; allowed: 1 or 2',
      'simulation.replicates: got -1; allowed: a whole number from 1 to 10000000',
      expect.stringMatching(/^sweep\["design\.m"\]: got "design\.m"; allowed: .* \(did you mean "design\.n"\?\)$/),
      'expect.power.atLeast: got 2; allowed: a number in [0, 1]',
    ]);
  });
});

describe('validateScenario: untrusted input', () => {
  it('does not pollute Object.prototype with __proto__ keys anywhere', () => {
    const text = JSON.stringify(parallelContinuous())
      .replace('{"$schema"', '{"__proto__": {"polluted": 1}, "$schema"')
      .replace('"design":{', '"design":{"__proto__": {"polluted": 2},')
      .replace('"arms":{"msc"', '"arms":{"__proto__": {"mean": 1, "sd": 1}, "msc"')
      .replace('"simulation":{', '"let": {"__proto__": 3, "constructor": 4}, "simulation":{"constructor": {"prototype": {"polluted": 3}},');
    const input = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(input)).toContain('__proto__');
    const m = messages(input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(m).toEqual([
      `__proto__: got {"polluted":1}; allowed: a key of the scenario: ${ROOT_KEYS}`,
      expect.stringMatching(/^let\.__proto__: got 3; .*\("__proto__" is not allowed as a name\)$/),
      expect.stringMatching(/^let\.constructor: got 4; .*\("constructor" is not allowed as a name\)$/),
      'design.__proto__: got {"polluted":2}; allowed: a key of a parallel design: kind, arms, allocation, n, dropout',
      'endpoint.arms.__proto__: got {"mean":1,"sd":1}; allowed: one entry per arm of design.arms: msc, saline',
      'simulation.constructor: got {"prototype":{"polluted":3}}; allowed: a key of simulation: replicates, seed, precision, fastPath',
    ]);
  });

  it('never throws, even on exotic objects', () => {
    const hostile = Object.defineProperty({ format: 'trialsim/1' }, 'title', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const r = validateScenario(hostile);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual([
      '(root): got missing; allowed: a scenario that can be read (internal error: boom)',
    ]);
    expect(validateScenario(new Map()).ok).toBe(false);
    expect(validateScenario(Object.create({ format: 'trialsim/1' })).ok).toBe(false);
  });

  it('reads only own properties', () => {
    const proto = parallelContinuous() as unknown as object;
    expect(messages(Object.assign(Object.create(null), { format: 'trialsim/1' }))).toContain(
      'title: got missing; allowed: a non-empty string',
    );
    expect(messages(Object.create(proto))).toEqual(['(root): got {}; allowed: a JSON object: a trialsim/1 scenario']);
  });
});
