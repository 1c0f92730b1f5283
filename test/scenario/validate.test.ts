import { describe, expect, it } from 'vitest';
import { EXPRESSION_ALLOWED } from '../../src/scenario/expressions.js';
import { formatIssue } from '../../src/scenario/format-issues.js';
import { ARM_ID_ALLOWED, NUMBER_SPEC_ALLOWED, validateScenario } from '../../src/scenario/validate.js';
import { EXAMPLES, loose, parallelBinary, parallelContinuous, singleBinary, withinBinary, withinContinuous } from './examples.js';

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
