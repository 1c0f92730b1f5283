/**
 * Closed-form sample sizes against R: pwr::pwr.t.test (two-sample, paired with the
 * within-patient correlation, one-sample), stats::power.prop.test and the Fleiss
 * continuity correction. Fixture: scripts/reference/size-closed-forms.R.
 */
import { describe, expect, it } from 'vitest';
import { closedFormFor, fleissCorrected, twoProportionPower } from '../../src/engine/closed-form.js';
import { closedFormSampleSize, sizeLattice } from '../../src/engine/sample-size-search.js';
import type { ResolvedScenario } from '../../src/scenario/types.js';
import {
  loadSizeFixture,
  oneSampleScenario,
  pairedScenario,
  twoProportionScenario,
  twoSampleScenario,
  type ClosedFormsFixture,
} from '../fixtures/size/load.js';

const fixture = loadSizeFixture<ClosedFormsFixture>('closed-forms-r.json');

/** The closed-form n on the scenario's lattice: per arm for parallel designs, patients otherwise. */
function closedN(scenario: ResolvedScenario, target: number): { n: number; method: string } {
  const lattice = sizeLattice(scenario.design, 100_000);
  const found = closedFormSampleSize(closedFormFor(scenario)!, lattice, scenario.design, target)!;
  return { n: scenario.design.kind === 'parallel' ? found.k : found.k * lattice.step, method: found.method };
}

describe(`closed-form sample sizes against R (${fixture.generator.tool})`, () => {
  for (const c of fixture.sampleSizes) {
    it(`${c.description}: ${c.n} (${c.source} = ${c.nContinuous.toFixed(3)})`, () => {
      const scenario =
        c.design === 'two-sample'
          ? twoSampleScenario(c.d!)
          : c.design === 'paired'
            ? pairedScenario(c.d!, c.rho!)
            : c.design === 'one-sample'
              ? oneSampleScenario(c.d!)
              : c.design === 'two-proportions'
                ? twoProportionScenario(c.p1!, c.p2!, 'chi-square')
                : twoProportionScenario(c.p1!, c.p2!, 'fisher-exact');
      const { n, method } = closedN(scenario, c.power);
      expect(n).toBe(c.n);
      expect(method).toMatch(c.design.startsWith('two-proportions') ? /normal approximation/ : /noncentral t/);
    });
  }

  it('the issue\u2019s numbers: 64 and 86 per arm, 34 and 21 pairs', () => {
    expect(closedN(twoSampleScenario(0.5), 0.8).n).toBe(64);
    expect(closedN(twoSampleScenario(0.5), 0.9).n).toBe(86);
    expect(closedN(pairedScenario(0.5, 0.5), 0.8).n).toBe(34);
    expect(closedN(pairedScenario(0.5, 0.7), 0.8).n).toBe(21);
  });

  it('Welch with equal SDs and arms matches Student (df n − 2), and is labelled an approximation', () => {
    const welch = closedFormFor(twoSampleScenario(0.5, 100, 'welch-t'))!;
    const student = closedFormFor(twoSampleScenario(0.5, 100, 'student-t'))!;
    expect(welch.power([64, 64])).toBeCloseTo(student.power([64, 64]), 12);
    expect(welch.method).toMatch(/Welch.*approximation/);
  });

  it('the Fleiss-corrected power inverts the corrected sample size', () => {
    const m = 37.153735085250695; // stats::power.prop.test(p1 = 0.895, p2 = 0.621, power = 0.8)$n
    const corrected = fleissCorrected(m, 1, 0.274);
    expect(twoProportionPower(0.895, 0.621, m, m, 0.05, 2, 1, false)).toBeCloseTo(0.8, 6);
    expect(twoProportionPower(0.895, 0.621, corrected, corrected, 0.05, 2, 1, true)).toBeCloseTo(0.8, 6);
  });

  it('has no closed form for rank tests, McNemar, ordinal endpoints or three arms', () => {
    const mw = { ...twoSampleScenario(0.5), analysis: { ...twoSampleScenario(0.5).analysis, test: 'mann-whitney' as const } };
    expect(closedFormFor(mw)).toBeUndefined();
  });
});
