/** Rules of `analysis` that involve the design and endpoint: a test that fits, the null value, the continuity correction. */
import { isTestId, TEST_IDS, testsFitting } from '../../analysis/catalog.js';
import { CORRECTABLE_TESTS } from '../format/analysis.js';
import { ownValue } from '../paths.js';
import { didYouMean } from '../suggest.js';
import { type Context, designKindOf, endpointKindOf, type Rule } from './context.js';
import { checkExpressionValue } from './walk.js';

/** "an" before a vowel ("an ordinal endpoint"), else "a". */
const article = (word: string | undefined) => (word !== undefined && /^[aeiou]/i.test(word) ? 'an' : 'a');

/** `analysis.test`: a known test that fits the design and the endpoint. */
function checkTest(ctx: Context, test: unknown): void {
  const d = designKindOf(ctx);
  const e = endpointKindOf(ctx);
  const fitting = d && e ? testsFitting(d, e) : undefined;
  const fitAllowed = fitting
    ? fitting.length > 0
      ? `a test that fits a ${d} design with ${article(e)} ${e} endpoint: ${fitting.join(', ')}`
      : `a test that fits a ${d} design with ${article(e)} ${e} endpoint, but no test does`
    : `one of ${TEST_IDS.join(', ')}`;
  if (!isTestId(test)) {
    ctx.out.add(
      'analysis.test',
      test,
      fitAllowed,
      typeof test === 'string'
        ? (didYouMean(test, fitting && fitting.length > 0 ? fitting : TEST_IDS) ?? didYouMean(test, TEST_IDS))
        : undefined,
    );
  } else if (fitting && !fitting.includes(test)) {
    ctx.out.add('analysis.test', test, fitAllowed);
  }
}

/** `analysis.null`: only single-arm designs are tested against a value. */
function checkNull(ctx: Context, value: unknown): void {
  if (value === undefined) return;
  const d = designKindOf(ctx);
  if (d && d !== 'single-arm') {
    ctx.out.add(
      'analysis.null',
      value,
      'absent',
      'analysis.null is the value a single-arm design is tested against; other designs compare arms',
    );
  } else checkExpressionValue(ctx, 'analysis.null', value);
}

/** `analysis.continuityCorrection`: only for the tests that have one. */
function checkCorrection(ctx: Context, value: unknown, _path: string, analysis: Record<string, unknown>): void {
  const test = ownValue(analysis, 'test');
  if (value === true && isTestId(test) && !(CORRECTABLE_TESTS as readonly string[]).includes(test)) {
    ctx.out.add(
      'analysis.continuityCorrection',
      value,
      'false or absent',
      `only ${CORRECTABLE_TESTS.join(' and ')} have a continuity correction`,
    );
  }
}

/** The rules of `analysis`, by field pattern. */
export const ANALYSIS_RULES: Readonly<Record<string, Rule>> = {
  'analysis.test': { replace: (ctx, v) => checkTest(ctx, v) },
  'analysis.null': { replace: (ctx, v) => checkNull(ctx, v) },
  'analysis.continuityCorrection': { after: checkCorrection },
};
