/** Statistical tests: one pure function per file, re-exported here. */
export * from './types.js';
export * from './catalog.js';
export { tPValue } from './t-p-value.js';
export { zPValue, chiSquare1UpperTail } from './normal-p-value.js';
export { welchT, welchTFromSummary, welchDf } from './welch-t.js';
export { studentT, studentTFromSummary } from './student-t.js';
export { pairedT, pairedTFromSummary } from './paired-t.js';
export { oneSampleT, oneSampleTFromSummary } from './one-sample-t.js';
export { mannWhitney, mannWhitneyFromCounts } from './mann-whitney.js';
export { wilcoxonSignedRank, wilcoxonSignedRankPaired } from './wilcoxon-signed-rank.js';
export { fisherExact } from './fisher-exact.js';
export { chiSquare } from './chi-square.js';
export { mcnemarExact } from './mcnemar-exact.js';
export { mcnemar } from './mcnemar.js';
export { binomialExact } from './binomial-exact.js';
