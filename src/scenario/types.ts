/**
 * The `trialsim/1` scenario format: what a scenario file may contain (`ScenarioFile`)
 * and the plain, expression-free form the engine works on (`ResolvedScenario`).
 *
 * The file form mirrors `scenarios/scenario.schema.json`; keep both in step.
 */
import type { Better, Sides } from '../analysis/types.js';
import type { TestId } from '../analysis/catalog.js';

/** The only format version this engine reads. */
export const SCENARIO_FORMAT = 'trialsim/1';

/** A literal number or a mathjs expression over the names in `let`, e.g. `"delta / sd"`. */
export type Expression = number | string;

/**
 * A parameter whose value is uncertain: drawn once per simulated trial, which
 * turns power into assurance.
 */
export type DistributionSpec =
  | { normal: { mean: Expression; sd: Expression } }
  | { beta: { alpha: Expression; beta: Expression } }
  | { lognormal: { meanlog: Expression; sdlog: Expression } }
  | { fromCI: FromCISpec };

/** An estimate with its 95 % interval, or the id of an evidence entry that has one. */
export type FromCISpec =
  | { estimate: Expression; lower: Expression; upper: Expression; unit?: 'value' | '%' | 'proportion' }
  | { evidence: string };

/** Any number in a scenario: a literal, an expression, or (where allowed) a distribution. */
export type NumberSpec = Expression | DistributionSpec;

/** One arm of a trial (or one site of a within-patient trial). */
export interface ArmSpec {
  /** Short identifier used as key in `endpoint.arms`, e.g. `"msc"`. */
  id: string;
  /** Display name, e.g. `"MSC"`. */
  label?: string;
  /** The comparator arm. Exactly one arm of a multi-arm design is the control. */
  control?: boolean;
}

/** Patients randomized between two or more arms. */
export interface ParallelDesignSpec {
  kind: 'parallel';
  arms: ArmSpec[];
  /** Allocation ratio, one positive weight per arm (default equal). */
  allocation?: Expression[];
  /** Total number of patients randomized. */
  n: Expression;
  /** Probability that a randomized patient is lost before the endpoint (default 0). */
  dropout?: NumberSpec;
}

/** Every patient carries one site per arm (two halves of the scalp, two lesions). */
export interface WithinPatientDesignSpec {
  kind: 'within-patient';
  /** Exactly two sites: the treated one and the control one (`control: true`). */
  arms: ArmSpec[];
  /** Number of patients. */
  n: Expression;
  /** Correlation between the two sites of a patient (latent scale for binary and ordinal endpoints). */
  correlation: NumberSpec;
  /** Fraction of the active effect that also reaches the control site (systemic spill-over), in [0, 1]. */
  spillover?: NumberSpec;
  /** Probability that a patient is lost before the endpoint (default 0). */
  dropout?: NumberSpec;
}

/** One arm, compared with a fixed value (a change from baseline against 0, a rate against a benchmark). */
export interface SingleArmDesignSpec {
  kind: 'single-arm';
  arms: ArmSpec[];
  n: Expression;
  dropout?: NumberSpec;
}

/** The design of the trial. */
export type DesignSpec = ParallelDesignSpec | WithinPatientDesignSpec | SingleArmDesignSpec;

/** Fields common to every endpoint. */
interface EndpointCommon {
  label?: string;
  unit?: string;
  /** Direction of benefit; the alternative of one-sided tests. */
  better: Better;
}

/** A continuous endpoint: normal with a mean and SD per arm. */
export interface ContinuousEndpointSpec extends EndpointCommon {
  kind: 'continuous';
  arms: Record<string, { mean: NumberSpec; sd: NumberSpec }>;
}

/** A binary endpoint: a response probability per arm. */
export interface BinaryEndpointSpec extends EndpointCommon {
  kind: 'binary';
  arms: Record<string, { p: NumberSpec }>;
}

/** An ordinal endpoint: category probabilities per arm, ordered worst to best. */
export interface OrdinalEndpointSpec extends EndpointCommon {
  kind: 'ordinal';
  /** Category names, worst to best, e.g. `["<25 %", "25–49 %", "50–74 %", "≥75 %"]`. */
  categories: string[];
  /**
   * Per arm, one probability per category, summing to 1 (within 1e-6). A
   * probability may be a distribution: the centres must then sum to 1 within
   * 0.05, and each replicate's draws are rescaled to sum to 1.
   */
  arms: Record<string, { probs: NumberSpec[] }>;
}

/** The primary endpoint. */
export type EndpointSpec = ContinuousEndpointSpec | BinaryEndpointSpec | OrdinalEndpointSpec;

/** How each simulated trial is analysed. */
export interface AnalysisSpec {
  test: TestId;
  /** Significance level (default 0.05). */
  alpha?: Expression;
  /** 1 or 2 (default 2). */
  sides?: Sides;
  /** Null value of single-arm tests: a mean change (default 0) or a benchmark rate. */
  null?: Expression;
  /** Continuity correction for `chi-square` and `mcnemar` (default false). */
  continuityCorrection?: boolean;
  /** Adjustment when several arms are compared with the control (default `holm`). */
  multiplicity?: 'holm' | 'bonferroni' | 'none';
  /** With several comparisons: does the trial succeed if any or all are significant (default `any`). */
  success?: 'any' | 'all';
}

/** Monte-Carlo settings. */
export interface SimulationSpec {
  /** Simulated trials per design point (default 10 000). */
  replicates?: number;
  /** Seed of every random stream (default `"trialsim"`). */
  seed?: string | number;
  /** Target half-width of the 95 % interval; replicates are added until it is reached. */
  precision?: number;
  /** Use the sufficient-statistics fast path where it applies (default true). */
  fastPath?: boolean;
}

/** Bounds that the result must meet, checked by `trialsim check`. */
export interface ExpectSpec {
  power?: { atLeast?: number; atMost?: number };
  assurance?: { atLeast?: number; atMost?: number };
  sampleSize?: { power: number; atMost: number };
}

/** A citation of an evidence entry, optionally naming the scenario values it supplies. */
export interface SourceSpec {
  evidence: string;
  /** JSON paths of the values taken from this entry, e.g. `["endpoint.arms.msc.mean"]`. */
  paths?: string[];
  note?: string;
}

/** A value that no paper supplies, stated as such. */
export interface AssumptionSpec {
  path: string;
  note: string;
}

/** A scenario file as written by a person: the `trialsim/1` format. */
export interface ScenarioFile {
  $schema?: string;
  format: typeof SCENARIO_FORMAT;
  title: string;
  description?: string;
  /** Named values usable in expressions. A value may be an expression over earlier names. */
  let?: Record<string, Expression>;
  sources?: SourceSpec[];
  assumptions?: AssumptionSpec[];
  design: DesignSpec;
  endpoint: EndpointSpec;
  analysis: AnalysisSpec;
  simulation?: SimulationSpec;
  /**
   * Path → values to try; two paths make a grid (first path outer). Each path
   * must lead to an existing number of the file (`design.n`,
   * `endpoint.arms.msc.mean`, `endpoint.arms.tci.probs[2]`, a parameter inside
   * a distribution, or `let.<name>` of a name defined in `let`).
   */
  sweep?: Record<string, Expression[]>;
  expect?: ExpectSpec;
}

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
