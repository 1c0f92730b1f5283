/**
 * Bounds on what a scenario file may ask for. A scenario is untrusted input
 * (it is shared between people), so every cost it can drive is capped here,
 * and the validator states these numbers in its messages.
 */

/** Largest accepted scenario file, in bytes of UTF-8 (1 MiB). */
export const MAX_FILE_BYTES = 1_048_576;

/** Most simulated trials per design point (`simulation.replicates`). */
export const MAX_REPLICATES = 10_000_000;

/** Default number of simulated trials per design point. */
export const DEFAULT_REPLICATES = 10_000;

/** Smallest accepted `design.n` (a t-test needs two observations). */
export const MIN_N = 2;

/** Largest accepted `design.n` (and `expect.sampleSize.atMost`). */
export const MAX_N = 100_000;

/** Most arms of a design. */
export const MAX_ARMS = 10;

/** Most categories of an ordinal endpoint. */
export const MAX_CATEGORIES = 20;

/** Most paths in `sweep` (two paths make a grid). */
export const MAX_SWEEP_PATHS = 2;

/** Most values of one sweep path. */
export const MAX_SWEEP_VALUES = 1000;

/** Most design points of a whole sweep grid (product of the value counts). */
export const MAX_SWEEP_POINTS = 10_000;

/** Longest accepted expression string, in characters. */
export const MAX_EXPRESSION_LENGTH = 500;

/** Most named values in `let`. */
export const MAX_LET_NAMES = 100;

/** Longest arm id or `let` name, in characters. */
export const MAX_NAME_LENGTH = 40;

/** Longest accepted path (`sweep` keys, `--set` paths, `sources[].paths`), in characters. */
export const MAX_PATH_LENGTH = 300;

/** Tolerance on the sum of an ordinal arm's category probabilities (|Σp − 1| ≤ this). */
export const PROBS_SUM_TOLERANCE = 1e-6;

/**
 * Tolerance on the sum of the centres of an ordinal arm's category probabilities
 * when some of them are distributions (their draws do not sum to 1 exactly).
 */
export const PROBS_CENTRE_SUM_TOLERANCE = 0.05;
