/** The `expect` section of the format: bounds the result must meet (`trialsim check`). */
import { MIN_N } from '../limits.js';
import { number, object, optional, required } from './node.js';
import { OPEN_SHARE, SHARE, sampleSize } from './ranges.js';

const bounds = (what: string) =>
  object(
    {
      atLeast: optional(number(SHARE), { doc: 'The result must be at least this.' }),
      atMost: optional(number(SHARE), { doc: 'The result must be at most this.' }),
    },
    {
      allowed: 'an object {"atLeast"?, "atMost"?}',
      what,
      nonEmpty: 'an object with "atLeast", "atMost" or both (an empty one would check nothing)',
    },
  );

/** Bounds that the result must meet, checked by `trialsim check`. */
export const EXPECT = object(
  {
    power: optional(bounds('expect.power'), {
      doc: "Bounds on the power at the file's own design point (the values written in the file, not the sweep points), checked by `trialsim check`. With uncertain parameters: the power at the estimate.",
    }),
    assurance: optional(bounds('expect.assurance'), {
      doc: "Bounds on the assurance at the file's own design point (the values written in the file, not the sweep points), checked by `trialsim check`.",
    }),
    sampleSize: optional(
      object(
        {
          power: required(number(OPEN_SHARE), { doc: 'Target power, in (0, 1).' }),
          atMost: required(number(sampleSize), { doc: `The largest acceptable sample size (at least ${MIN_N}).` }),
        },
        { allowed: 'an object {"power", "atMost"}', what: 'expect.sampleSize' },
      ),
      { doc: 'The smallest n reaching a power must be at most a bound.' },
    ),
  },
  {
    allowed: 'an object: {"power"?, "assurance"?, "sampleSize"?}',
    what: 'expect',
    ref: 'expect',
    doc: 'Bounds the result must meet, checked by `trialsim check`.',
  },
);
