import { describe, expect, it } from 'vitest';
import {
  ARM_COST,
  checkRunBudget,
  estimateRunCost,
  expectedReplicates,
  FAST_ARM_COST,
  TRIAL_BASE,
  trialCost,
} from '../../src/engine/run-budget.js';
import { formatCost } from '../../src/engine/format-cost.js';
import type { SimulationPoint } from '../../src/engine/simulation-point.js';
import { DEFAULT_MAX_COST } from '../../src/scenario/limits.js';
import type { ResolvedScenario } from '../../src/scenario/types.js';
import { parallelBinary, parallelContinuous, threeArm, withinPatientContinuous } from '../helpers/resolved-scenarios.js';

const point = (scenario: ResolvedScenario, replicates: number, extra: Partial<SimulationPoint> = {}): SimulationPoint => ({
  scenario,
  replicates,
  label: 'p',
  ...extra,
});
const fast = (s: ResolvedScenario): ResolvedScenario => ({ ...s, simulation: { ...s.simulation, fastPath: true } });

describe('trialCost', () => {
  it('counts the patient outcomes of a t-test trial, plus a fixed cost per trial and per arm', () => {
    expect(trialCost(parallelContinuous(70))).toBe(TRIAL_BASE + 2 * ARM_COST + 70);
    // Two sites per patient in a within-patient design, each dearer (paired data).
    expect(trialCost(withinPatientContinuous(30, 0.5, 0.5))).toBe(TRIAL_BASE + 2 * ARM_COST + 60 * 2);
  });

  it('counts O(arms) per trial on the fast path, whatever n', () => {
    const small = trialCost(fast(parallelContinuous(70)));
    expect(small).toBe(TRIAL_BASE + 2 * FAST_ARM_COST);
    expect(trialCost(fast(parallelContinuous(100_000)))).toBe(small);
    // With dropout the completer table is scanned: about 0.2 per patient.
    const withDropout = fast(parallelContinuous(100_000));
    withDropout.design = { ...withDropout.design, dropout: 0.1 };
    expect(trialCost(withDropout)).toBe(small + 0.2 * 100_000);
  });

  it('weighs dearer analyses: rank tests sort, exact tests on large trials build a null distribution per table', () => {
    const t = trialCost(parallelContinuous(1000));
    expect(trialCost(parallelContinuous(1000, 'mann-whitney'))).toBeGreaterThan(10 * (t - TRIAL_BASE - 2 * ARM_COST));
    expect(trialCost(parallelBinary(100_000, 0.5, 0.4))).toBeGreaterThan(
      (25 * trialCost(parallelBinary(100_000, 0.5, 0.4, 'chi-square'))) / 2,
    );
    // Several arms: each comparison beyond the first costs an exact p-value.
    expect(trialCost(threeArm(90, 'any', 'holm'))).toBeGreaterThan(TRIAL_BASE + 3 * ARM_COST + 90);
  });
});

describe('expectedReplicates', () => {
  it('is the replicates, those of a shard, or the worst case of a precision target', () => {
    const s = parallelContinuous(70);
    expect(expectedReplicates(point(s, 12_345))).toBe(12_345);
    // A shard of chunks 10 … 14 of a run of 13 chunks runs chunks 10, 11 and 12: 1000 + 1000 + 345.
    expect(expectedReplicates(point(s, 12_345, { chunks: { first: 10, count: 5 } }))).toBe(2345);
    // ±0.01 at p = 0.5 needs 1.96²·0.25/0.01² ≈ 9604 replicates, +10 %, in whole chunks.
    expect(expectedReplicates(point(s, 10_000_000, { precision: 0.01 }))).toBe(11_000);
    expect(expectedReplicates(point(s, 5000, { precision: 0.001 }))).toBe(5000);
  });
});

describe('checkRunBudget', () => {
  it('accepts the shipped kind of run with a wide margin', () => {
    // NCT06764329: 9 sweep points × 10 000 replicates × n ≤ 120.
    const points = [20, 30, 40, 50, 60, 70, 80, 100, 120].map((n) => point(parallelContinuous(n), 10_000));
    const r = checkRunBudget(points);
    expect(r.ok).toBe(true);
    expect(r.estimate).toBeLessThan(DEFAULT_MAX_COST / 1000);
  });

  it('refuses a run over the budget before it starts, with the estimate and how to proceed', () => {
    // 10 points × 1 000 000 replicates × 42 000 patients: ~4.2e11.
    const points = Array.from({ length: 10 }, () => point(parallelContinuous(42_000), 1_000_000));
    const r = checkRunBudget(points);
    expect(r.ok).toBe(false);
    expect(r.estimate).toBe(estimateRunCost(points));
    expect(r.ok ? '' : r.message).toBe(
      'this run would simulate about 4.2e11 patient outcomes (10 design points × 1000000 replicates × 42150 per trial; about 70 core-minutes); ' +
        'the limit is 6e10; raise it with --max-cost or reduce the replicates, n or the sweep',
    );
  });

  it('is overridable by the person running, and says so in the terms of the caller', () => {
    const points = [point(parallelContinuous(100_000), 1_000_000)];
    expect(checkRunBudget(points).ok).toBe(false);
    expect(checkRunBudget(points, { maxCost: 1e12 }).ok).toBe(true);
    const ui = checkRunBudget(points, { maxCost: 1e9 }, { raise: 'raise "Largest run" in the settings' });
    expect(ui.ok ? '' : ui.message).toMatch(/the limit is 1e9; raise "Largest run" in the settings or reduce/);
  });

  it('describes mixed points and adaptive replicates', () => {
    const points = [point(parallelContinuous(100_000), 10_000_000, { precision: 0.0005 }), point(parallelContinuous(20), 100)];
    const r = checkRunBudget(points, { maxCost: 1e9 });
    expect(r.ok ? '' : r.message).toMatch(
      /^this run would simulate about 4\.2e11 patient outcomes \(2 design points × up to 4226000 replicates \(what the precision target may need\) × up to 100150 per trial; about \d+ core-minutes\); the limit is 1e9;/,
    );
  });

  it('formats costs compactly', () => {
    expect([formatCost(999_999), formatCost(2e10), formatCost(4.24e11), formatCost(Infinity)]).toEqual([
      '999999',
      '2e10',
      '4.2e11',
      'Infinity',
    ]);
  });
});
