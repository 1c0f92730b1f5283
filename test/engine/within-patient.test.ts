/**
 * Within-patient designs (paired t): power rises with the correlation between the two sites of a
 * patient, and systemic spill-over γ shrinks the effect to (1 − γ)·δ. Reference powers from
 * pwr::pwr.t.test(type = "paired") with d_z = (1 − γ)·δ / (σ·√(2(1 − ρ))), in
 * test/fixtures/power/within-patient.json (scripts/reference/power-r.R).
 */
import { describe, expect, it } from 'vitest';
import { runPoint, type PointResult } from '../../src/engine/run-point.js';
import { fmt, loadFixture, mcTolerance, type PowerCase, type PowerFixture } from '../fixtures/power/load.js';

const fixture = loadFixture<PowerFixture>('within-patient.json');
const byGroup = (group: PowerCase['group']): PowerCase[] => fixture.cases.filter((c) => c.group === group);
const one = (group: PowerCase['group']): PowerCase => {
  const cases = byGroup(group);
  if (cases.length !== 1) throw new Error(`within-patient.json: expected one case in group ${group}`);
  return cases[0];
};

function expectMatchesPwr(c: PowerCase, result: PointResult): void {
  const tol = mcTolerance(c.power, result.replicates, c.referenceMcse);
  expect(
    Math.abs(result.power - c.power),
    `${c.id}: simulated ${fmt(result.power)} (${result.successes}/${result.replicates}) vs ${c.source} = ${fmt(c.power)}; tolerance ${fmt(tol)}`,
  ).toBeLessThanOrEqual(tol);
}

describe(`within-patient correlation (${fixture.generator.tool})`, () => {
  const cases = byGroup('correlation').sort((a, b) => (a.rho ?? 0) - (b.rho ?? 0));

  it('fixture: ρ = 0, 0.3, 0.6, 0.9 with one common seed and increasing pwr power', () => {
    expect(cases.map((c) => c.rho)).toEqual([0, 0.3, 0.6, 0.9]);
    expect(new Set(cases.map((c) => c.scenario.simulation.seed)).size).toBe(1);
    for (let i = 1; i < cases.length; i++) expect(cases[i].power).toBeGreaterThan(cases[i - 1].power);
  });

  it('power rises strictly with ρ and matches pwr::pwr.t.test(type = "paired") at each ρ', () => {
    const results = cases.map((c) => runPoint(c.scenario));
    cases.forEach((c, i) => expectMatchesPwr(c, results[i]));
    for (let i = 1; i < results.length; i++) {
      expect(
        results[i].power,
        `power at ρ = ${cases[i].rho} (${fmt(results[i].power)}) vs ρ = ${cases[i - 1].rho} (${fmt(results[i - 1].power)})`,
      ).toBeGreaterThan(results[i - 1].power);
    }
  });
});

describe(`within-patient spill-over (${fixture.generator.tool})`, () => {
  const spill = one('spillover');
  const equivalent = one('spillover-equivalent');
  const full = one('spillover-reference');

  it('fixture: spill-over γ with effect δ is the no-spill-over case with effect (1 − γ)·δ', () => {
    expect(spill.spillover).toBeGreaterThan(0);
    expect(equivalent.spillover).toBe(0);
    expect(spill.effect).toBeCloseTo(equivalent.effect ?? NaN, 12);
    expect(spill.power).toBeCloseTo(equivalent.power, 12);
    expect(full.power).toBeGreaterThan(spill.power);
  });

  it('spill-over γ = 0.4 gives the pwr power of effect (1 − γ)·δ, and the same power as no spill-over at (1 − γ)·δ', () => {
    const withSpill = runPoint(spill.scenario);
    const reduced = runPoint(equivalent.scenario);
    const noSpill = runPoint(full.scenario);
    expectMatchesPwr(spill, withSpill);
    expectMatchesPwr(equivalent, reduced);
    expectMatchesPwr(full, noSpill);
    // Two estimates of the same power: their difference has SD at most √2 · MC SE.
    const tol = Math.SQRT2 * mcTolerance(spill.power, Math.min(withSpill.replicates, reduced.replicates));
    expect(
      Math.abs(withSpill.power - reduced.power),
      `with spill-over ${fmt(withSpill.power)} vs without at (1 − γ)·δ ${fmt(reduced.power)}; tolerance ${fmt(tol)}`,
    ).toBeLessThanOrEqual(tol);
    expect(withSpill.power, 'spill-over must lower the power').toBeLessThan(noSpill.power);
  });
});
