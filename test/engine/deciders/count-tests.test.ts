/**
 * The count deciders must give exactly the p-value, and so the verdict, of the
 * analysis functions (src/analysis/fisher-exact.ts, chi-square.ts,
 * mcnemar-exact.ts, mcnemar.ts, binomial-exact.ts, whose p-values are checked
 * against R in test/analysis) on every table a simulation can produce: empty
 * arms, no responders, only responders, no discordant pairs, one- and two-sided,
 * with and without continuity correction. Their p-values are memoized per table,
 * so the same table is visited many times here, among tables of other sizes.
 */
import { describe, expect, it } from 'vitest';
import { binomialDecider, mcnemarDecider, twoProportionDecider } from '../../../src/engine/deciders/count-tests.js';
import { DEGENERATE, REJECT } from '../../../src/engine/deciders/decider.js';
import { fisherExact } from '../../../src/analysis/fisher-exact.js';
import { chiSquare } from '../../../src/analysis/chi-square.js';
import { mcnemarExact } from '../../../src/analysis/mcnemar-exact.js';
import { mcnemar } from '../../../src/analysis/mcnemar.js';
import { binomialExact } from '../../../src/analysis/binomial-exact.js';
import type { Better, Sides } from '../../../src/analysis/types.js';
import { TrialData } from '../../../src/designs/trial-data.js';
import { seededXorwow } from '../../../src/random/xorwow.js';
import { below, expectSameDecision, verdictTally } from './decider-checks.js';
import type { Rng } from '../../../src/random/rng.js';

/** Every combination of sidedness, direction and continuity correction. */
const VARIANTS: { sides: Sides; better: Better; continuityCorrection: boolean }[] = [];
for (const sides of [1, 2] as const)
  for (const better of ['higher', 'lower'] as const)
    for (const continuityCorrection of [false, true]) VARIANTS.push({ sides, better, continuityCorrection });

const label = (v: { sides: Sides; better: Better; continuityCorrection?: boolean }) =>
  `${v.sides}-sided, ${v.better}${v.continuityCorrection === undefined ? '' : v.continuityCorrection ? ', corrected' : ''}`;

/** Fills `n` binary outcomes of arm `a` with response probability `p` (0 and 1 give all-equal arms). */
function fillBinary(rng: Rng, data: TrialData, a: number, n: number, p: number): void {
  const values = data.values[a];
  for (let i = 0; i < n; i++) values[i] = rng.uniform() < p ? 1 : 0;
  data.counts[a] = n;
}

/** A response probability: often 0 or 1 (no responder / only responders), else anywhere. */
const probability = (rng: Rng) => [0, 1, rng.uniform(), rng.uniform(), rng.uniform()][below(rng, 5)];

/** Responders among the first `counts[a]` values of arm `a`, counted here independently of the decider. */
function respondersOf(data: TrialData, a: number): number {
  return data.view(a).filter((v) => v === 1).length;
}

describe('two-proportion decider', () => {
  const cases = (['fisher-exact', 'chi-square'] as const).flatMap((test) => VARIANTS.map((v) => ({ test, ...v })));

  it.each(cases)('$test, %#: every p-value and verdict equals the analysis function on the same counts', (c) => {
    const rng = seededXorwow(`two proportions ${c.test} ${label(c)}`);
    // Three arms, the control last: the decider must read the arms it is told to.
    const decider = twoProportionDecider(c.test, c.sides, c.better, c.continuityCorrection, 2);
    const data = new TrialData([30, 30, 30]);
    const seen = verdictTally();
    for (let r = 0; r < 600; r++) {
      // Small arms, so that tables repeat and the memo answers most of them; empty arms now and then.
      for (let a = 0; a < 3; a++) fillBinary(rng, data, a, r % 50 === 0 ? 0 : 1 + below(rng, r % 2 ? 8 : 30), probability(rng));
      const treatment = r % 2;
      const x1 = respondersOf(data, treatment);
      const n1 = data.counts[treatment];
      const x2 = respondersOf(data, 2);
      const n2 = data.counts[2];
      const opts = { sides: c.sides, better: c.better, continuityCorrection: c.continuityCorrection };
      const expected = c.test === 'fisher-exact' ? fisherExact(x1, n1, x2, n2, opts).pValue : chiSquare(x1, n1, x2, n2, opts).pValue;
      seen.add(expectSameDecision(decider, data, treatment, expected));
    }
    expect(seen.seen[REJECT]).toBeGreaterThan(30);
    expect(seen.seen[0]).toBeGreaterThan(30);
    expect(seen.seen[DEGENERATE]).toBeGreaterThan(0);
  });

  it('keeps tables with the same counts in arms of other sizes apart (x of n, not x alone)', () => {
    const decider = twoProportionDecider('fisher-exact', 2, 'higher', false, 1);
    const data = new TrialData([20, 20]);
    const opts = { sides: 2 as const, better: 'higher' as const };
    // 3 of 3 against 0 of 3, then 3 of 20 against 0 of 3, then 3 of 3 against 0 of 20, then the first again.
    const tables = [
      [3, 3, 0, 3],
      [3, 20, 0, 3],
      [3, 3, 0, 20],
      [3, 3, 0, 3],
      [0, 3, 3, 3],
    ];
    for (const [x1, n1, x2, n2] of tables) {
      data.values[0].fill(0).fill(1, 0, x1);
      data.values[1].fill(0).fill(1, 0, x2);
      data.counts[0] = n1;
      data.counts[1] = n2;
      expect(decider.pValue(data, 0)).toBe(fisherExact(x1, n1, x2, n2, opts).pValue);
    }
  });

  it('a degenerate table (an empty arm, or a zero margin for chi-square) is DEGENERATE, as the analysis function says', () => {
    const opts = { sides: 2 as const, better: 'higher' as const, continuityCorrection: true };
    const data = new TrialData([5, 5]);
    data.counts[0] = 0;
    fillBinary(seededXorwow('empty'), data, 1, 5, 0.5);
    const fisher = twoProportionDecider('fisher-exact', 2, 'higher', true, 1);
    expect(Number.isNaN(fisherExact(0, 0, respondersOf(data, 1), 5, opts).pValue)).toBe(true);
    expect(fisher.rejects(data, 0, 0.05)).toBe(DEGENERATE);
    // No responder in either arm: chi-square's expected counts are zero.
    const chi = twoProportionDecider('chi-square', 2, 'higher', true, 1);
    data.values[0].fill(0);
    data.values[1].fill(0);
    data.counts[0] = 5;
    data.counts[1] = 5;
    expect(Number.isNaN(chiSquare(0, 5, 0, 5, opts).pValue)).toBe(true);
    expect(chi.pValue(data, 0)).toBeNaN();
    expect(chi.rejects(data, 0, 0.05)).toBe(DEGENERATE);
  });
});

