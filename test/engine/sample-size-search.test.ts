import { describe, expect, it } from 'vitest';
import { latticeCeil, latticeN, latticeSizes, sampleSizeStart, sizeLattice, wholeRatio } from '../../src/engine/sample-size-search.js';
import { armSizes } from '../../src/designs/arm-sizes.js';
import type { ResolvedDesign } from '../../src/scenario/types.js';
import { pairedScenario, twoSampleScenario } from '../fixtures/size/load.js';

const parallel = (allocation: number[]): ResolvedDesign => ({
  kind: 'parallel',
  arms: allocation.map((_, i) => ({ id: `a${i}`, label: `a${i}`, control: i === allocation.length - 1 })),
  allocation,
  n: 60,
  dropout: 0,
});

describe('the sample-size lattice', () => {
  it('reduces allocations to whole-number ratios', () => {
    expect(wholeRatio([1, 1])).toEqual([1, 1]);
    expect(wholeRatio([2, 4])).toEqual([1, 2]);
    expect(wholeRatio([1.5, 1])).toEqual([3, 2]);
    expect(wholeRatio([1, 1, 2])).toEqual([1, 1, 2]);
    expect(wholeRatio([1, Math.SQRT2])).toBeUndefined();
  });

  it('steps through n in whole patients per arm, in the allocation ratio, and agrees with armSizes', () => {
    for (const allocation of [
      [1, 1],
      [2, 1],
      [1.5, 1],
      [1, 1, 2],
    ]) {
      const design = parallel(allocation);
      const lattice = sizeLattice(design, 10_000);
      for (const k of [1, 2, 7, 50]) {
        const sizes = latticeSizes(lattice, design, k);
        expect(sizes.reduce((s, x) => s + x, 0)).toBe(latticeN(lattice, k));
        expect(armSizes(latticeN(lattice, k), allocation)).toEqual(sizes);
      }
    }
    expect(sizeLattice(parallel([2, 1]), 100)).toMatchObject({ step: 3, perStep: [2, 1], min: 1, max: 33 });
  });

  it('rounds arms when the ratio is not a small whole-number one', () => {
    // 19:16 would mean steps of 35 patients.
    expect(sizeLattice(parallel([19, 16]), 1000)).toMatchObject({ step: 1, perStep: undefined });
    const design = parallel([1, Math.SQRT2]);
    const lattice = sizeLattice(design, 1000);
    expect(lattice.step).toBe(1);
    expect(latticeSizes(lattice, design, 10)).toEqual(armSizes(10, [1, Math.SQRT2]));
  });

  it('inflates to the lattice: ⌈172 / 0.9⌉ = 192 on the even numbers (DESIGN.md)', () => {
    const lattice = sizeLattice(parallel([1, 1]), 10_000);
    expect(latticeN(lattice, latticeCeil(lattice, 172 / 0.9))).toBe(192);
    expect(latticeN(lattice, latticeCeil(lattice, 90 / (1 - 0.1)))).toBe(100);
  });

  it('counts patients for within-patient designs and starts at the closed form', () => {
    const scenario = pairedScenario(0.5, 0.5);
    const lattice = sizeLattice(scenario.design, 10_000);
    expect(lattice.step).toBe(1);
    expect(latticeSizes(lattice, scenario.design, 34)).toEqual([34]);
    expect(sampleSizeStart(scenario, lattice, 0.8)).toBe(34);
    const parallelScenario = twoSampleScenario(0.5);
    expect(sampleSizeStart(parallelScenario, sizeLattice(parallelScenario.design, 10_000), 0.9)).toBe(86);
    // Mann–Whitney: the t closed form inflated by π/3 (asymptotic relative efficiency 3/π).
    const mw = { ...parallelScenario, analysis: { ...parallelScenario.analysis, test: 'mann-whitney' as const } };
    expect(sampleSizeStart(mw, sizeLattice(mw.design, 10_000), 0.8)).toBe(Math.ceil((128 * Math.PI) / 3 / 2));
  });
});
