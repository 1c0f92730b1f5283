import type { ResolvedAnalysis, ResolvedScenario } from '../../src/scenario/types.js';

const analysis = (test: ResolvedAnalysis['test'], extra: Partial<ResolvedAnalysis> = {}): ResolvedAnalysis => ({
  test,
  alpha: 0.05,
  sides: 2,
  null: 0,
  continuityCorrection: false,
  multiplicity: 'holm',
  success: 'any',
  ...extra,
});

const arms = (...ids: string[]) => ids.map((id, i) => ({ id, label: id, control: i === ids.length - 1 }));

/** A two-arm parallel continuous scenario (NCT06764329 numbers unless overridden). */
export function parallelContinuous(n = 70, test: ResolvedAnalysis['test'] = 'welch-t', replicates = 10_000): ResolvedScenario {
  return {
    format: 'trialsim/1',
    title: 'parallel continuous',
    design: { kind: 'parallel', arms: arms('msc', 'saline'), allocation: [1, 1], n, dropout: 0 },
    endpoint: {
      kind: 'continuous',
      label: 'hair count',
      better: 'higher',
      arms: { msc: { mean: 3.89, sd: 3.01 }, saline: { mean: 1.44, sd: 1.97 } },
    },
    analysis: analysis(test),
    simulation: { replicates, seed: 'test', fastPath: false },
  };
}

/** A two-arm parallel binary scenario. */
export function parallelBinary(n: number, pT: number, pC: number, test: ResolvedAnalysis['test'] = 'fisher-exact'): ResolvedScenario {
  return {
    format: 'trialsim/1',
    title: 'parallel binary',
    design: { kind: 'parallel', arms: arms('t', 'c'), allocation: [1, 1], n, dropout: 0 },
    endpoint: { kind: 'binary', label: 'response', better: 'higher', arms: { t: { p: pT }, c: { p: pC } } },
    analysis: analysis(test),
    simulation: { replicates: 10_000, seed: 'test', fastPath: false },
  };
}

/** A within-patient continuous scenario with equal SDs. */
export function withinPatientContinuous(n: number, delta: number, rho: number, spillover = 0): ResolvedScenario {
  return {
    format: 'trialsim/1',
    title: 'within-patient continuous',
    design: { kind: 'within-patient', arms: arms('active', 'control'), n, correlation: rho, spillover, dropout: 0 },
    endpoint: {
      kind: 'continuous',
      label: 'x',
      better: 'higher',
      arms: { active: { mean: delta, sd: 1 }, control: { mean: 0, sd: 1 } },
    },
    analysis: analysis('paired-t'),
    simulation: { replicates: 10_000, seed: 'test', fastPath: false },
  };
}

/** A three-arm parallel continuous scenario (two doses vs control). */
export function threeArm(n: number, success: 'any' | 'all', multiplicity: ResolvedAnalysis['multiplicity']): ResolvedScenario {
  return {
    format: 'trialsim/1',
    title: 'three arms',
    design: { kind: 'parallel', arms: arms('high', 'low', 'placebo'), allocation: [1, 1, 1], n, dropout: 0 },
    endpoint: {
      kind: 'continuous',
      label: 'x',
      better: 'higher',
      arms: { high: { mean: 0.6, sd: 1 }, low: { mean: 0.4, sd: 1 }, placebo: { mean: 0, sd: 1 } },
    },
    analysis: analysis('student-t', { success, multiplicity }),
    simulation: { replicates: 10_000, seed: 'test', fastPath: false },
  };
}
