import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../src/engine/plan.js';
import { runChunk } from '../../src/engine/run-chunk.js';
import { runPoint } from '../../src/engine/run-point.js';
import { addCounts, emptyCounts } from '../../src/engine/counts.js';
import { chunkCount, chunkLength } from '../../src/engine/chunks.js';
import { parallelBinary, parallelContinuous, threeArm, withinPatientContinuous } from '../helpers/resolved-scenarios.js';

describe('runChunk', () => {
  it('gives the same counts whatever order the chunks run in, and on a fresh plan', () => {
    const scenario = parallelContinuous(40, 'welch-t', 7_500);
    const inOrder = runPoint(scenario);
    const plan = compilePlan(parallelContinuous(40, 'welch-t', 7_500));
    const ks = Array.from({ length: chunkCount(7_500) }, (_, k) => k).reverse();
    const shuffled = ks.map((k) => runChunk(plan, 'test', k, chunkLength(k, 7_500))).reduce(addCounts, emptyCounts());
    expect(shuffled).toEqual({ replicates: inOrder.replicates, successes: inOrder.successes, degenerate: inOrder.degenerate });
  });

  it('depends on the seed', () => {
    const a = runPoint(parallelContinuous(30));
    const b = runPoint({ ...parallelContinuous(30), simulation: { replicates: 10_000, seed: 'other', fastPath: false } });
    expect(a.successes).not.toBe(b.successes);
  });

  it('uses common random numbers: a larger trial is the smaller one plus patients, so power rises with n in every chunk', () => {
    // With nested patients the rejection sets are strongly correlated, so the
    // curve is monotone even at 1000 replicates per point.
    let previous = -1;
    for (const n of [10, 14, 18, 22, 26, 30]) {
      const { successes } = runPoint(parallelContinuous(n, 'student-t', 1000));
      expect(successes).toBeGreaterThan(previous);
      previous = successes;
    }
  });

  it('scores degenerate analyses as failures and counts them', () => {
    // p = 0 in both arms: Fisher's test is fine (p = 1), chi-square has a zero margin.
    const chi = runPoint({ ...parallelBinary(10, 0, 0, 'chi-square'), simulation: { replicates: 2000, seed: 's', fastPath: false } });
    expect(chi.degenerate).toBe(2000);
    expect(chi.successes).toBe(0);
    const fisher = runPoint({ ...parallelBinary(10, 0, 0, 'fisher-exact'), simulation: { replicates: 2000, seed: 's', fastPath: false } });
    expect(fisher.degenerate).toBe(0);
  });

  it('within-patient trials run, and several arms use the multiplicity rule', () => {
    const wp = runPoint(withinPatientContinuous(30, 0.5, 0.5));
    expect(wp.power).toBeGreaterThan(0.5);
    const any = runPoint(threeArm(150, 'any', 'holm'));
    const all = runPoint(threeArm(150, 'all', 'holm'));
    const allBonferroni = runPoint(threeArm(150, 'all', 'bonferroni'));
    expect(any.successes).toBeGreaterThan(all.successes);
    expect(all.successes).toBeGreaterThanOrEqual(allBonferroni.successes);
  });
});
