/**
 * Valid example scenario files for the scenario tests, one per design ×
 * endpoint combination that has a fitting test. Each call returns a fresh
 * object, so tests may mutate it.
 */
import type { ScenarioFile } from '../../src/scenario/types.js';

/** Parallel, continuous: NCT06764329 as registered (hair count change, ADSC-CE effect). */
export function parallelContinuous(): ScenarioFile {
  return {
    $schema: './scenario.schema.json',
    format: 'trialsim/1',
    title: 'MSC vs saline for androgenetic alopecia (NCT06764329)',
    design: {
      kind: 'parallel',
      arms: [
        { id: 'msc', label: 'MSC' },
        { id: 'saline', label: 'Saline', control: true },
      ],
      allocation: [1, 1],
      n: 70,
      dropout: 0.1,
    },
    endpoint: {
      kind: 'continuous',
      label: 'Change in hair count',
      better: 'higher',
      arms: { msc: { mean: 3.89, sd: 3.01 }, saline: { mean: 1.44, sd: 1.97 } },
    },
    analysis: { test: 'welch-t', alpha: 0.05, sides: 2 },
    simulation: { replicates: 10000, seed: 'nct06764329' },
    sweep: { 'design.n': [20, 30, 40, 50, 60, 70, 80, 100, 120] },
    expect: { power: { atLeast: 0.8 } },
  };
}

/** Parallel, binary, three arms with expressions and an uncertain effect. */
export function parallelBinary(): ScenarioFile {
  return {
    format: 'trialsim/1',
    title: 'Two doses vs placebo, responder rate',
    let: { pControl: 0.2, uplift: 0.15, pHigh: 'pControl + uplift', pLow: 'pControl + uplift / 2' },
    design: {
      kind: 'parallel',
      arms: [{ id: 'high' }, { id: 'low' }, { id: 'placebo', control: true }],
      allocation: [2, 1, 1],
      n: '4 * 30',
    },
    endpoint: {
      kind: 'binary',
      better: 'higher',
      arms: {
        high: { p: { beta: { alpha: 35, beta: 65 } } },
        low: { p: 'pLow' },
        placebo: { p: 'pControl' },
      },
    },
    analysis: { test: 'fisher-exact', multiplicity: 'bonferroni', success: 'all' },
  };
}

/** Parallel, ordinal: quartile repigmentation scale. */
export function parallelOrdinal(): ScenarioFile {
  return {
    format: 'trialsim/1',
    title: 'Repigmentation, quartile scale',
    design: { kind: 'parallel', arms: [{ id: 'tci' }, { id: 'vehicle', control: true }], n: 60 },
    endpoint: {
      kind: 'ordinal',
      better: 'higher',
      categories: ['<25 %', '25–49 %', '50–74 %', '≥75 %'],
      arms: { tci: { probs: [0.2, 0.2, 0.3, 0.3] }, vehicle: { probs: [0.5, 0.3, 0.15, 0.05] } },
    },
    analysis: { test: 'mann-whitney', sides: 1 },
  };
}

/** Within-patient, continuous: half-head design with spill-over and an uncertain correlation. */
export function withinContinuous(): ScenarioFile {
  return {
    format: 'trialsim/1',
    title: 'Half-head design, hair count',
    let: { delta: 2.45 },
    design: {
      kind: 'within-patient',
      arms: [{ id: 'treated' }, { id: 'untreated', control: true }],
      n: 30,
      correlation: { normal: { mean: 0.5, sd: 0.1 } },
      spillover: 0.1,
      dropout: 0.05,
    },
    endpoint: {
      kind: 'continuous',
      better: 'higher',
      arms: {
        treated: { mean: { fromCI: { estimate: 'delta', lower: 1.2, upper: 3.7 } }, sd: 3 },
        untreated: { mean: 0, sd: 3 },
      },
    },
    analysis: { test: 'paired-t' },
  };
}

/** Within-patient, binary: two lesions per patient, percentages. */
export function withinBinary(): ScenarioFile {
  return {
    format: 'trialsim/1',
    title: 'Two lesions per patient, clearance',
    design: { kind: 'within-patient', arms: [{ id: 'active' }, { id: 'sham', control: true }], n: 40, correlation: 0.3 },
    endpoint: {
      kind: 'binary',
      better: 'higher',
      arms: { active: { p: { fromCI: { estimate: 60, lower: 45, upper: 75, unit: '%' } } }, sham: { p: 0.25 } },
    },
    analysis: { test: 'mcnemar', continuityCorrection: true },
  };
}

/** Within-patient, ordinal. */
export function withinOrdinal(): ScenarioFile {
  return {
    format: 'trialsim/1',
    title: 'Left vs right, improvement grade',
    design: { kind: 'within-patient', arms: [{ id: 'left' }, { id: 'right', control: true }], n: 25, correlation: '0.4' },
    endpoint: {
      kind: 'ordinal',
      better: 'higher',
      categories: ['none', 'some', 'marked'],
      arms: { left: { probs: [0.2, 0.3, 0.5] }, right: { probs: ['1/2', '1/3', '1/6'] } },
    },
    analysis: { test: 'wilcoxon-signed-rank' },
  };
}

/** Single-arm, continuous: change from baseline against 0. */
export function singleContinuous(): ScenarioFile {
  return {
    format: 'trialsim/1',
    title: 'Open-label, change from baseline',
    design: { kind: 'single-arm', arms: [{ id: 'treated', label: 'Treated' }], n: 20, dropout: { beta: { alpha: 1, beta: 9 } } },
    endpoint: {
      kind: 'continuous',
      better: 'lower',
      unit: 'points',
      arms: { treated: { mean: -1.5, sd: { lognormal: { meanlog: 0.9, sdlog: 0.2 } } } },
    },
    analysis: { test: 'one-sample-t', sides: 1, null: 0 },
    simulation: { seed: 42, fastPath: false },
  };
}

/** Single-arm, binary: response rate against a 30 % benchmark. */
export function singleBinary(): ScenarioFile {
  return {
    format: 'trialsim/1',
    title: 'Response rate vs benchmark',
    design: { kind: 'single-arm', arms: [{ id: 'treated' }], n: 50 },
    endpoint: { kind: 'binary', better: 'higher', arms: { treated: { p: 0.5 } } },
    analysis: { test: 'binomial-exact', null: 0.3, sides: 1 },
    sources: [{ evidence: 'msc-psoriasis-pasi75', paths: ['analysis.null'], note: 'historical control' }],
    assumptions: [{ path: 'endpoint.arms.treated.p', note: 'hoped-for rate' }],
  };
}

/** Every valid example, by name. */
export const EXAMPLES: Record<string, () => ScenarioFile> = {
  parallelContinuous,
  parallelBinary,
  parallelOrdinal,
  withinContinuous,
  withinBinary,
  withinOrdinal,
  singleContinuous,
  singleBinary,
};

/** A deep copy of a JSON value typed as a loose record, for building invalid files. */
export function loose(file: ScenarioFile): Record<string, any> {
  return JSON.parse(JSON.stringify(file)) as Record<string, any>;
}
