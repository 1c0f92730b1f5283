/**
 * Which statistical tests exist and which design and endpoint each one fits.
 * The validator uses this to reject a mismatch and list the tests that do fit.
 */

/** Identifier of a statistical test, as written in `analysis.test`. */
export type TestId =
  | 'welch-t'
  | 'student-t'
  | 'paired-t'
  | 'one-sample-t'
  | 'mann-whitney'
  | 'wilcoxon-signed-rank'
  | 'fisher-exact'
  | 'chi-square'
  | 'mcnemar-exact'
  | 'mcnemar'
  | 'binomial-exact';

/** Design kinds, as in `design.kind`. */
export type DesignKind = 'parallel' | 'within-patient' | 'single-arm';

/** Endpoint kinds, as in `endpoint.kind`. */
export type EndpointKind = 'continuous' | 'binary' | 'ordinal';

/** What a test is and where it applies. */
export interface TestInfo {
  id: TestId;
  name: string;
  /** The design × endpoint combinations the test fits. */
  fits: ReadonlyArray<readonly [DesignKind, EndpointKind]>;
}

/** Every test trialsim knows, in the order shown to users. */
export const TESTS: readonly TestInfo[] = [
  { id: 'welch-t', name: "Welch's t-test", fits: [['parallel', 'continuous']] },
  { id: 'student-t', name: "Student's t-test (pooled variance)", fits: [['parallel', 'continuous']] },
  {
    id: 'mann-whitney',
    name: 'Wilcoxon–Mann–Whitney rank-sum test',
    fits: [
      ['parallel', 'continuous'],
      ['parallel', 'ordinal'],
    ],
  },
  { id: 'fisher-exact', name: "Fisher's exact test", fits: [['parallel', 'binary']] },
  { id: 'chi-square', name: 'Chi-square test of two proportions', fits: [['parallel', 'binary']] },
  { id: 'paired-t', name: 'Paired t-test', fits: [['within-patient', 'continuous']] },
  {
    id: 'wilcoxon-signed-rank',
    name: 'Wilcoxon signed-rank test',
    fits: [
      ['within-patient', 'continuous'],
      ['within-patient', 'ordinal'],
      ['single-arm', 'continuous'],
    ],
  },
  { id: 'mcnemar-exact', name: 'Exact McNemar test', fits: [['within-patient', 'binary']] },
  { id: 'mcnemar', name: "McNemar's chi-square test", fits: [['within-patient', 'binary']] },
  { id: 'one-sample-t', name: 'One-sample t-test', fits: [['single-arm', 'continuous']] },
  { id: 'binomial-exact', name: 'Exact binomial test', fits: [['single-arm', 'binary']] },
];

/** All test ids. */
export const TEST_IDS: readonly TestId[] = TESTS.map((t) => t.id);

/** The tests that fit a design and endpoint, in display order. */
export function testsFitting(design: DesignKind, endpoint: EndpointKind): TestId[] {
  return TESTS.filter((t) => t.fits.some(([d, e]) => d === design && e === endpoint)).map((t) => t.id);
}

/** Whether `id` is a known test id. */
export function isTestId(id: unknown): id is TestId {
  return typeof id === 'string' && (TEST_IDS as readonly string[]).includes(id);
}
