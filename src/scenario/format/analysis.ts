/** The `analysis` section of the format: the test and its options. */
import { TESTS, TEST_IDS } from '../../analysis/catalog.js';
import { boolean, expression, object, oneOf, optional, required } from './node.js';
import { ALPHA, BENCHMARK, BOUNDED } from './ranges.js';

/** Tests that have a continuity correction. */
export const CORRECTABLE_TESTS = ['chi-square', 'mcnemar'] as const;

/** The range of `analysis.null` for `binomial-exact` (a benchmark rate); other tests use the field's own range. */
export const BENCHMARK_NULL = BENCHMARK;

const TEST_DOC = `Statistical test applied to each simulated trial. Each test fits certain designs and endpoints: ${TESTS.map(
  (t) => `${t.id} (${t.fits.map(([d, e]) => `${d} ${e}`).join(', ')})`,
).join('; ')}.`;

/** How each simulated trial is analysed. */
export const ANALYSIS = object(
  {
    test: required(
      oneOf(TEST_IDS, { ref: { name: 'testId', doc: TEST_DOC }, names: Object.fromEntries(TESTS.map((t) => [t.id, t.name])) }),
      {
        doc: 'The statistical test; it must fit the design and endpoint (see the list of tests).',
      },
    ),
    alpha: optional(expression(ALPHA), { doc: 'Significance level, in (0, 0.5] (default 0.05).', default: 0.05 }),
    sides: optional(oneOf([1, 2], { allowed: '1 or 2', names: { 1: 'One-sided', 2: 'Two-sided' } }), {
      doc: '1 = one-sided in the direction of endpoint.better; 2 = two-sided (default 2).',
      default: 2,
    }),
    null: optional(expression(BOUNDED), {
      doc: 'Single-arm designs only: the value tested against, a mean change (default 0) or, for binomial-exact, the benchmark rate in (0, 1) (required).',
      hint: 'The mean change the arm is tested against (default 0).',
      default: 0,
    }),
    continuityCorrection: optional(boolean(), {
      doc: 'Continuity correction for chi-square (Yates) and mcnemar (Edwards) (default false).',
      default: false,
    }),
    multiplicity: optional(oneOf(['holm', 'bonferroni', 'none'], { names: { holm: 'Holm', bonferroni: 'Bonferroni', none: 'None' } }), {
      doc: 'Adjustment when several arms are compared with the control (default holm).',
      default: 'holm',
    }),
    success: optional(oneOf(['any', 'all'], { names: { any: 'Any comparison significant', all: 'All comparisons significant' } }), {
      doc: 'With several comparisons: whether the trial succeeds when any or all of them are significant (default any).',
      default: 'any',
    }),
  },
  {
    allowed: 'an object: {"test", "alpha"?, "sides"?, …}',
    what: 'analysis',
    ref: 'analysis',
    doc: 'How each simulated trial is analysed.',
  },
);
