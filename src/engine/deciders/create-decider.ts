import type { ResolvedScenario } from '../../scenario/types.js';
import type { Decider } from './decider.js';
import { tDecider } from './t-tests.js';
import { binomialDecider, mcnemarDecider, twoProportionDecider } from './count-tests.js';
import { mannWhitneyDecider, signedRankDecider } from './rank-tests.js';

/**
 * The decider for a scenario's analysis. `control` is the control arm's index,
 * or −1 for a single-arm design. The validator has already checked that the
 * test fits the design and endpoint.
 */
export function createDecider(scenario: ResolvedScenario, control: number): Decider {
  const { test, sides, continuityCorrection } = scenario.analysis;
  const { better } = scenario.endpoint;
  const nullValue = scenario.analysis.null;
  switch (test) {
    case 'welch-t':
    case 'student-t':
    case 'paired-t':
    case 'one-sample-t':
      return tDecider(test, sides, better, nullValue, control);
    case 'fisher-exact':
    case 'chi-square':
      return twoProportionDecider(test, sides, better, continuityCorrection, control);
    case 'mcnemar-exact':
    case 'mcnemar':
      return mcnemarDecider(test, sides, better, continuityCorrection, control);
    case 'binomial-exact':
      return binomialDecider(sides, better, nullValue);
    case 'mann-whitney':
      return mannWhitneyDecider(sides, better, control, scenario.endpoint.kind === 'ordinal' ? scenario.endpoint.categories.length : 0);
    case 'wilcoxon-signed-rank':
      return signedRankDecider(sides, better, nullValue, control);
    default:
      // Only reachable when a caller skipped validation (e.g. a hand-made worker message).
      throw new Error(`unknown test "${String(test)}"`);
  }
}
