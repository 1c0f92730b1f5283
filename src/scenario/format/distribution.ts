/**
 * Numbers of the format: expressions, and the distributions an uncertain
 * parameter may have (`{"normal": {...}}`, `{"beta": …}`, `{"lognormal": …}`,
 * `{"fromCI": …}`), with the range of each of their parameters.
 */
import { FUNCTIONS } from '../expressions.js';
import { MAX_EXPRESSION_LENGTH } from '../limits.js';
import type { RangeSpec } from './range.js';
import { type Expression, type Infer, type ObjectNode, alternatives, expression, object, oneOf, optional, required, text } from './node.js';
import { BETA_SHAPE, BOUNDED, MEANLOG, SCALE, SDLOG } from './ranges.js';

/** Description of an expression (JSON Schema). */
export const EXPRESSION_DOC = `A number, or a mathjs expression (at most ${MAX_EXPRESSION_LENGTH} characters) using numbers, the names in let, pi, e, + - * / ^, parentheses and the functions ${FUNCTIONS.join(', ')}. Example: "delta / sd".`;

/** Description of a number that may be uncertain (JSON Schema). */
export const NUMBER_SPEC_DOC =
  'A number, an expression, or a distribution of an uncertain parameter (drawn once per simulated trial; the result is then assurance).';

/** The form's hint at a number that may be uncertain. */
export const NUMBER_SPEC_HINT =
  'A number, an expression over the named values, or a distribution as JSON, e.g. {"normal": {"mean": 3.9, "sd": 0.8}}.';

/** Units of a `fromCI` interval. */
export const CI_UNITS = ['value', '%', 'proportion'] as const;

const EVIDENCE_ID_ALLOWED = 'the id of an evidence entry (a non-empty string)';

/**
 * The distributions, keyed by the one key that selects each
 * (`{"normal": {"mean", "sd"}}`); each field's doc describes the whole form.
 */
export const DISTRIBUTIONS = {
  normal: required(
    object(
      {
        mean: required(expression(BOUNDED), { doc: 'Mean of the normal distribution.' }),
        sd: required(expression(SCALE), { doc: 'Standard deviation of the normal distribution, > 0.' }),
      },
      { allowed: 'an object {"mean", "sd"}', what: 'normal' },
    ),
    { doc: 'Normal distribution {"normal": {"mean", "sd"}}.' },
  ),
  beta: required(
    object(
      {
        alpha: required(expression(BETA_SHAPE), { doc: 'First shape parameter, > 0.' }),
        beta: required(expression(BETA_SHAPE), { doc: 'Second shape parameter, > 0.' }),
      },
      { allowed: 'an object {"alpha", "beta"}', what: 'beta' },
    ),
    { doc: 'Beta distribution {"beta": {"alpha", "beta"}}, for probabilities.' },
  ),
  lognormal: required(
    object(
      {
        meanlog: required(expression(MEANLOG), { doc: 'Mean of the logarithm.' }),
        sdlog: required(expression(SDLOG), { doc: 'Standard deviation of the logarithm, > 0.' }),
      },
      { allowed: 'an object {"meanlog", "sdlog"}', what: 'lognormal' },
    ),
    { doc: 'Lognormal distribution {"lognormal": {"meanlog", "sdlog"}}, for positive values such as SDs.' },
  ),
  fromCI: required(
    alternatives(
      [
        object(
          {
            estimate: required(expression(), { doc: 'The point estimate; between lower and upper.' }),
            lower: required(expression(BOUNDED), { doc: 'Lower limit of the 95 % interval.' }),
            upper: required(expression(BOUNDED), { doc: 'Upper limit of the 95 % interval; greater than lower.' }),
            unit: optional(oneOf(CI_UNITS), {
              doc: 'Unit of the three numbers: "%" divides them by 100; "value" (default) and "proportion" use them as given.',
            }),
          },
          { allowed: 'an object {"estimate", "lower", "upper", "unit"?}', what: 'fromCI', doc: 'An explicit estimate and 95 % interval.' },
        ),
        object(
          { evidence: required(text({ nonBlank: true, allowed: EVIDENCE_ID_ALLOWED }), { doc: 'Id of an evidence entry.' }) },
          { allowed: 'an object {"evidence"}', what: 'fromCI', doc: 'The id of an evidence entry with an estimate and interval.' },
        ),
      ],
      {
        allowed: 'an object {"estimate", "lower", "upper", "unit"?} or {"evidence"}',
        doc: 'An estimate with its 95 % interval, or the id of an evidence entry that has one.',
      },
    ),
    {
      doc: 'A normal distribution matching an estimate and its 95 % confidence interval: mean = estimate, sd = (upper − lower) / (2 × 1.959964); a beta distribution for a proportion (unit "%" or "proportion").',
    },
  ),
} as const;

/** A distribution's key. */
export type DistributionKind = keyof typeof DISTRIBUTIONS;

/** Distribution kinds usable where a parameter may be uncertain. */
export const DISTRIBUTION_KINDS = Object.keys(DISTRIBUTIONS) as DistributionKind[];

/**
 * A parameter whose value is uncertain: drawn once per simulated trial, which
 * turns power into assurance.
 */
export type DistributionSpec = {
  [K in DistributionKind]: { [P in K]: Infer<(typeof DISTRIBUTIONS)[K]['node']> };
}[DistributionKind];

/** An estimate with its 95 % interval, or the id of an evidence entry that has one. */
export type FromCISpec = Infer<(typeof DISTRIBUTIONS)['fromCI']['node']>;

/** Any number in a scenario: a literal, an expression, or (where allowed) a distribution. */
export type NumberSpec = Expression | DistributionSpec;

/** The parameters of a distribution that are numbers (and may be swept), e.g. `mean`, `sd`. */
export function distributionParams(kind: DistributionKind): string[] {
  const node = DISTRIBUTIONS[kind].node;
  const objects = node.type === 'alternatives' ? node.options : [node];
  return objects.flatMap((o) =>
    Object.entries(o.fields)
      .filter(([, f]) => f.node.type === 'expression')
      .map(([k]) => k),
  );
}

/** What may be written where a parameter may be uncertain. */
export const NUMBER_SPEC_ALLOWED = `a number, an expression, or a distribution: ${(() => {
  const shapes = DISTRIBUTION_KINDS.map((k) => {
    const node = DISTRIBUTIONS[k].node;
    return `{"${k}": ${(node.type === 'alternatives' ? node.options[0] : node).allowed.replace(/^an object /, '')}}`;
  });
  return `${shapes.slice(0, -1).join(', ')} or ${shapes[shapes.length - 1]}`;
})()}`;

/** The range the definition gives a parameter of a distribution (`undefined` when it gives none, e.g. `fromCI.estimate`). */
export function distributionParamRange(kind: string, name: string): RangeSpec | undefined {
  const k = DISTRIBUTION_KINDS.find((x) => x === kind);
  const node = k === undefined ? undefined : DISTRIBUTIONS[k].node;
  const objects: readonly ObjectNode[] = node === undefined ? [] : node.type === 'alternatives' ? node.options : [node];
  for (const o of objects) {
    const f = Object.hasOwn(o.fields, name) ? o.fields[name].node : undefined;
    if (f?.type === 'expression') return f.range;
  }
  return undefined;
}
