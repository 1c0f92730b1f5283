/**
 * Bounds on what a scenario file may ask for. A scenario is untrusted input
 * (it is shared between people), so every cost it can drive is capped here,
 * and the validator states these numbers in its messages.
 *
 * The constants are the defaults. The person running trialsim (a CLI flag, a
 * UI setting) may change the ones in `ScenarioLimits` for one run, within
 * `HARD_LIMITS`; a scenario file never can: nothing in the format reads or
 * writes a limit.
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

/**
 * Deepest nesting of arrays and objects in a scenario file (the root object
 * is level 1). A valid scenario needs 7 levels; deeper documents are rejected
 * before anything else reads them, so no recursive code (JSON.stringify,
 * structuredClone, a UI tree view) ever meets a 100 000-level document.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Most problems reported for one file; the rest are summed up in one last
 * line, so a file of 15 000 misspelt keys does not flood a terminal or a page.
 */
export const MAX_ISSUES = 100;

/** Tolerance on the sum of an ordinal arm's category probabilities (|Σp − 1| ≤ this). */
export const PROBS_SUM_TOLERANCE = 1e-6;

/**
 * Tolerance on the sum of the centres of an ordinal arm's category probabilities
 * when some of them are distributions (their draws do not sum to 1 exactly).
 */
export const PROBS_CENTRE_SUM_TOLERANCE = 0.05;

/**
 * Largest magnitude of a continuous endpoint's means and SDs, of a single-arm
 * null value, and of the means and SDs of their distributions. Beyond it,
 * squares and sums of simulated values overflow or lose every digit of the
 * noise; no measurement scale needs it.
 */
export const MAX_MAGNITUDE = 1e12; // messages write it as 1e12

/**
 * Smallest SD of a continuous arm relative to the magnitude of its mean
 * (SD ≥ this × |mean|). Below it, mean + SD·z rounds the noise away in
 * double precision and every statistic would be computed from rounding
 * errors: a plausible-looking but wrong power. Rescale the unit instead.
 */
export const MIN_RELATIVE_SD = 1e-9;

/** Smallest SD of a continuous arm in any unit: the square of a smaller one underflows. */
export const MIN_SD = 1e-100;

/**
 * Smallest significance level: 1 − α/2 must still be distinguishable from 1
 * in double precision for the critical values to be right.
 */
export const MIN_ALPHA = 1e-8;

/** Longest seed text (`simulation.seed`, `--seed`): it is printed in every result. */
export const MAX_SEED_LENGTH = 200;

/** Smallest shape of a beta distribution: below it both gamma draws of a beta can underflow to 0 (0/0). */
export const MIN_BETA_SHAPE = 0.05;

/** Largest magnitude of a lognormal distribution's `meanlog`: exp(700) is near the largest double. */
export const MAX_MEANLOG = 700;

/** Largest `sdlog` of a lognormal distribution (a factor of e³ ≈ 20 per SD already). */
export const MAX_SDLOG = 3;

/** Largest allocation weight (weights are ratios: 1e6 : 1 is already absurd). */
export const MAX_ALLOCATION_WEIGHT = 1e6; // messages write it as 1e6

/**
 * Finest precision target (`simulation.precision`, `--precision`): a 95 %
 * half-width of 0.0005 needs about 4 million replicates at 50 % power.
 */
export const MIN_PRECISION = 0.0005;

/**
 * Default budget of one run, in patient outcomes (see `src/engine/run-budget.ts`).
 * One patient outcome is about 10 ns of one core; measured rates were
 * 5·10⁷–2·10⁸ per second per core depending on the test and load
 * (`test/hostile/README.md`), so 6·10¹⁰ is about 3–10 minutes on two cores.
 * A run that would cost more is refused before it starts, with the estimate.
 */
export const DEFAULT_MAX_COST = 6e10;

/**
 * The limits the person running may change (`--limit name=value`,
 * `--max-cost`, UI settings). Never read from a scenario file.
 */
export interface ScenarioLimits {
  /** Largest scenario file, bytes of UTF-8. */
  maxFileBytes: number;
  /** Most replicates per design point. */
  maxReplicates: number;
  /** Largest `design.n`. */
  maxN: number;
  /** Most arms of a parallel design. */
  maxArms: number;
  /** Most ordinal categories. */
  maxCategories: number;
  /** Most values of one sweep path. */
  maxSweepValues: number;
  /** Most design points of a sweep grid. */
  maxSweepPoints: number;
  /** Longest expression, characters. */
  maxExpressionLength: number;
  /** Largest estimated cost of a run, patient outcomes (`checkRunBudget`). */
  maxCost: number;
}

