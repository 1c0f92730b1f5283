import { betaFromCI } from '../../src/evidence/beta-from-ci.js';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/scenario/format-issues.js';
import { resolveScenario, Z_975, type ResolveOptions } from '../../src/scenario/resolve.js';
import type { ResolvedScenario, ScenarioFile } from '../../src/scenario/types.js';
import { validateScenario } from '../../src/scenario/validate.js';
import {
  EXAMPLES,
  loose,
  parallelBinary,
  parallelContinuous,
  parallelOrdinal,
  singleBinary,
  singleContinuous,
  withinBinary,
  withinContinuous,
  withinOrdinal,
} from './examples.js';

/** Validates (must pass) then resolves. */
function resolve(file: unknown, options: ResolveOptions = {}) {
  const v = validateScenario(file);
  if (!v.ok) throw new Error(`invalid example: ${v.issues.map(formatIssue).join('; ')}`);
  return resolveScenario(v.value, options);
}
function resolved(file: unknown, options: ResolveOptions = {}): ResolvedScenario {
  const r = resolve(file, options);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r.value;
}
function messages(file: unknown, options: ResolveOptions = {}): string[] {
  const r = resolve(file, options);
  return r.ok ? [] : r.issues.map(formatIssue);
}

describe('resolveScenario: valid files', () => {
  it.each(Object.keys(EXAMPLES))('resolves the %s example to plain JSON data', (name) => {
    const s = resolved(EXAMPLES[name](), { checkSweep: true });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(structuredClone(s)).toEqual(s);
  });

  it('resolves NCT06764329 as written (the file form in DESIGN.md)', () => {
    expect(resolved(parallelContinuous())).toEqual({
      format: 'trialsim/1',
      title: 'MSC vs saline for androgenetic alopecia (NCT06764329)',
      design: {
        kind: 'parallel',
        arms: [
          { id: 'msc', label: 'MSC', control: false },
          { id: 'saline', label: 'Saline', control: true },
        ],
        allocation: [1, 1],
        n: 70,
        dropout: 0.1,
      },
      endpoint: {
        kind: 'continuous',
        label: 'Change in hair count',
        better: 'higher',
        arms: { msc: { mean: 3.89, sd: 3.01 }, saline: { mean: 1.44, sd: 1.97 } },
      },
      analysis: { test: 'welch-t', alpha: 0.05, sides: 2, null: 0, continuityCorrection: false, multiplicity: 'holm', success: 'any' },
      simulation: { replicates: 10000, seed: 'nct06764329', fastPath: true },
    } satisfies ResolvedScenario);
  });

  it('fills defaults', () => {
    const s = resolved(parallelOrdinal());
    expect(s.design).toEqual({
      kind: 'parallel',
      arms: [
        { id: 'tci', label: 'tci', control: false },
        { id: 'vehicle', label: 'vehicle', control: true },
      ],
      allocation: [1, 1],
      n: 60,
      dropout: 0,
    });
    expect(s.endpoint.label).toBe('Primary endpoint');
    expect(s.analysis).toEqual({
      test: 'mann-whitney',
      alpha: 0.05,
      sides: 1,
      null: 0,
      continuityCorrection: false,
      multiplicity: 'holm',
      success: 'any',
    });
    expect(s.simulation).toEqual({ replicates: 10000, seed: 'trialsim', fastPath: true });
    const w = resolved(withinOrdinal());
    expect(w.design).toMatchObject({ kind: 'within-patient', correlation: 0.4, spillover: 0, dropout: 0 });
  });

  it('turns a numeric seed into a string and keeps the other simulation settings', () => {
    expect(resolved(singleContinuous()).simulation).toEqual({ replicates: 10000, seed: '42', fastPath: false });
    const f = loose(parallelContinuous());
    f.simulation = { replicates: 500, precision: 0.01 };
    expect(resolved(f).simulation).toEqual({ replicates: 500, seed: 'trialsim', precision: 0.01, fastPath: true });
  });

  it('evaluates expressions over let, in file order', () => {
    const s = resolved(parallelBinary());
    expect(s.design).toMatchObject({ n: 120, allocation: [2, 1, 1] });
    expect(s.endpoint.arms).toEqual({ high: { p: { dist: 'beta', alpha: 35, beta: 65 } }, low: { p: 0.275 }, placebo: { p: 0.2 } });
    expect(s.analysis).toMatchObject({ multiplicity: 'bonferroni', success: 'all' });
    const o = resolved(withinOrdinal());
    expect(o.endpoint.arms).toEqual({ left: { probs: [0.2, 0.3, 0.5] }, right: { probs: [0.5, 1 / 3, 1 / 6] } });
  });

  it('keeps normal, beta and lognormal distributions as given', () => {
    const w = resolved(withinContinuous());
    expect(w.design).toMatchObject({ correlation: { dist: 'normal', mean: 0.5, sd: 0.1 }, spillover: 0.1, dropout: 0.05 });
    const s = resolved(singleContinuous());
    expect(s.design).toMatchObject({ dropout: { dist: 'beta', alpha: 1, beta: 9 } });
    expect(s.endpoint.arms.treated).toEqual({ mean: -1.5, sd: { dist: 'lognormal', meanlog: 0.9, sdlog: 0.2 } });
  });

  it('turns fromCI of a value into a normal: mean = estimate, sd = (upper − lower) / (2 · 1.959964)', () => {
    const w = resolved(withinContinuous());
    expect(w.endpoint.arms.treated).toEqual({ mean: { dist: 'normal', mean: 2.45, sd: (3.7 - 1.2) / (2 * 1.959964) }, sd: 3 });
    expect(Z_975).toBe(1.959964);
  });

  it('turns fromCI of a proportion ("%" divided by 100) into the beta betaFromCI fits, so no draw leaves [0, 1]', () => {
    const b = resolved(withinBinary());
    const p = b.endpoint.arms.active as { p: { dist: string; alpha: number; beta: number } };
    expect(p.p.dist).toBe('beta');
    const fit = betaFromCI(0.6, 0.45, 0.75);
    expect(p.p).toEqual({ dist: 'beta', alpha: fit.alpha, beta: fit.beta });
    expect(fit.alpha / (fit.alpha + fit.beta)).toBeCloseTo(0.6, 12);
  });

  it('turns -0 into 0, so the result survives JSON unchanged', () => {
    const f = loose(parallelContinuous());
    f.endpoint.arms.msc.mean = -0;
    f.endpoint.arms.saline.mean = '-0';
    const s = resolved(f);
    expect(s.endpoint.arms).toMatchObject({ msc: { mean: 0 }, saline: { mean: 0 } });
    const arms = s.endpoint.arms as Record<string, { mean: unknown }>;
    expect(Object.is(arms.msc.mean, 0)).toBe(true);
    expect(Object.is(arms.saline.mean, 0)).toBe(true);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('binomial-exact takes its benchmark from analysis.null', () => {
    expect(resolved(singleBinary()).analysis).toMatchObject({ test: 'binomial-exact', null: 0.3, sides: 1 });
  });
});

describe('resolveScenario: evidence ids', () => {
  const withEvidence = () => {
    const f = loose(parallelContinuous());
    f.endpoint.arms.msc.mean = { fromCI: { evidence: 'aga-hair-count' } };
    return f;
  };
  it('uses the evidence library by default: an entry without an interval is refused, one with it becomes a normal', () => {
    expect(messages(withEvidence())).toEqual([
      'endpoint.arms.msc.mean.fromCI.evidence: got "aga-hair-count"; allowed: the id of an evidence entry with an estimate and a 95 % interval (see src/evidence/library.ts) (this entry has no interval to build a distribution from)',
    ]);
    const f = withEvidence();
    // rdeb-bebss: −5.6 (95 % CI −7.39 to −3.86), paper 003, "Clinical efficacy"
    f.endpoint.arms.msc.mean.fromCI.evidence = 'rdeb-bebss';
    expect(resolved(f).endpoint.arms.msc).toEqual({ mean: { dist: 'normal', mean: -5.6, sd: (-3.86 + 7.39) / (2 * Z_975) }, sd: 3.01 });
  });
  it('uses the resolveEvidence hook when given', () => {
    const resolveEvidence = (id: string) => (id === 'aga-hair-count' ? { estimate: 2.45, lower: 0.4, upper: 4.5 } : undefined);
    const s = resolved(withEvidence(), { resolveEvidence });
    expect(s.endpoint.arms.msc).toEqual({ mean: { dist: 'normal', mean: 2.45, sd: 4.1 / (2 * Z_975) }, sd: 3.01 });
    const f = withEvidence();
    f.endpoint.arms.msc.mean.fromCI.evidence = 'nope';
    expect(messages(f, { resolveEvidence })).toEqual([
      'endpoint.arms.msc.mean.fromCI.evidence: got "nope"; allowed: the id of an evidence entry with an estimate and a 95 % interval (see src/evidence/library.ts) (unknown evidence id)',
    ]);
  });
});

describe('resolveScenario: value ranges', () => {
  const edit = (make: () => ScenarioFile, change: (f: Record<string, any>) => void) => {
    const f = loose(make());
    change(f);
    return messages(f);
  };

  it('n: a whole number from 2 to 100000, and at least 1 patient per arm', () => {
    expect(edit(parallelContinuous, (f) => (f.design.n = -3))).toEqual(['design.n: got -3; allowed: a whole number ≥ 2']);
    expect(edit(parallelContinuous, (f) => (f.design.n = 70.5))).toEqual(['design.n: got 70.5; allowed: a whole number ≥ 2']);
    expect(edit(parallelContinuous, (f) => (f.design.n = 200000))).toEqual(['design.n: got 200000; allowed: a whole number ≤ 100000']);
    expect(edit(singleBinary, (f) => (f.design.n = 1))).toEqual(['design.n: got 1; allowed: a whole number ≥ 2']);
    expect(
      edit(parallelContinuous, (f) => {
        f.let = { k: -3 };
        f.design.n = '2 * k';
      }),
    ).toEqual(['design.n: got "2 * k" (= -6); allowed: a whole number ≥ 2']);
    expect(
      edit(parallelContinuous, (f) => {
        f.design.n = 3;
        f.design.allocation = [1, 3];
      }),
    ).toEqual(['design.n: got 3; allowed: a whole number ≥ 4, so that every arm gets at least 1 patient with allocation [1, 3]']);
    expect(edit(parallelBinary, (f) => (f.design.n = 3))).toEqual([
      'design.n: got 3; allowed: a whole number ≥ 4, so that every arm gets at least 1 patient with allocation [2, 1, 1]',
    ]);
    expect(
      edit(parallelContinuous, (f) => {
        f.design.n = 4;
        f.design.allocation = [1, 3];
      }),
    ).toEqual([]);
  });

  it('allocation > 0, dropout in [0, 1), correlation in (-1, 1), spillover in [0, 1]', () => {
    expect(edit(parallelContinuous, (f) => (f.design.allocation = [1, '1 - 1']))).toEqual([
      'design.allocation[1]: got "1 - 1" (= 0); allowed: a number > 0',
    ]);
    expect(edit(parallelContinuous, (f) => (f.design.dropout = 1))).toEqual(['design.dropout: got 1; allowed: a number in [0, 1)']);
    expect(edit(withinBinary, (f) => (f.design.correlation = -1))).toEqual(['design.correlation: got -1; allowed: a number in (-1, 1)']);
    expect(edit(withinBinary, (f) => (f.design.spillover = 1.5))).toEqual(['design.spillover: got 1.5; allowed: a number in [0, 1]']);
    expect(edit(withinBinary, (f) => (f.design.spillover = 1))).toEqual([]);
  });

  it('sd > 0, p in [0, 1], probs in [0, 1] summing to 1', () => {
    expect(edit(parallelContinuous, (f) => (f.endpoint.arms.saline.sd = 0))).toEqual([
      'endpoint.arms.saline.sd: got 0; allowed: a number > 0',
    ]);
    expect(edit(singleBinary, (f) => (f.endpoint.arms.treated.p = 1.2))).toEqual([
      'endpoint.arms.treated.p: got 1.2; allowed: a probability in [0, 1]',
    ]);
    expect(edit(parallelOrdinal, (f) => (f.endpoint.arms.tci.probs = [0.2, 0.2, 0.3, 0.4]))).toEqual([
      'endpoint.arms.tci.probs: got [0.2,0.2,0.3,0.4] (= 1.1); allowed: probabilities that sum to 1 (within 0.000001)',
    ]);
    expect(edit(parallelOrdinal, (f) => (f.endpoint.arms.tci.probs = [0.2, 0.2, 0.3, 0.3 + 1e-7]))).toEqual([]);
    expect(edit(parallelOrdinal, (f) => (f.endpoint.arms.tci.probs = [-0.2, 0.4, 0.5, 0.3]))).toEqual([
      'endpoint.arms.tci.probs[0]: got -0.2; allowed: a probability in [0, 1]',
    ]);
    expect(edit(parallelOrdinal, (f) => (f.endpoint.arms.tci.probs = [{ beta: { alpha: 2, beta: 8 } }, 0.2, 0.3, 0.3]))).toEqual([]);
    expect(edit(parallelOrdinal, (f) => (f.endpoint.arms.tci.probs = [{ beta: { alpha: 5, beta: 5 } }, 0.2, 0.3, 0.3]))).toEqual([
      'endpoint.arms.tci.probs: got [{"beta":{"alpha":5,"beta":5}},0.2,0.3,0.3] (= 1.3); allowed: probabilities whose centres sum to 1 (within 0.05; some are distributions)',
    ]);
  });

  it('alpha in (0, 0.5]; the binomial benchmark in (0, 1) and required', () => {
    expect(edit(parallelContinuous, (f) => (f.analysis.alpha = 0.6))).toEqual(['analysis.alpha: got 0.6; allowed: a number in (0, 0.5]']);
    expect(edit(parallelContinuous, (f) => (f.analysis.alpha = '0.05 / 2'))).toEqual([]);
    expect(edit(singleBinary, (f) => (f.analysis.null = 1))).toEqual(['analysis.null: got 1; allowed: a benchmark rate in (0, 1)']);
    expect(
      edit(singleBinary, (f) => {
        delete f.analysis.null;
        f.sources[0].paths = [];
      }),
    ).toEqual(['analysis.null: got missing; allowed: the benchmark rate, in (0, 1), that binomial-exact tests against']);
    expect(edit(singleContinuous, (f) => (f.analysis.null = -2.5))).toEqual([]);
  });

  it('distribution parameters: sd > 0, alpha and beta ≥ 0.05, centre in range', () => {
    expect(edit(parallelContinuous, (f) => (f.endpoint.arms.msc.mean = { normal: { mean: 1, sd: -1 } }))).toEqual([
      'endpoint.arms.msc.mean.normal.sd: got -1; allowed: a number > 0',
    ]);
    expect(edit(singleBinary, (f) => (f.endpoint.arms.treated.p = { beta: { alpha: 0, beta: 2 } }))).toEqual([
      'endpoint.arms.treated.p.beta.alpha: got 0; allowed: a number ≥ 0.05',
    ]);
    expect(edit(singleBinary, (f) => (f.endpoint.arms.treated.p = { normal: { mean: 1.2, sd: 0.1 } }))).toEqual([
      'endpoint.arms.treated.p.normal.mean: got 1.2; allowed: a probability in [0, 1] (the centre of the distribution)',
    ]);
    expect(edit(parallelContinuous, (f) => (f.endpoint.arms.msc.sd = { normal: { mean: -1, sd: 0.5 } }))).toEqual([
      'endpoint.arms.msc.sd.normal.mean: got -1; allowed: a number > 0 (the centre of the distribution)',
    ]);
    expect(edit(parallelContinuous, (f) => (f.endpoint.arms.msc.sd = { lognormal: { meanlog: 0, sdlog: 0 } }))).toEqual([
      'endpoint.arms.msc.sd.lognormal.sdlog: got 0; allowed: a number > 0',
    ]);
    expect(edit(withinBinary, (f) => (f.design.correlation = { lognormal: { meanlog: 0, sdlog: 0.5 } }))).toEqual([
      `design.correlation.lognormal.meanlog: got 0 (= ${Math.exp(0.125)}); allowed: a number in (-1, 1) (the mean exp(meanlog + sdlog²/2) of the distribution)`,
    ]);
    expect(edit(withinBinary, (f) => (f.design.dropout = { beta: { alpha: 9, beta: 1 } }))).toEqual([]);
  });

  it('fromCI: lower < upper, estimate between them, estimate in range after the unit', () => {
    const ci = (fromCI: object) => edit(withinBinary, (f) => (f.endpoint.arms.active.p = { fromCI }));
    expect(ci({ estimate: 60, lower: 75, upper: 45, unit: '%' })).toEqual([
      'endpoint.arms.active.p.fromCI.upper: got 45; allowed: a number > lower (75)',
    ]);
    expect(ci({ estimate: 80, lower: 45, upper: 75, unit: '%' })).toEqual([
      'endpoint.arms.active.p.fromCI.estimate: got 80; allowed: a number between lower and upper (45 to 75)',
    ]);
    expect(ci({ estimate: 120, lower: 100, upper: 130, unit: '%' })).toEqual([
      'endpoint.arms.active.p.fromCI.estimate: got 120 (= 1.2); allowed: a probability in [0, 1] (the estimate, divided by 100 for unit "%")',
    ]);
    expect(ci({ estimate: 0.6, lower: 0.45, upper: 0.75, unit: 'proportion' })).toEqual([]);
  });

  it('reports expressions whose value is not finite, and let problems once', () => {
    expect(
      edit(parallelContinuous, (f) => {
        f.let = { a: 'log(0)', b: 'a + 1' };
        f.endpoint.arms.msc.mean = 'b';
        f.endpoint.arms.saline.mean = 'sqrt(-1)';
      }),
    ).toEqual([
      'let.a: got "log(0)" (= -Infinity); allowed: an expression with a finite value (the result is not a finite number)',
      'endpoint.arms.saline.mean: got "sqrt(-1)" (= NaN); allowed: an expression with a finite value (the result is not a finite number)',
    ]);
  });

  it('reports several range problems at once', () => {
    expect(
      edit(withinContinuous, (f) => {
        f.design.n = 1;
        f.design.spillover = -0.1;
        f.endpoint.arms.untreated.sd = 0;
        f.analysis.alpha = 0;
      }),
    ).toEqual([
      'design.n: got 1; allowed: a whole number ≥ 2',
      'design.spillover: got -0.1; allowed: a number in [0, 1]',
      'endpoint.arms.untreated.sd: got 0; allowed: a number > 0',
      'analysis.alpha: got 0; allowed: a number in (0, 0.5]',
    ]);
  });
});

describe('resolveScenario: checkSweep', () => {
  it('resolves each sweep value and reports those that fail, at their place in sweep', () => {
    const f = loose(parallelContinuous());
    f.sweep = { 'design.n': [1, 20, 30.5], 'endpoint.arms.msc.sd': [1, 0] };
    expect(messages(f)).toEqual([]); // off by default
    expect(messages(f, { checkSweep: true })).toEqual([
      'sweep["design.n"][0]: got 1; allowed: a whole number ≥ 2',
      'sweep["design.n"][2]: got 30.5; allowed: a whole number ≥ 2',
      'sweep["endpoint.arms.msc.sd"][1]: got 0; allowed: a number > 0',
    ]);
  });

  it('names the value a swept let name breaks', () => {
    const f = loose(parallelContinuous());
    f.let = { k: 35 };
    f.design.n = '2 * k';
    f.sweep = { 'let.k': [10, -1, '1/0'] };
    expect(messages(f, { checkSweep: true })).toEqual([
      'sweep["let.k"][1]: got -1; allowed: a whole number ≥ 2 (with this value, design.n: got "2 * k" (= -2))',
      'sweep["let.k"][2]: got "1/0" (= Infinity); allowed: an expression with a finite value (the result is not a finite number)',
    ]);
  });

  it('matches dotted list indexes to the issue path', () => {
    const f = loose(parallelOrdinal());
    f.sweep = { 'endpoint.arms.tci.probs.0': [-1] };
    expect(messages(f, { checkSweep: true })).toEqual(['sweep["endpoint.arms.tci.probs.0"][0]: got -1; allowed: a probability in [0, 1]']);
  });
});
