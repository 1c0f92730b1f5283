/**
 * The bracket-and-bisect search on whole numbers, on deterministic power
 * curves (the noncentral-t power of pwr::pwr.t.test, written as if simulated):
 * it must return exactly the smallest k reaching the target, from good and bad
 * starts, with few evaluations, and report "not reached" at the upper bound.
 */
import { describe, expect, it } from 'vitest';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { searchLattice } from '../../src/engine/lattice-search.js';
import { noncentralTPower } from '../../src/engine/noncentral-t.js';
import { pointResult } from '../../src/engine/point-result.js';

const R = 1_000_000;
/** Two-sample t power with k per arm, d = 0.5, as a point result of R "replicates". */
const twoSample = (d: number) => (k: number) => {
  const df = 2 * k - 2;
  const p = k < 2 ? 0 : noncentralTPower(tQuantile(0.975, df), df, d * Math.sqrt(k / 2), 2);
  return pointResult({ replicates: R, successes: Math.round(p * R), degenerate: 0 });
};

function search(power: (k: number) => ReturnType<typeof pointResult>, target: number, start: number, max = 10_000) {
  return searchLattice({
    target,
    start,
    min: 1,
    max,
    scale: 'sqrt',
    nullZ: 1.959963984540054,
    evaluate: async (ks) => ks.map(power),
  });
}

/** The true answer by scanning. */
function smallest(power: (k: number) => ReturnType<typeof pointResult>, target: number): number {
  let k = 1;
  while (power(k).power < target) k++;
  return k;
}

describe('searchLattice', () => {
  for (const [d, target] of [
    [0.5, 0.8],
    [0.5, 0.9],
    [0.3, 0.8],
    [1.2, 0.9],
    [0.2, 0.95],
  ] as const) {
    const truth = smallest(twoSample(d), target);
    it(`d = ${d}, target ${target}: finds ${truth} per arm from the answer, from 1/3 of it and from 3 times it, in ≤ 12 evaluations`, async () => {
      for (const start of [truth, Math.max(1, Math.round(truth / 3)), truth * 3]) {
        const r = await search(twoSample(d), target, start);
        expect(r.k, `start ${start}`).toBe(truth);
        expect(r.converged).toBe(true);
        expect(r.evaluations.length, `start ${start}: ${r.evaluations.map((e) => e.k).join(', ')}`).toBeLessThanOrEqual(12);
        expect(r.evaluations.find((e) => e.k === truth - 1)?.result.power).toBeLessThan(target);
      }
    });
  }

  it('needs two evaluations when the start is right', async () => {
    const r = await search(twoSample(0.5), 0.8, 64);
    expect(r.k).toBe(64);
    expect(r.evaluations.map((e) => e.k)).toEqual([63, 64]);
    expect(r.rounds).toBe(1);
  });

  it('reports not reached when even the largest k falls short', async () => {
    const r = await search(twoSample(0.05), 0.9, 10, 300);
    expect(r.k).toBeUndefined();
    expect(r.evaluations.some((e) => e.k === 300)).toBe(true);
  });

  it('returns the lower bound when it already reaches the target', async () => {
    const r = await search(() => pointResult({ replicates: 100, successes: 100, degenerate: 0 }), 0.9, 20);
    expect(r.k).toBe(1);
  });

  it('grows its steps geometrically on a plateauing curve (assurance), where the probit model is too timid', async () => {
    // Assurance that creeps towards 0.96: reaches 0.95 only at k = 1 + ⌈ln(0.96/0.01)·150⌉.
    const plateau = (k: number) =>
      pointResult({ replicates: R, successes: Math.round(R * 0.96 * (1 - Math.exp(-k / 150)) * 1e6) / 1e6, degenerate: 0 });
    const truth = smallest(plateau, 0.95);
    const r = await search(plateau, 0.95, 30);
    expect(r.k).toBe(truth);
    expect(r.evaluations.length, r.evaluations.map((e) => e.k).join(', ')).toBeLessThanOrEqual(16);
  });

  it('survives a curve with no signal at the start (power at α) by doubling', async () => {
    const steep = (k: number) => pointResult({ replicates: 1000, successes: k < 200 ? 50 : 950, degenerate: 0 });
    const r = await search(steep, 0.8, 10);
    expect(r.k).toBe(200);
  });
});
