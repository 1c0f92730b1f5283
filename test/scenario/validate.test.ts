import { describe, expect, it } from 'vitest';
import { EXPRESSION_ALLOWED } from '../../src/scenario/expressions.js';
import { formatIssue } from '../../src/scenario/format-issues.js';
import { ARM_ID_ALLOWED, isSweepablePath, NUMBER_SPEC_ALLOWED, validateScenario } from '../../src/scenario/validate.js';
import {
  EXAMPLES,
  loose,
  parallelBinary,
  parallelContinuous,
  parallelOrdinal,
  singleBinary,
  withinBinary,
  withinContinuous,
} from './examples.js';

/** The formatted messages of validating `input`, or [] when valid. */
function messages(input: unknown): string[] {
  const r = validateScenario(input);
  return r.ok ? [] : r.issues.map(formatIssue);
}

const ROOT_KEYS = '$schema, format, title, description, let, sources, assumptions, design, endpoint, analysis, simulation, sweep, expect';

describe('validateScenario: valid files', () => {
  it.each(Object.keys(EXAMPLES))('accepts the %s example', (name) => {
    const file = EXAMPLES[name]();
    const r = validateScenario(file);
    expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual([]);
    expect(r.ok && r.value).toBe(file);
  });

  it('accepts the example after a JSON round trip', () => {
    for (const make of Object.values(EXAMPLES)) expect(messages(JSON.parse(JSON.stringify(make())))).toEqual([]);
  });
});

describe('validateScenario: the root and the format', () => {
  it('rejects values that are not objects', () => {
    for (const v of [null, 3, 'x', [], true, undefined]) {
      expect(messages(v)).toEqual([
        `(root): got ${v === undefined ? 'missing' : JSON.stringify(v)}; allowed: a JSON object: a trialsim/1 scenario`,
      ]);
    }
  });

  it('says that a newer format cannot be read, and nothing else', () => {
    const f = loose(parallelContinuous());
    f.format = 'trialsim/2';
    f.design = 'whatever a newer version has here';
    f.newField = 1;
    expect(messages(f)).toEqual([
      'format: got "trialsim/2"; allowed: "trialsim/1" (this engine reads trialsim/1 only; the file was written for trialsim/2, a newer version)',
    ]);
  });

  it('reports a missing or wrong format along with the other problems', () => {
    const f = loose(parallelContinuous());
    delete f.format;
    delete f.title;
    expect(messages(f)).toEqual(['format: got missing; allowed: "trialsim/1"', 'title: got missing; allowed: a non-empty string']);
    f.format = 'trialsim/0';
    f.title = '';
    expect(messages(f)).toEqual(['format: got "trialsim/0"; allowed: "trialsim/1"', 'title: got ""; allowed: a non-empty string']);
  });

  it('reports unknown keys with a did-you-mean hint', () => {
    const f = loose(parallelContinuous());
    f.titel = f.title;
    delete f.title;
    f.simulation.replicats = 5000;
    f.colour = 'blue';
    expect(messages(f)).toEqual([
      `titel: got "MSC vs saline for androgenetic alopecia (NCT06764329)"; allowed: a key of the scenario: ${ROOT_KEYS} (did you mean "title"?)`,
      `colour: got "blue"; allowed: a key of the scenario: ${ROOT_KEYS}`,
      'title: got missing; allowed: a non-empty string',
      'simulation.replicats: got 5000; allowed: a key of simulation: replicates, seed, precision, fastPath (did you mean "replicates"?)',
    ]);
  });

  it('reports missing sections', () => {
    expect(messages({ format: 'trialsim/1', title: 't' })).toEqual([
      'design: got missing; allowed: an object: {"kind", "arms", "n", …}',
      'endpoint: got missing; allowed: an object: {"kind", "better", "arms", …}',
      'analysis: got missing; allowed: an object: {"test", "alpha"?, "sides"?, …}',
    ]);
  });
});

