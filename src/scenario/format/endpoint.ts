/** The `endpoint` section of the format: the endpoint's kind, direction, and its parameters per arm. */
import type { EndpointKind } from '../../analysis/catalog.js';
import { FORBIDDEN_KEYS } from '../paths.js';
import { MAX_CATEGORIES, PROBS_SUM_TOLERANCE } from '../limits.js';
import { type ObjectNode, constant, list, object, oneOf, optional, param, record, required, text, variants } from './node.js';
import { BOUNDED, PROBABILITY, SCALE } from './ranges.js';

const label = optional(text(), {
  doc: 'Name of the endpoint, e.g. "Change in hair count" (default "Primary endpoint").',
  default: 'Primary endpoint',
});
const unit = optional(text(), { doc: 'Unit of the endpoint, for display, e.g. "hairs/cm²".' });
const better = required(
  oneOf(['higher', 'lower'], {
    ref: {
      name: 'better',
      doc: 'Direction of benefit: whether higher or lower values are better. Gives the alternative of one-sided tests.',
    },
    names: { higher: 'Higher is better', lower: 'Lower is better' },
  }),
  { doc: 'Direction of benefit: "higher" or "lower" values are better; the alternative of one-sided tests.' },
);
const kind = <const K extends string>(k: K, doc: string) => required(constant(k), { doc });

/** `endpoint.arms`: one entry of `parameters` per arm id of `design.arms`. */
const arms = <const P extends ObjectNode>(parameters: P) =>
  required(
    record(parameters, {
      keys: { not: [...FORBIDDEN_KEYS] },
      allowed: 'an object with one entry per arm id of design.arms',
    }),
    { doc: 'Parameters per arm, keyed by the arm ids of design.arms (one entry per arm, no other keys).' },
  );

const CONTINUOUS_DOC = 'Continuous endpoint: normally distributed with a mean and SD per arm.';
const BINARY_DOC = 'Binary endpoint: a response probability per arm.';
const ORDINAL_DOC = 'Ordinal endpoint: probabilities of ordered categories per arm, worst to best.';

/** The primary endpoint, by `endpoint.kind`. */
export const ENDPOINT = variants(
  {
    continuous: object(
      {
        kind: kind('continuous', CONTINUOUS_DOC),
        label,
        unit,
        better,
        arms: arms(
          object(
            {
              mean: required(param(BOUNDED), { doc: 'Mean of the endpoint in this arm. May be a distribution (assurance).' }),
              sd: required(param(SCALE), { doc: 'Standard deviation of the endpoint in this arm, > 0. May be a distribution.' }),
            },
            {
              allowed: 'an object {"mean", "sd"}',
              what: 'the continuous parameters of an arm',
              doc: 'Mean and SD of the endpoint in this arm.',
            },
          ),
        ),
      },
      { allowed: 'an object', what: 'a continuous endpoint', doc: CONTINUOUS_DOC, title: 'Continuous' },
    ),
    binary: object(
      {
        kind: kind('binary', BINARY_DOC),
        label,
        unit,
        better,
        arms: arms(
          object(
            {
              p: required(param(PROBABILITY), {
                doc: 'Probability of response in this arm, in [0, 1]. May be a distribution (e.g. beta or fromCI with unit "%").',
              }),
            },
            { allowed: 'an object {"p"}', what: 'the binary parameters of an arm', doc: 'Response probability in this arm.' },
          ),
        ),
      },
      { allowed: 'an object', what: 'a binary endpoint', doc: BINARY_DOC, title: 'Binary (yes/no)' },
    ),
    ordinal: object(
      {
        kind: kind('ordinal', ORDINAL_DOC),
        label,
        unit,
        better,
        categories: required(
          list(text({ nonBlank: true, allowed: 'a non-empty string' }), {
            minItems: 2,
            maxItems: 'maxCategories',
            unique: true,
            allowed: (limits) => `a list of 2 to ${limits.maxCategories} distinct category names, worst to best`,
            itemDoc: 'Name of a category.',
          }),
          { doc: `Category names, worst to best, e.g. ["<25 %", "25–49 %", "50–74 %", "≥75 %"] (2 to ${MAX_CATEGORIES}, distinct).` },
        ),
        arms: arms(
          object(
            {
              probs: required(
                list(param(PROBABILITY), {
                  minItems: 2,
                  maxItems: 'maxCategories',
                  allowed: 'a list of probabilities, one per category',
                  itemDoc: 'Probability of the category at the same position in endpoint.categories, in [0, 1].',
                }),
                {
                  doc: `One probability per category of endpoint.categories, worst to best, summing to 1 (within ${PROBS_SUM_TOLERANCE.toExponential()}).`,
                },
              ),
            },
            { allowed: 'an object {"probs"}', what: 'the ordinal parameters of an arm', doc: 'Category probabilities in this arm.' },
          ),
        ),
      },
      { allowed: 'an object', what: 'an ordinal endpoint', doc: ORDINAL_DOC, title: 'Ordinal' },
    ),
  },
  {
    noun: 'endpoint',
    allowed: 'an object: {"kind", "better", "arms", …}',
    order: ['kind', 'better', 'label', 'unit', 'categories', 'arms'],
    doc: 'The primary endpoint and its expected values per arm. The "kind" selects the parameters.',
    ref: 'endpoint',
    kindRef: {
      name: 'endpointKind',
      doc: 'Kind of endpoint: continuous, binary or ordinal.',
      fieldDoc: 'Kind of endpoint; selects the parameters per arm.',
    },
  },
);

/** The node of one arm's parameters of an endpoint kind (`{"mean", "sd"}`, `{"p"}`, `{"probs"}`). */
export function armParameters(kind: keyof typeof ENDPOINT.variants): ObjectNode {
  return ENDPOINT.variants[kind].fields.arms.node.value;
}

/** Endpoint kinds, as in `endpoint.kind`, in the order of the definition. */
export const ENDPOINT_KINDS = Object.keys(ENDPOINT.variants) as (keyof typeof ENDPOINT.variants)[];

/** Keys of `endpoint`, by endpoint kind. */
export const ENDPOINT_KEYS = Object.fromEntries(ENDPOINT_KINDS.map((k) => [k, Object.keys(ENDPOINT.variants[k].fields)]));

/** The kind of `value` when it is an endpoint kind. */
export function asEndpointKind(value: unknown): EndpointKind | undefined {
  return ENDPOINT_KINDS.find((k) => k === value);
}

// The definition's kinds are the catalog's (the catalog says which tests fit which kinds).
const _sameKinds: [EndpointKind] extends [(typeof ENDPOINT_KINDS)[number]]
  ? [(typeof ENDPOINT_KINDS)[number]] extends [EndpointKind]
    ? true
    : never
  : never = true;
void _sameKinds;