describe('McNemar decider', () => {
  const cases = (['mcnemar-exact', 'mcnemar'] as const).flatMap((test) => VARIANTS.map((v) => ({ test, ...v })));

  it.each(cases)('$test, %#: every p-value and verdict equals the analysis function on the discordant pairs', (c) => {
    const rng = seededXorwow(`mcnemar ${c.test} ${label(c)}`);
    // Control first this time: the decider compares `treatment` with arm `control`.
    const decider = mcnemarDecider(c.test, c.sides, c.better, c.continuityCorrection, 0);
    const data = new TrialData([40, 40]);
    const seen = verdictTally();
    for (let r = 0; r < 600; r++) {
      // Patients are pairs (index i in both arms); no patient at all now and then.
      const n = r % 40 === 0 ? 0 : 1 + below(rng, r % 2 ? 10 : 40);
      fillBinary(rng, data, 0, n, probability(rng));
      fillBinary(rng, data, 1, n, probability(rng));
      let b = 0;
      let cc = 0;
      for (let i = 0; i < n; i++) {
        if (data.values[1][i] === 1 && data.values[0][i] === 0) b++;
        if (data.values[1][i] === 0 && data.values[0][i] === 1) cc++;
      }
      const opts = { sides: c.sides, better: c.better, continuityCorrection: c.continuityCorrection };
      // No pair at all is degenerate (R's binom.test(0, 0) is an error too); pairs that are all concordant are not.
      const expected = n === 0 ? NaN : c.test === 'mcnemar-exact' ? mcnemarExact(b, cc, opts).pValue : mcnemar(b, cc, opts).pValue;
      seen.add(expectSameDecision(decider, data, 1, expected));
    }
    expect(seen.seen[REJECT]).toBeGreaterThan(30);
    expect(seen.seen[0]).toBeGreaterThan(30);
    expect(seen.seen[DEGENERATE]).toBeGreaterThan(0);
  });
});

describe('binomial decider', () => {
  const cases = [0.05, 0.3, 0.5, 0.9].flatMap((nullValue) =>
    VARIANTS.filter((v) => !v.continuityCorrection).map(({ sides, better }) => ({ nullValue, sides, better })),
  );

  it.each(cases)('null $nullValue, %#: every p-value and verdict equals the exact binomial test', (c) => {
    const rng = seededXorwow(`binomial ${c.nullValue} ${label(c)}`);
    const decider = binomialDecider(c.sides, c.better, c.nullValue);
    const data = new TrialData([60]);
    const seen = verdictTally();
    for (let r = 0; r < 400; r++) {
      const n = r % 40 === 0 ? 0 : 1 + below(rng, r % 2 ? 12 : 60);
      fillBinary(rng, data, 0, n, probability(rng));
      const expected = binomialExact(respondersOf(data, 0), n, c).pValue;
      seen.add(expectSameDecision(decider, data, 0, expected));
    }
    // A one-sided test against a null rate near 0 or 1 rarely rejects in the hard direction, but it does.
    expect(seen.seen[REJECT]).toBeGreaterThan(0);
    expect(seen.seen[0]).toBeGreaterThan(20);
    expect(seen.seen[DEGENERATE]).toBeGreaterThan(0);
  });
});