/** The default limits. */
export const DEFAULT_LIMITS: Readonly<ScenarioLimits> = Object.freeze({
  maxFileBytes: MAX_FILE_BYTES,
  maxReplicates: MAX_REPLICATES,
  maxN: MAX_N,
  maxArms: MAX_ARMS,
  maxCategories: MAX_CATEGORIES,
  maxSweepValues: MAX_SWEEP_VALUES,
  maxSweepPoints: MAX_SWEEP_POINTS,
  maxExpressionLength: MAX_EXPRESSION_LENGTH,
  maxCost: DEFAULT_MAX_COST,
});

/**
 * The most any limit may be raised to, even by the person running: beyond
 * these, memory (a trial of n patients is 8·n bytes per worker and buffer) or
 * the number representation, not patience, is the constraint.
 */
export const HARD_LIMITS: Readonly<ScenarioLimits> = Object.freeze({
  maxFileBytes: 64 * 1_048_576,
  maxReplicates: 1_000_000_000,
  maxN: 10_000_000,
  maxArms: 100,
  maxCategories: 1000,
  maxSweepValues: 100_000,
  maxSweepPoints: 1_000_000,
  maxExpressionLength: 10_000,
  maxCost: 1e15,
});

/** Names of the limits, in the order they are documented. */
export const LIMIT_NAMES: readonly (keyof ScenarioLimits)[] = Object.keys(DEFAULT_LIMITS) as (keyof ScenarioLimits)[];

/** Whether `name` names a limit. */
export function isLimitName(name: unknown): name is keyof ScenarioLimits {
  return typeof name === 'string' && (LIMIT_NAMES as readonly string[]).includes(name);
}

/** Result of `resolveLimits` and `parseLimitArgument`. */
export type LimitsResult = { ok: true; limits: ScenarioLimits } | { ok: false; message: string };

/** What a limit may be set to, for messages. */
function limitAllowed(name: keyof ScenarioLimits): string {
  const hard = HARD_LIMITS[name];
  return name === 'maxCost' ? `a number from 1 to ${hard.toExponential()}` : `a whole number from 1 to ${hard}`;
}

/**
 * The default limits with `changes` applied, each checked against `HARD_LIMITS`.
 * Lowering a limit is always allowed. Never throws.
 */
export function resolveLimits(changes: Partial<Record<string, unknown>> = {}): LimitsResult {
  const limits: ScenarioLimits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(changes)) {
    const value = Object.hasOwn(changes, key) ? changes[key] : undefined;
    if (value === undefined) continue;
    if (!isLimitName(key)) return { ok: false, message: `unknown limit "${key}"; allowed: ${LIMIT_NAMES.join(', ')}` };
    const whole = key !== 'maxCost';
    const ok =
      typeof value === 'number' && Number.isFinite(value) && value >= 1 && value <= HARD_LIMITS[key] && (!whole || Number.isInteger(value));
    if (!ok) return { ok: false, message: `${key}: got ${JSON.stringify(value) ?? String(value)}; allowed: ${limitAllowed(key)}` };
    limits[key] = value;
  }
  return { ok: true, limits };
}

/**
 * Parses `--limit name=value` arguments (e.g. `maxN=200000`, `maxCost=2e11`)
 * into limits, starting from the defaults. Never throws.
 */
export function parseLimitArguments(args: readonly string[]): LimitsResult {
  const changes: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const arg of args) {
    const eq = typeof arg === 'string' ? arg.indexOf('=') : -1;
    if (eq < 0)
      return { ok: false, message: `--limit ${String(arg)}: expected name=value, e.g. maxN=200000; names: ${LIMIT_NAMES.join(', ')}` };
    const name = arg.slice(0, eq).trim();
    const text = arg.slice(eq + 1).trim();
    if (!isLimitName(name)) return { ok: false, message: `--limit ${arg}: unknown limit "${name}"; allowed: ${LIMIT_NAMES.join(', ')}` };
    const value = text === '' ? NaN : Number(text);
    const r = resolveLimits({ [name]: value });
    if (!r.ok) return { ok: false, message: `--limit ${arg}: got "${text}"; allowed: ${limitAllowed(name)}` };
    changes[name] = value;
  }
  return resolveLimits(changes);
}

/** The limits to use: the defaults, or the given ones (already checked by `resolveLimits`). */
export function limitsOf(limits: Partial<ScenarioLimits> | undefined): ScenarioLimits {
  const out: ScenarioLimits = { ...DEFAULT_LIMITS };
  if (!limits) return out;
  for (const name of LIMIT_NAMES) {
    const v = limits[name];
    if (typeof v === 'number' && v > 0) out[name] = v;
  }
  return out;
}
