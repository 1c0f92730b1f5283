/**
 * The `trialsim/1` scenario format: what a scenario file may contain
 * (`ScenarioFile`, inferred from the definition in `format/`, like
 * `scenarios/scenario.schema.json`) and the plain, expression-free form the
 * engine works on (`ResolvedScenario`).
 */
import type { Better, Sides } from '../analysis/types.js';
import type { TestId } from '../analysis/catalog.js';
import type { SCENARIO_FORMAT, ScenarioFile } from './format/scenario.js';

export { SCENARIO_FORMAT, type ScenarioFile } from './format/scenario.js';
export type { DistributionSpec, FromCISpec, NumberSpec } from './format/distribution.js';
export type { Expression } from './format/node.js';

/** One arm of a trial (or one site of a within-patient trial). */
export type ArmSpec = DesignSpec['arms'][number];

/** The design of the trial. */
export type DesignSpec = ScenarioFile['design'];

/** Patients randomized between two or more arms. */
export type ParallelDesignSpec = Extract<DesignSpec, { kind: 'parallel' }>;

/** Every patient carries one site per arm (two halves of the scalp, two lesions). */
export type WithinPatientDesignSpec = Extract<DesignSpec, { kind: 'within-patient' }>;

/** One arm, compared with a fixed value (a change from baseline against 0, a rate against a benchmark). */
export type SingleArmDesignSpec = Extract<DesignSpec, { kind: 'single-arm' }>;

/** The primary endpoint. */
export type EndpointSpec = ScenarioFile['endpoint'];

/** A continuous endpoint: normal with a mean and SD per arm. */
export type ContinuousEndpointSpec = Extract<EndpointSpec, { kind: 'continuous' }>;

/** A binary endpoint: a response probability per arm. */
export type BinaryEndpointSpec = Extract<EndpointSpec, { kind: 'binary' }>;

/** An ordinal endpoint: category probabilities per arm, ordered worst to best. */
export type OrdinalEndpointSpec = Extract<EndpointSpec, { kind: 'ordinal' }>;

/** How each simulated trial is analysed. */
export type AnalysisSpec = ScenarioFile['analysis'];

/** Monte-Carlo settings. */
export type SimulationSpec = NonNullable<ScenarioFile['simulation']>;

/** Bounds that the result must meet, checked by `trialsim check`. */
export type ExpectSpec = NonNullable<ScenarioFile['expect']>;

/** A citation of an evidence entry, optionally naming the scenario values it supplies. */
export type SourceSpec = NonNullable<ScenarioFile['sources']>[number];

/** A value that no paper supplies, stated as such. */
export type AssumptionSpec = NonNullable<ScenarioFile['assumptions']>[number];

/** An uncertain parameter after resolution: plain numbers, drawn once per replicate. */
export type ParamDistribution =
  | { dist: 'normal'; mean: number; sd: number }
  | { dist: 'beta'; alpha: number; beta: number }
  | { dist: 'lognormal'; meanlog: number; sdlog: number };

/** A resolved parameter: a number, or a distribution when uncertain. */
export type Param = number | ParamDistribution;

/** A resolved arm. */
export interface ResolvedArm {
  id: string;
  label: string;
  control: boolean;
}

/** Resolved design: every expression evaluated, every default filled in. */
export type ResolvedDesign =
  | { kind: 'parallel'; arms: ResolvedArm[]; allocation: number[]; n: number; dropout: Param }
  | {
      kind: 'within-patient';
      arms: ResolvedArm[];
      n: number;
      correlation: Param;
      spillover: Param;
      dropout: Param;
    }
  | { kind: 'single-arm'; arms: ResolvedArm[]; n: number; dropout: Param };

/** Resolved endpoint; `arms` is keyed by arm id. */
export type ResolvedEndpoint =
  | { kind: 'continuous'; label: string; unit?: string; better: Better; arms: Record<string, { mean: Param; sd: Param }> }
  | { kind: 'binary'; label: string; unit?: string; better: Better; arms: Record<string, { p: Param }> }
  | {
      kind: 'ordinal';
      label: string;
      unit?: string;
      better: Better;
      categories: string[];
      arms: Record<string, { probs: Param[] }>;
    };

/** Resolved analysis with defaults. */
export interface ResolvedAnalysis {
  test: TestId;
  alpha: number;
  sides: Sides;
  null: number;
  continuityCorrection: boolean;
  multiplicity: 'holm' | 'bonferroni' | 'none';
  success: 'any' | 'all';
}

/** Resolved Monte-Carlo settings. */
export interface ResolvedSimulation {
  replicates: number;
  seed: string;
  precision?: number;
  fastPath: boolean;
}

/**
 * A scenario ready for the engine: plain JSON-safe data (no expressions, no
 * functions), so it can be sent to a worker as is.
 */
export interface ResolvedScenario {
  format: typeof SCENARIO_FORMAT;
  title: string;
  description?: string;
  design: ResolvedDesign;
  endpoint: ResolvedEndpoint;
  analysis: ResolvedAnalysis;
  simulation: ResolvedSimulation;
}

/** One problem found in a scenario. */
export interface ValidationIssue {
  /** JSON path of the offending value, e.g. `design.arms[1].id` (`""` for the root). */
  path: string;
  /** The offending value as found (may be undefined when missing). */
  value: unknown;
  /** What is allowed, e.g. `"a whole number ≥ 2"`. */
  allowed: string;
  /** Optional extra hint, e.g. `did you mean "replicates"?`. */
  hint?: string;
  /**
   * The number that was checked, when it differs from `value`: the result of
   * an expression, a value after a unit conversion, or the centre of a
   * distribution. Absent for structural problems.
   */
  evaluated?: number;
}
