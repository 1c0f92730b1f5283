import { describe, expect, it } from 'vitest';
import {
  closedFormEffect,
  effectLattice,
  latticeEffect,
  latticeValue,
  withEffect,
  type EffectLattice,
} from '../../src/engine/mde-search.js';
import {
  loadSizeFixture,
  pairedScenario,
  twoProportionScenario,
  twoSampleScenario,
  type ClosedFormsFixture,
} from '../fixtures/size/load.js';

const fixture = loadSizeFixture<ClosedFormsFixture>('closed-forms-r.json');

describe('the effect lattice of mde', () => {
  it('moves the active arm\u2019s mean from the control in round steps of 0.1–1 % of the SD (0.01 at SD 1), in the direction of benefit', () => {
    const scenario = twoSampleScenario(0.5, 70);
    const lattice = effectLattice(scenario) as EffectLattice;
    expect(lattice).toMatchObject({
      kind: 'mean',
      arm: 'trt',
      path: 'endpoint.arms.trt.mean',
      reference: 0,
      direction: 1,
      unit: 0.01,
      fileEffect: 0.5,
    });
    const moved = withEffect(scenario, lattice, 37);
    expect(moved.endpoint.kind === 'continuous' && moved.endpoint.arms.trt.mean).toBe(0.37);
    expect(latticeEffect(lattice, 3)).toBe(0.03);
    const lower = { ...scenario, endpoint: { ...scenario.endpoint, better: 'lower' as const } };
    expect(latticeValue(effectLattice(lower) as EffectLattice, 37)).toBe(-0.37);
  });

  it('moves the active arm\u2019s rate in steps of 0.001 and stays within [0, 1]', () => {
    const lattice = effectLattice(twoProportionScenario(0.895, 0.621, 'fisher-exact')) as EffectLattice;
    expect(lattice).toMatchObject({ kind: 'rate', reference: 0.621, unit: 0.001, max: 379 });
    expect(latticeValue(lattice, 274)).toBe(0.895);
  });

  it('refuses ordinal endpoints and several active arms with a reason', () => {
    const three = twoSampleScenario(0.5);
    const design = { ...three.design, arms: [...three.design.arms, { id: 'x', label: 'x', control: false }], allocation: [1, 1, 1] };
    expect(effectLattice({ ...three, design } as typeof three)).toMatch(/exactly one active arm/);
  });

  it('has no closed form where the noncentral t would have under 1 df (2 patients, 30 % dropout: 1.4 expected completers), rather than a NaN read as reached', () => {
    const base = pairedScenario(0.5, 0.5, 2);
    const scenario = { ...base, design: { ...base.design, dropout: 0.3 } };
    expect(closedFormEffect(scenario, effectLattice(scenario) as EffectLattice, 0.8)).toBeUndefined();
  });

  for (const c of fixture.effects) {
    it(`closed form: ${c.description} = ${c.effect.toFixed(4)} (${c.source})`, () => {
      const scenario = c.design === 'two-sample' ? twoSampleScenario(0.5, 2 * c.n) : pairedScenario(0.5, 0.5, c.n);
      const lattice = effectLattice(scenario) as EffectLattice;
      const found = closedFormEffect(scenario, lattice, c.power)!;
      // The lattice answer is the effect rounded up to the next 0.01 (the SD of the differences is 1 at rho = 0.5).
      expect(latticeEffect(lattice, found.j)).toBe(Math.ceil(c.effect * 100 - 1e-9) / 100);
    });
  }
});
