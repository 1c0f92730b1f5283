/**
 * Types of the evidence library: numbers taken from the source papers
 * (../shared/seeds/), each with the exact words of the paper it came from.
 *
 * Conventions for every entry:
 * - Proportions are stored as proportions in [0, 1], never as %.
 * - A change from baseline is stored with its sign (follow-up minus baseline),
 *   even when the paper prints it as "decreased by 5.6 points".
 * - Numbers are kept as printed (an asymmetric or odd CI stays as it is); what
 *   is odd about them is said in `notes`.
 */

/** The source documents, by file name in ../shared/seeds/. */
export type SeedFile =
  | '000_4e7c27745ac618ea.txt'
  | '001_d165d94ba7b47e7b.txt'
  | '002_7fe80a122519ed26.txt'
  | '003_99f903491847d792.txt'
  | '004_cd6af8962457b2c0.txt';

/**
 * The design of the study a number came from. Pooled rates of a
 * meta-analysis or review without a comparator are `single-arm` (the notes say
 * which designs were pooled).
 */
export type SourceDesign = 'parallel' | 'within-patient' | 'single-arm';

/** One passage of a seed paper. */
export interface Quote {
  /** Section or table of the paper, as headed there. */
  section: string;
  /** The exact words of the paper (whitespace may differ), containing the numbers. */
  quote: string;
}

/** Where an entry's numbers stand in its seed paper. */
export interface Provenance extends Quote {
  seed: SeedFile;
  /**
   * Further passages of the same paper that hold the rest of the numbers
   * (e.g. the n, stated in another section, or a table row split by the layout).
   */
  supporting?: readonly Quote[];
}

/** One arm (or time point) summarised as mean and SD. */
export interface MeanSdArm {
  label: string;
  mean: number;
  sd: number;
  n?: number;
}

/** Means and SDs per arm or per time point, e.g. two arms of a prior RCT. */
export interface MeanSdValue {
  form: 'mean-sd';
  arms: readonly MeanSdArm[];
}

/** A mean change (or mean difference) with its confidence interval. */
export interface MeanChangeCIValue {
  form: 'mean-change-ci';
  estimate: number;
  lower: number;
  upper: number;
  n: number;
  level: 0.95;
}

/** One group's mean change, printed without any measure of spread. */
export interface MeanChangeGroup {
  label: string;
  estimate: number;
  n?: number;
}

/** Mean changes printed without a CI or SD: usable only with an assumed SD. */
export interface MeanChangeValue {
  form: 'mean-change';
  groups: readonly MeanChangeGroup[];
}

/** A proportion in [0, 1] with its confidence interval (e.g. a pooled rate of a meta-analysis). */
export interface ProportionCIValue {
  form: 'proportion-ci';
  estimate: number;
  lower: number;
  upper: number;
  level: 0.95;
  /** Patients pooled for this estimate, when the paper states it for this estimate. */
  n?: number;
  /** Studies pooled for this estimate, when the paper states it. */
  studies?: number;
}

/** One arm's (or group's) proportion, printed without counts. */
export interface ProportionArm {
  label: string;
  estimate: number;
  n?: number;
}

/** Proportions printed as % without a CI (and often without the count). */
export interface ProportionValue {
  form: 'proportion';
  arms: readonly ProportionArm[];
}

/** One row of counts: x of n. */
export interface XOfNArm {
  /** The arm, subgroup, category or event the row counts. */
  label: string;
  x: number;
  n: number;
}

/**
 * Counts, x of n, one row per arm; a row may also be a subgroup or an event
 * type of the same patients (the notes say when rows are not separate arms).
 */
export interface XOfNValue {
  form: 'x-of-n';
  arms: readonly XOfNArm[];
}

/** Design facts of a planned or reported trial. */
export interface DesignValue {
  form: 'design';
  /** Participants (planned enrolment for a registry record). */
  n: number;
  /** Arm labels, in the order the source lists them. */
  arms: readonly string[];
  randomized: boolean;
  blinding?: 'open' | 'single' | 'double';
  /** Allocation ratio, only when the source states it. */
  allocation?: readonly number[];
  followUpWeeks?: number;
}

/** The numbers of an entry, in the form the paper gives them. */
export type EvidenceValue =
  | MeanSdValue
  | MeanChangeCIValue
  | MeanChangeValue
  | ProportionCIValue
  | ProportionValue
  | XOfNValue
  | DesignValue;

/** The `form` tags of `EvidenceValue`. */
export type EvidenceForm = EvidenceValue['form'];

/** One number (or set of numbers) from a source paper, with where it stands. */
export interface EvidenceEntry {
  /** Kebab-case, unique in the library. */
  id: string;
  /** What was measured, in words: endpoint, population, time point. */
  measure: string;
  value: EvidenceValue;
  /** The design of the study the numbers came from. */
  design: SourceDesign;
  provenance: Provenance;
  /** Caveats: oddities kept as printed, disagreements with EVIDENCE.md, what a scenario must assume. */
  notes: string;
}

/**
 * An entry as written in its paper's data file (src/evidence/papers/*.json):
 * the provenance leaves out the seed, which the file states once.
 */
export type PaperEntry = Omit<EvidenceEntry, 'provenance'> & { provenance: Omit<Provenance, 'seed'> };

/** One data file of src/evidence/papers/: every entry taken from one source paper. */
export interface EvidencePaper {
  /** The paper, by file name in ../shared/seeds/. */
  seed: SeedFile;
  /** Its entries, in library order. */
  entries: readonly PaperEntry[];
}