describe('validateScenario: design', () => {
  it('checks the number of arms per design kind', () => {
    const p = loose(parallelContinuous());
    p.design.arms = [{ id: 'msc', control: true }];
    p.design.allocation = [1];
    delete p.endpoint.arms.saline;
    expect(messages(p)).toEqual(['design.arms: got [{"id":"msc","control":true}]; allowed: a list of 2 to 10 arms (1 arm given)']);

    const w = loose(withinContinuous());
    w.design.arms.push({ id: 'third' });
    w.endpoint.arms.third = { mean: 0, sd: 1 };
    expect(messages(w)).toEqual([
      'design.arms: got [{"id":"treated"},{"id":"untreated","control":true},{"id":"third"}]; allowed: a list of exactly 2 arms (the treated site and the control site) (3 arms given)',
    ]);

    const s = loose(singleBinary());
    s.design.arms.push({ id: 'other' });
    s.endpoint.arms.other = { p: 0.3 };
    expect(messages(s)).toEqual(['design.arms: got [{"id":"treated"},{"id":"other"}]; allowed: a list of exactly 1 arm (2 arms given)']);

    const many = loose(parallelContinuous());
    many.design.arms = Array.from({ length: 11 }, (_, i) => ({ id: `a${i}`, control: i === 0 }));
    delete many.design.allocation;
    expect(messages(many)[0]).toMatch(/^design\.arms: got \[.*; allowed: a list of 2 to 10 arms \(11 arms given\)$/);
  });

  it('requires exactly one control arm in parallel and within-patient designs', () => {
    const none = loose(parallelContinuous());
    none.design.arms[1].control = false;
    expect(messages(none)).toEqual([
      'design.arms: got [{"id":"msc","label":"MSC"},{"id":"saline","label":"Saline","control":false}]; allowed: exactly one arm with "control": true (no arm is marked as the control)',
    ]);
    const two = loose(parallelBinary());
    two.design.arms[0].control = true;
    two.design.arms[1].control = true;
    expect(messages(two)).toEqual([
      'design.arms[1].control: got true; allowed: exactly one arm with "control": true (design.arms[0] is already the control)',
      'design.arms[2].control: got true; allowed: exactly one arm with "control": true (design.arms[0] is already the control)',
    ]);
    const within = loose(withinBinary());
    delete within.design.arms[1].control;
    expect(messages(within)).toEqual([
      'design.arms: got [{"id":"active"},{"id":"sham"}]; allowed: exactly one arm with "control": true (no arm is marked as the control)',
    ]);
    const single = loose(singleBinary());
    single.design.arms[0].control = true;
    expect(messages(single)).toEqual([
      'design.arms[0].control: got true; allowed: false or absent (a single-arm design has no control arm; its arm is compared with analysis.null)',
    ]);
  });

  it('checks arm ids: pattern, uniqueness, forbidden names', () => {
    const f = loose(parallelBinary());
    f.design.arms[1].id = 'high';
    expect(messages(f)).toEqual(['design.arms[1].id: got "high"; allowed: an id used by no other arm (design.arms[0] has the same id)']);
    const g = loose(parallelContinuous());
    g.design.arms[0].id = 'my arm';
    g.design.arms[1] = JSON.parse('{"id": "__proto__", "control": true, "colour": 1}');
    expect(messages(g)).toEqual([
      `design.arms[0].id: got "my arm"; allowed: ${ARM_ID_ALLOWED} (character U+0020 at position 3 is not an ASCII letter, digit, "_" or "-")`,
      'design.arms[1].colour: got 1; allowed: a key of an arm: id, label, control',
      `design.arms[1].id: got "__proto__"; allowed: ${ARM_ID_ALLOWED} ("__proto__" is not allowed as an id)`,
    ]);
    expect(ARM_ID_ALLOWED).toBe('an id of letters, digits, "_" and "-", starting with a letter or "_", at most 40 characters');
  });

  it('knows which keys belong to which design kind', () => {
    const f = loose(parallelContinuous());
    f.design.correlation = 0.5;
    const w = loose(withinContinuous());
    w.design.allocation = [1, 1];
    expect(messages(f)).toEqual([
      'design.correlation: got 0.5; allowed: a key of a parallel design: kind, arms, allocation, n, dropout ("correlation" is used only by within-patient designs)',
    ]);
    expect(messages(w)).toEqual([
      'design.allocation: got [1,1]; allowed: a key of a within-patient design: kind, arms, n, correlation, spillover, dropout ("allocation" is used only by parallel designs)',
    ]);
  });

  it('checks kind, n, allocation length and correlation', () => {
    const f = loose(parallelContinuous());
    f.design.kind = 'paralel';
    expect(messages(f)).toEqual([
      'design.kind: got "paralel"; allowed: one of "parallel", "within-patient", "single-arm" (did you mean "parallel"?)',
    ]);
    const g = loose(parallelContinuous());
    delete g.design.n;
    delete g.sweep;
    g.design.allocation = [1, 1, 1];
    expect(messages(g)).toEqual([
      'design.n: got missing; allowed: the number of patients: a whole number ≥ 2, or an expression',
      'design.allocation: got [1,1,1]; allowed: a list of 2 positive weights, one per arm (3 given for 2 arms)',
    ]);
    const w = loose(withinContinuous());
    delete w.design.correlation;
    expect(messages(w)).toEqual([
      'design.correlation: got missing; allowed: the correlation between the two sites of a patient: a number in (-1, 1), an expression or a distribution',
    ]);
  });

  it('allows distributions for dropout, correlation and spillover but not for n, allocation, alpha or null', () => {
    const dist = { normal: { mean: 70, sd: 5 } };
    const notHere =
      'allowed: a number or an expression (not a distribution) (distributions are allowed only for endpoint parameters, dropout, correlation and spillover)';
    const f = loose(parallelContinuous());
    f.design.n = dist;
    f.design.allocation = [1, { beta: { alpha: 1, beta: 1 } }];
    f.analysis.alpha = { normal: { mean: 0.05, sd: 0.01 } };
    f.design.dropout = { beta: { alpha: 1, beta: 9 } };
    expect(messages(f)).toEqual([
      `design.n: got {"normal":{"mean":70,"sd":5}}; ${notHere}`,
      `design.allocation[1]: got {"beta":{"alpha":1,"beta":1}}; ${notHere}`,
      `analysis.alpha: got {"normal":{"mean":0.05,"sd":0.01}}; ${notHere}`,
    ]);
    const s = loose(singleBinary());
    s.analysis.null = { fromCI: { estimate: 30, lower: 20, upper: 40, unit: '%' } };
    expect(messages(s)).toEqual([`analysis.null: got {"fromCI":{"estimate":30,"lower":20,"upper":40,"unit":"%"}}; ${notHere}`]);
    const w = loose(withinContinuous());
    w.design.spillover = { beta: { alpha: 1, beta: 9 } };
    w.design.dropout = { lognormal: { meanlog: -3, sdlog: 0.5 } };
    expect(messages(w)).toEqual([]);
  });
});

describe('validateScenario: distributions', () => {
  const withMean = (mean: unknown) => {
    const f = loose(parallelContinuous());
    f.endpoint.arms.msc.mean = mean;
    return messages(f);
  };
  it('checks the shape of each distribution', () => {
    expect(withMean({ normal: { mean: 1 } })).toEqual([`endpoint.arms.msc.mean.normal.sd: got missing; allowed: ${EXPRESSION_ALLOWED}`]);
    expect(withMean({ normall: { mean: 1, sd: 1 } })).toEqual([
      `endpoint.arms.msc.mean: got {"normall":{"mean":1,"sd":1}}; allowed: ${NUMBER_SPEC_ALLOWED} (did you mean "normal"?)`,
    ]);
    expect(withMean({ normal: { mean: 1, sd: 1 }, beta: { alpha: 1, beta: 1 } })).toEqual([
      `endpoint.arms.msc.mean: got {"normal":{"mean":1,"sd":1},"beta":{"alpha":1,"beta":1}}; allowed: ${NUMBER_SPEC_ALLOWED} (a distribution has exactly one of these keys)`,
    ]);
    expect(withMean({})).toEqual([`endpoint.arms.msc.mean: got {}; allowed: ${NUMBER_SPEC_ALLOWED} (the object is empty)`]);
    expect(withMean({ beta: [1, 2] })).toEqual(['endpoint.arms.msc.mean.beta: got [1,2]; allowed: an object {"alpha", "beta"}']);
    expect(withMean({ lognormal: { meanlog: 0, sdlog: 1, sdlg: 1 } })).toEqual([
      'endpoint.arms.msc.mean.lognormal.sdlg: got 1; allowed: a key of lognormal: meanlog, sdlog (did you mean "sdlog"?)',
    ]);
    expect(withMean([1, 2])).toEqual([`endpoint.arms.msc.mean: got [1,2]; allowed: ${NUMBER_SPEC_ALLOWED}`]);
    expect(withMean(null)).toEqual([`endpoint.arms.msc.mean: got null; allowed: ${NUMBER_SPEC_ALLOWED}`]);
  });

  it('checks fromCI: explicit interval or evidence id, not both; unit', () => {
    expect(withMean({ fromCI: { estimate: 2, lower: 1, upper: 3, unit: 'percent' } })).toEqual([
      'endpoint.arms.msc.mean.fromCI.unit: got "percent"; allowed: one of "value", "%", "proportion"',
    ]);
    expect(withMean({ fromCI: { estimate: 2, lower: 1 } })).toEqual([
      `endpoint.arms.msc.mean.fromCI.upper: got missing; allowed: ${EXPRESSION_ALLOWED}`,
    ]);
    expect(withMean({ fromCI: { evidence: 'aga-hair-count', estimate: 2 } })).toEqual([
      'endpoint.arms.msc.mean.fromCI: got {"evidence":"aga-hair-count","estimate":2}; allowed: either {"evidence"} or {"estimate", "lower", "upper", "unit"?}, not both',
    ]);
    expect(withMean({ fromCI: { evidence: '' } })).toEqual([
      'endpoint.arms.msc.mean.fromCI.evidence: got ""; allowed: the id of an evidence entry (a non-empty string)',
    ]);
    expect(withMean({ fromCI: { evidence: 'aga-hair-count' } })).toEqual([]);
  });
});

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
