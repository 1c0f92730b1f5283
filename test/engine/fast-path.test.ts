import { describe, expect, it } from 'vitest';
import { runPoint } from '../../src/engine/run-point.js';
import { FastPathDraws, fastPathApplies } from '../../src/engine/fast-path.js';
import { chunkStream, CHUNK_SIZE } from '../../src/engine/chunks.js';
import { allocateParameters, type TrialParameters } from '../../src/engine/parameters.js';
import type { ResolvedScenario } from '../../src/scenario/types.js';
import { parallelContinuous, parallelBinary, threeArm, withinPatientContinuous } from '../helpers/resolved-scenarios.js';

const withFastPath = (s: ResolvedScenario, fastPath: boolean, replicates = 40_000): ResolvedScenario => ({
  ...s,
  simulation: { ...s.simulation, replicates, fastPath },
});

/** Both runs are independent estimates: their difference has SE √(se₁² + se₂²). */
function expectAgreement(s: ResolvedScenario): void {
  const patients = runPoint(withFastPath(s, false));
  const summaries = runPoint(withFastPath(s, true));
  const tolerance = 4 * Math.sqrt(patients.mcse ** 2 + summaries.mcse ** 2) + 1e-9;
  expect(Math.abs(summaries.power - patients.power)).toBeLessThanOrEqual(tolerance);
}

/** Numbers per replicate in the summaries of a two-arm parallel design: [n, mean, variance] per arm. */
const STRIDE = 6;

function twoArmParameters(means: [number, number], sds: [number, number]): TrialParameters {
  const params = allocateParameters(2, 1);
  params.mean.set(means);
  params.sd.set(sds);
  return params;
}

/** The fast path's summaries of chunk `k` of `seed`, `perArm` patients per arm, no dropout: the first `length` replicates simulated. */
function fastPathSummaries(perArm: number, params: TrialParameters, seed: string, k: number, length = CHUNK_SIZE): Float64Array {
  const draws = new FastPathDraws(false, Int32Array.of(perArm, perArm), 0);
  draws.beginChunk(chunkStream(seed, k));
  const summaries = new Float64Array(CHUNK_SIZE * STRIDE);
  draws.simulate(0, length, params, summaries);
  return summaries;
}

describe('sufficient-statistics fast path', () => {
  it('applies to normal endpoints with t-tests only, and can be turned off', () => {
    expect(fastPathApplies(withFastPath(parallelContinuous(40), true))).toBe(true);
    expect(fastPathApplies(withFastPath(parallelContinuous(40), false))).toBe(false);
    expect(fastPathApplies(withFastPath(parallelContinuous(40, 'mann-whitney'), true))).toBe(false);
    expect(fastPathApplies(withFastPath(parallelBinary(40, 0.5, 0.3), true))).toBe(false);
  });

  it('agrees with the patient-level simulation within Monte-Carlo error', () => {
    expectAgreement(parallelContinuous(30, 'welch-t'));
    expectAgreement(parallelContinuous(30, 'student-t'));
    expectAgreement({ ...parallelContinuous(60, 'welch-t'), design: { ...parallelContinuous(60).design, dropout: 0.25 } });
    // Two comparisons with Holm's adjustment: p-values per replicate, not the one-comparison tally.
    expectAgreement(threeArm(60, 'any', 'holm'));
    expectAgreement(threeArm(60, 'all', 'bonferroni'));
    expectAgreement(withinPatientContinuous(20, 0.5, 0.6));
    expectAgreement(withinPatientContinuous(20, 0.6, 0.3, 0.4));
    const single: ResolvedScenario = {
      ...withinPatientContinuous(12, 0, 0),
      design: { kind: 'single-arm', arms: [{ id: 'active', label: 'a', control: false }], n: 12, dropout: 0.1 },
      endpoint: { kind: 'continuous', label: 'change', better: 'lower', arms: { active: { mean: -0.7, sd: 1.5 } } },
      analysis: { ...withinPatientContinuous(12, 0, 0).analysis, test: 'one-sample-t' },
    };
    expectAgreement(single);
  });

  it("keeps Student's t at its exact size α under the null", () => {
    const base = parallelContinuous(20, 'student-t');
    const nullScenario: ResolvedScenario = {
      ...base,
      endpoint: { ...base.endpoint, arms: { msc: { mean: 0, sd: 2 }, saline: { mean: 0, sd: 2 } } } as ResolvedScenario['endpoint'],
    };
    const r = runPoint(withFastPath(nullScenario, true, 100_000));
    expect(Math.abs(r.power - 0.05)).toBeLessThan(4 * Math.sqrt((0.05 * 0.95) / 100_000));
  });

  it('gives replicate r the same standardized means whatever n is (common random numbers across a sweep)', () => {
    const params = twoArmParameters([3.89, 1.44], [3.01, 1.97]);
    const a = fastPathSummaries(30, params, 'crn', 3);
    const b = fastPathSummaries(60, params, 'crn', 3);
    let varianceOrderAgrees = 0;
    for (let r = 0; r < CHUNK_SIZE; r++) {
      const at = r * STRIDE;
      for (let s = 0; s < 2; s++) {
        const z = (m: Float64Array) => ((m[at + 3 * s + 1] - params.mean[s]) * Math.sqrt(m[at + 3 * s])) / params.sd[s];
        expect(z(b)).toBeCloseTo(z(a), 10);
      }
      // The chi-squares share their first proposal, so they move together: the
      // larger variance of the small trial's two arms is mostly also the larger one at n = 60.
      const larger = (m: Float64Array) => m[at + 2] / params.sd[0] ** 2 > m[at + 5] / params.sd[1] ** 2;
      if (larger(a) === larger(b)) varianceOrderAgrees++;
    }
    // Independent streams would agree half the time.
    expect(varianceOrderAgrees / CHUNK_SIZE).toBeGreaterThan(0.9);
  });

  it("gives replicate r the same summaries whatever the chunk's length (a run's last chunk is partial)", () => {
    // Three patients per arm: chi-square(2) proposals are often rejected and drawn afresh, in replicate order.
    const params = twoArmParameters([1, 0], [2, 1]);
    const a = fastPathSummaries(3, params, 'partial', 0);
    const b = fastPathSummaries(3, params, 'partial', 0, 400);
    expect(Array.from(b.subarray(0, 400 * STRIDE))).toEqual(Array.from(a.subarray(0, 400 * STRIDE)));
    // No variance is left marked (negative) for a fresh draw.
    const variances = Array.from({ length: 800 }, (_, i) => b[3 * i + 2]);
    expect(variances.every((v) => v >= 0)).toBe(true);
    expect(variances.filter((v) => v > 0).length).toBeGreaterThan(790);
  });
});
