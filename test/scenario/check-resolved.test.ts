import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkResolvedScenario } from '../../src/scenario/check-resolved.js';
import { formatIssue } from '../../src/scenario/format-issues.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { ResolvedScenario } from '../../src/scenario/types.js';
import { parallelBinary, parallelContinuous, threeArm, withinPatientContinuous } from '../helpers/resolved-scenarios.js';
import { EXAMPLES } from './examples.js';

const messages = (v: unknown) => {
  const r = checkResolvedScenario(v);
  return r.ok ? [] : r.issues.map(formatIssue);
};
const edited = (s: ResolvedScenario, edit: (x: any) => void): unknown => {
  const copy = JSON.parse(JSON.stringify(s));
  edit(copy);
  return copy;
};

describe('checkResolvedScenario', () => {
  it('accepts every scenario the resolver produces, unchanged', () => {
    for (const [name, make] of Object.entries(EXAMPLES)) {
      const loaded = loadScenario(JSON.stringify(make()));
      expect(loaded.ok, name).toBe(true);
      if (!loaded.ok) continue;
      const r = checkResolvedScenario(loaded.resolved);
      expect(r.ok && r.value).toEqual(loaded.resolved);
    }
    for (const s of [
      parallelContinuous(70),
      parallelBinary(60, 0.5, 0.3),
      withinPatientContinuous(30, 0.5, 0.5),
      threeArm(90, 'all', 'holm'),
    ]) {
      expect(messages(s)).toEqual([]);
    }
  });

  it('returns a fresh copy without unknown keys; forEngine also drops the text the engine does not read', () => {
    const s = edited(parallelContinuous(70), (x) => {
      x.extra = 'x'.repeat(10_000);
      x.description = 'long';
      x.design.arms[0].label = 'MSC';
    }) as ResolvedScenario;
    const r = checkResolvedScenario(s);
    expect(r.ok && 'extra' in r.value).toBe(false);
    expect(r.ok && r.value.design !== s.design).toBe(true);
    const e = checkResolvedScenario(s, { forEngine: true });
    expect(e.ok && [e.value.title, e.value.description, e.value.design.arms[0].label]).toEqual(['', undefined, 'msc']);
  });

  it('names the path of what is wrong in a hand-made scenario', () => {
    const s = parallelContinuous(70);
    expect(messages(null)).toEqual(['(root): got null; allowed: an object']);
    expect(messages(edited(s, (x) => (x.design.n = 1e300)))).toEqual(['design.n: got 1e+300; allowed: a whole number from 2 to 10000000']);
    expect(messages(edited(s, (x) => (x.design.n = '70')))).toEqual(['design.n: got "70"; allowed: a whole number from 2 to 10000000']);
    expect(messages(edited(s, (x) => (x.design.allocation = [1, 1, 1])))).toEqual([
      'design.allocation: got [1,1,1]; allowed: a list of 2 weights',
    ]);
    expect(messages(edited(s, (x) => (x.design.arms[1].control = false)))).toEqual([
      'design.arms: got [{"id":"msc","label":"msc","control":false},{"id":"saline","label":"saline","co…; allowed: exactly one control arm',
    ]);
    expect(messages(edited(s, (x) => (x.design.arms[0].id = '__proto__')))).toEqual([
      'design.arms[0].id: got "__proto__"; allowed: a unique id of letters, digits, "_" and "-"',
    ]);
    expect(messages(edited(s, (x) => delete x.endpoint.arms.saline))).toEqual([
      'endpoint.arms: got ["msc"]; allowed: one entry per arm: msc, saline',
    ]);
    expect(messages(edited(s, (x) => (x.endpoint.arms.msc.sd = { dist: 'normal', mean: 1, sd: -1 })))).toEqual([
      'endpoint.arms.msc.sd.sd: got -1; allowed: a number > 0 and ≤ 1e12',
    ]);
    expect(messages(edited(s, (x) => (x.endpoint.arms.msc.sd = { dist: 'weibull' })))).toEqual([
      'endpoint.arms.msc.sd.dist: got "weibull"; allowed: one of "normal", "beta", "lognormal"',
    ]);
    expect(messages(edited(s, (x) => (x.analysis.test = 'fisher-exact')))).toEqual([
      'analysis.test: got "fisher-exact"; allowed: a test that fits a parallel design with a continuous endpoint: welch-t, student-t, mann-whitney',
    ]);
    expect(messages(edited(s, (x) => (x.analysis.alpha = 0)))).toEqual(['analysis.alpha: got 0; allowed: a number from 1e-8 to 0.5']);
    expect(messages(edited(s, (x) => (x.simulation.replicates = 1.5)))).toEqual([
      'simulation.replicates: got 1.5; allowed: a whole number from 1 to 1000000000',
    ]);
    expect(messages(edited(s, (x) => (x.simulation.seed = { toString: 1 })))).toEqual([
      'simulation.seed: got {"toString":1}; allowed: a string of at most 200 characters',
    ]);
    const w = withinPatientContinuous(30, 0.5, 0.5);
    expect(messages(edited(w, (x) => x.design.arms.reverse()))).toEqual([
      'design.arms: got [{"id":"control","label":"control","control":true},{"id":"active","label":"acti…; allowed: the treated site first, the control site second',
    ]);
    expect(messages(edited(w, (x) => (x.design.correlation = 1)))).toEqual(['design.correlation: got 1; allowed: a number in (-1, 1)']);
  });

  it('checks ordinal probabilities: one per category, summing to 1', () => {
    const ordinal = (probs: unknown) => ({
      ...parallelContinuous(20),
      endpoint: {
        kind: 'ordinal',
        label: 'x',
        better: 'higher',
        categories: ['a', 'b'],
        arms: { msc: { probs }, saline: { probs: [0.5, 0.5] } },
      },
      analysis: { ...parallelContinuous(20).analysis, test: 'mann-whitney' },
    });
    expect(messages(ordinal([0.5, 0.5]))).toEqual([]);
    expect(messages(ordinal([0.5, 0.6]))).toEqual([
      'endpoint.arms.msc.probs: got [0.5,0.6]; allowed: probabilities summing to 1 (within 0.000001)',
    ]);
    expect(messages(ordinal([1]))).toEqual(['endpoint.arms.msc.probs: got [1]; allowed: a list of 2 probabilities']);
  });

  it('never throws, and rejects or accepts every mutation of a valid resolved scenario (fast-check)', () => {
    const bases = [
      parallelContinuous(70),
      parallelBinary(60, 0.5, 0.3),
      withinPatientContinuous(30, 0.5, 0.5),
      threeArm(90, 'all', 'holm'),
    ];
    const anything = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.double(),
      fc.constantFrom(
        NaN,
        Infinity,
        -1,
        0,
        1e308,
        '__proto__',
        { dist: 'normal', mean: 0, sd: 1 },
        { dist: 'beta', alpha: 0, beta: 1 },
        [],
      ),
    );
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.array(fc.tuple(fc.nat(), anything), { minLength: 1, maxLength: 3 }), (b, edits) => {
        const doc = JSON.parse(JSON.stringify(bases[b]));
        for (const [at, v] of edits) {
          const paths: Array<[any, string | number]> = [];
          const walk = (o: any) => {
            if (o === null || typeof o !== 'object') return;
            for (const k of Object.keys(o)) {
              paths.push([o, Array.isArray(o) ? Number(k) : k]);
              walk(o[k]);
            }
          };
          walk(doc);
          const [parent, key] = paths[at % paths.length];
          Object.defineProperty(parent, key, { value: structuredClone(v), enumerable: true, writable: true, configurable: true });
        }
        const r = checkResolvedScenario(doc);
        if (!r.ok) for (const issue of r.issues) expect(typeof formatIssue(issue)).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });
});
