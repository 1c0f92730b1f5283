/** The `design` section of the format: arms, sample size, and the fields of each design kind. */
import type { DesignKind } from '../../analysis/catalog.js';
import { FORBIDDEN_KEYS } from '../paths.js';
import { MAX_ARMS, MAX_N, MAX_NAME_LENGTH, MIN_N } from '../limits.js';
import { boolean, constant, expression, list, object, optional, param, required, text, variants } from './node.js';
import { CORRELATION, DROPOUT, SHARE, WEIGHT, sampleSize } from './ranges.js';

/** A valid arm id: letters, digits, `_` and `-`, starting with a letter or `_`. */
export const ARM_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** What an arm id may be. */
export const ARM_ID_ALLOWED = `an id of letters, digits, "_" and "-", starting with a letter or "_", at most ${MAX_NAME_LENGTH} characters`;

/** One arm of a trial (or one site of a within-patient trial). */
export const ARM = object(
  {
    id: required(text({ allowed: ARM_ID_ALLOWED, pattern: ARM_ID_PATTERN, maxLength: MAX_NAME_LENGTH, forbidden: [...FORBIDDEN_KEYS] }), {
      doc: 'Short identifier of the arm, used as its key in endpoint.arms, e.g. "msc". Letters, digits, _ and -, starting with a letter or _.',
    }),
    label: optional(text(), { doc: 'Display name of the arm, e.g. "MSC" (default: the id).' }),
    control: optional(boolean(), {
      doc: 'The comparator arm. A parallel or within-patient design has exactly one control arm; a single-arm design has none.',
    }),
  },
  {
    allowed: 'an object {"id", "label"?, "control"?}',
    what: 'an arm',
    ref: 'arm',
    doc: 'One arm of the trial (or one site of a within-patient trial).',
  },
);

const N_DOC = `Number of patients: the total randomized for parallel designs, the number of patients for within-patient designs (each contributes one site per arm), the number treated for single-arm designs. A whole number from ${MIN_N} to ${MAX_N}, or an expression.`;
const n = (hint: string) =>
  required(expression(sampleSize), { doc: N_DOC, hint, missing: `the number of patients: a whole number ≥ ${MIN_N}, or an expression` });
const dropout = optional(param(DROPOUT), {
  doc: 'Probability that a patient is lost before the endpoint, in [0, 1) (default 0). May be a distribution.',
  hint: 'Probability that a patient is lost before the endpoint (0 to 1).',
  default: 0,
});
const kind = <const K extends string>(k: K, doc: string) => required(constant(k), { doc });

const PARALLEL_DOC = 'Parallel design: patients are randomized between two or more arms.';
const WITHIN_DOC = 'Within-patient design: every patient carries one site per arm (two halves of the scalp, two lesions).';
const SINGLE_DOC =
  'Single-arm design: one arm compared with a fixed value (analysis.null): a change from baseline against 0, a rate against a benchmark.';

/** The design of the trial, by `design.kind`. */
export const DESIGN = variants(
  {
    parallel: object(
      {
        kind: kind('parallel', PARALLEL_DOC),
        arms: required(list(ARM, { minItems: 2, maxItems: 'maxArms', allowed: (limits) => `a list of 2 to ${limits.maxArms} arms` }), {
          doc: `The arms, 2 to ${MAX_ARMS}; exactly one has "control": true. Each non-control arm is compared with the control.`,
          hint: 'Each arm is compared with the control arm. Allocation: relative weights, e.g. 2 and 1 for 2:1.',
        }),
        allocation: optional(
          list(expression(WEIGHT), {
            minItems: 2,
            maxItems: 'maxArms',
            allowed: 'a list of positive weights, one per arm',
            itemDoc: 'Allocation weight of the arm at the same position in arms: a positive number or expression.',
          }),
          { doc: 'Allocation ratio: one positive weight per arm, in the order of arms (default equal, e.g. [1, 1]).' },
        ),
        n: n('Patients randomized, all arms together.'),
        dropout,
      },
      { allowed: 'an object', what: 'a parallel design', doc: PARALLEL_DOC, title: 'Parallel groups' },
    ),
    'within-patient': object(
      {
        kind: kind('within-patient', WITHIN_DOC),
        arms: required(
          list(ARM, { minItems: 2, maxItems: 2, allowed: 'a list of exactly 2 arms (the treated site and the control site)' }),
          { doc: 'Exactly two sites: the treated one and the control one ("control": true).' },
        ),
        n: n('Patients; each carries one site per arm.'),
        correlation: required(param(CORRELATION), {
          doc: 'Correlation between the two sites of a patient, in (-1, 1); on the latent scale for binary and ordinal endpoints. May be a distribution.',
          hint: 'Between the two sites of a patient, in (−1, 1).',
          missing: 'the correlation between the two sites of a patient: a number in (-1, 1), an expression or a distribution',
        }),
        spillover: optional(param(SHARE), {
          doc: 'Fraction of the active effect that also reaches the control site (systemic spill-over), in [0, 1] (default 0). May be a distribution.',
          hint: 'Fraction of the active effect that also reaches the control site (0 to 1).',
          default: 0,
        }),
        dropout,
      },
      {
        allowed: 'an object',
        what: 'a within-patient design',
        doc: WITHIN_DOC,
        title: 'Within-patient (one site per arm on each patient)',
      },
    ),
    'single-arm': object(
      {
        kind: kind('single-arm', SINGLE_DOC),
        arms: required(list(ARM, { minItems: 1, maxItems: 1, allowed: 'a list of exactly 1 arm' }), {
          doc: 'Exactly one arm (without "control").',
        }),
        n: n('Patients in the single arm.'),
        dropout,
      },
      { allowed: 'an object', what: 'a single-arm design', doc: SINGLE_DOC, title: 'Single arm' },
    ),
  },
  {
    noun: 'design',
    allowed: 'an object: {"kind", "arms", "n", …}',
    order: ['kind', 'arms', 'n', 'allocation', 'dropout', 'correlation', 'spillover'],
    doc: 'The design of the trial: who gets what. The "kind" selects the other fields.',
    ref: 'design',
    kindRef: {
      name: 'designKind',
      doc: 'Kind of design: parallel, within-patient or single-arm.',
      fieldDoc: 'Kind of design; selects the other fields.',
    },
  },
);

/** Design kinds, as in `design.kind`, in the order of the definition. */
export const DESIGN_KINDS = Object.keys(DESIGN.variants) as (keyof typeof DESIGN.variants)[];

/** Keys of `design`, by design kind. */
export const DESIGN_KEYS = Object.fromEntries(DESIGN_KINDS.map((k) => [k, Object.keys(DESIGN.variants[k].fields)]));

/** The kind of `value` when it is a design kind. */
export function asDesignKind(value: unknown): DesignKind | undefined {
  return DESIGN_KINDS.find((k) => k === value);
}

// The definition's kinds are the catalog's (the catalog says which tests fit which kinds).
const _sameKinds: [DesignKind] extends [(typeof DESIGN_KINDS)[number]]
  ? [(typeof DESIGN_KINDS)[number]] extends [DesignKind]
    ? true
    : never
  : never = true;
void _sameKinds;
