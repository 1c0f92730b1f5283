/** The `simulation` section of the format: Monte-Carlo settings. */
import { DEFAULT_REPLICATES, MAX_REPLICATES, MAX_SEED_LENGTH } from '../limits.js';
import { boolean, number, object, optional, textOrNumber } from './node.js';
import { PRECISION, replicates } from './ranges.js';

/** Monte-Carlo settings. */
export const SIMULATION = object(
  {
    replicates: optional(number(replicates), {
      doc: `Simulated trials per design point, 1 to ${MAX_REPLICATES} (default ${DEFAULT_REPLICATES}).`,
      hint: 'More trials, narrower intervals: ±0.01 needs about 10 000 at 80 % power.',
      default: DEFAULT_REPLICATES,
    }),
    seed: optional(
      textOrNumber({
        nonEmpty: true,
        maxLength: MAX_SEED_LENGTH,
        allowed: `a non-empty string of at most ${MAX_SEED_LENGTH} characters, or a number`,
      }),
      {
        doc: 'Seed of every random stream (default "trialsim"); the same seed gives the same result on every machine.',
        hint: 'The same seed gives the same numbers, here and in the command line.',
        default: 'trialsim',
      },
    ),
    precision: optional(number(PRECISION), {
      doc: 'Target half-width of the 95 % interval of the power; replicates are added until it is reached.',
      hint: `Trials are added until the 95 % interval of every point is at most ± this wide (up to ${MAX_REPLICATES.toLocaleString('en')}).`,
    }),
    fastPath: optional(boolean(), { doc: 'Use the sufficient-statistics fast path where it applies (default true).', default: true }),
  },
  {
    allowed: 'an object: {"replicates"?, "seed"?, "precision"?, "fastPath"?}',
    what: 'simulation',
    ref: 'simulation',
    doc: 'Monte-Carlo settings.',
  },
);
