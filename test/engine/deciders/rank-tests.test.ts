/**
 * The rank deciders must give exactly the p-value, and so the verdict, of the
 * analysis functions (src/analysis/mann-whitney.ts, wilcoxon-signed-rank.ts,
 * checked against R's wilcox.test in test/analysis) on the arms they are told
 * to compare: continuous samples with and without ties, ordinal samples
 * (reduced to category counts), empty and one-value arms, all values tied,
 * differences of zero, one- and two-sided.
 */
import { describe, expect, it } from 'vitest';
import { mannWhitneyDecider, signedRankDecider } from '../../../src/engine/deciders/rank-tests.js';
import { DEGENERATE, REJECT } from '../../../src/engine/deciders/decider.js';
import { mannWhitney, mannWhitneyFromCounts } from '../../../src/analysis/mann-whitney.js';
import { wilcoxonSignedRank, wilcoxonSignedRankPaired } from '../../../src/analysis/wilcoxon-signed-rank.js';
import type { Better, Sides } from '../../../src/analysis/types.js';
import { TrialData } from '../../../src/designs/trial-data.js';
import { seededXorwow } from '../../../src/random/xorwow.js';
import { below, expectSameDecision, verdictTally } from './decider-checks.js';
import type { Rng } from '../../../src/random/rng.js';

const VARIANTS: { sides: Sides; better: Better }[] = [
  { sides: 2, better: 'higher' },
  { sides: 1, better: 'higher' },
  { sides: 1, better: 'lower' },
];

/**
 * Fills arm `a` with `n` values around `shift`: continuous; rounded to whole
 * numbers (many ties); or all equal — chosen by `kind`.
 */
function fillArm(rng: Rng, data: TrialData, a: number, n: number, shift: number, kind: number): void {
  const values = data.values[a];
  for (let i = 0; i < n; i++) {
    const v = shift + 4 * (rng.uniform() - 0.5);
    values[i] = kind === 0 ? v : kind === 1 ? Math.round(v) : shift;
  }
  data.counts[a] = n;
}

describe('Mann–Whitney decider', () => {
  it.each(VARIANTS)('continuous outcomes ($sides-sided, $better): every p-value and verdict equals mannWhitney on the arms', (v) => {
    const rng = seededXorwow(`mann-whitney ${v.sides} ${v.better}`);
    // Three arms, the control in the middle.
    const decider = mannWhitneyDecider(v.sides, v.better, 1, 0);
    const data = new TrialData([60, 60, 60]);
    const seen = verdictTally();
    for (let r = 0; r < 400; r++) {
      const kind = r % 7 === 0 ? 2 : r % 3;
      // Sizes from 0 to 59: the exact branch (small, no ties), the normal one (ties or ≥ 50) and the empty arm.
      for (let a = 0; a < 3; a++)
        fillArm(rng, data, a, r % 41 === 0 ? 0 : 1 + below(rng, r % 2 ? 12 : 59), a === 1 ? 0 : 1.5 * (2 * rng.uniform() - 1), kind);
      const treatment = r % 2 === 0 ? 0 : 2;
      const expected = mannWhitney(data.view(treatment), data.view(1), v).pValue;
      seen.add(expectSameDecision(decider, data, treatment, expected));
    }
    expect(seen.seen[REJECT]).toBeGreaterThan(20);
    expect(seen.seen[0]).toBeGreaterThan(20);
    expect(seen.seen[DEGENERATE]).toBeGreaterThan(0);
  });

  it.each(VARIANTS)('ordinal outcomes ($sides-sided, $better): the p-value of the category counts, which is that of the values', (v) => {
    const rng = seededXorwow(`mann-whitney ordinal ${v.sides} ${v.better}`);
    const categories = 4;
    const decider = mannWhitneyDecider(v.sides, v.better, 0, categories);
    const data = new TrialData([50, 50]);
    const countsX = new Float64Array(categories);
    const countsY = new Float64Array(categories);
    const seen = verdictTally();
    for (let r = 0; r < 400; r++) {
      // Category indices; now and then every patient in one category, or no patient in an arm.
      for (let a = 0; a < 2; a++) {
        const n = r % 37 === 0 && a === 1 ? 0 : 1 + below(rng, r % 2 ? 8 : 50);
        const lean = a === 1 ? 0.3 * (2 * rng.uniform() - 1) : 0;
        for (let i = 0; i < n; i++)
          data.values[a][i] = r % 29 === 0 ? 2 : Math.max(0, Math.min(categories - 1, Math.floor((rng.uniform() + lean) * categories)));
        data.counts[a] = n;
      }
      countsX.fill(0);
      countsY.fill(0);
      for (const c of data.view(1)) countsX[c]++;
      for (const c of data.view(0)) countsY[c]++;
      const expected = mannWhitneyFromCounts(countsX, countsY, v).pValue;
      seen.add(expectSameDecision(decider, data, 1, expected));
      // The counts are a shortcut: the values themselves give the same p-value, to rounding.
      const fromValues = mannWhitney(data.view(1), data.view(0), v).pValue;
      if (expected === expected) expect(fromValues).toBeCloseTo(expected, 12);
      else expect(fromValues).toBeNaN();
    }
    expect(seen.seen[REJECT]).toBeGreaterThan(20);
    expect(seen.seen[0]).toBeGreaterThan(20);
    expect(seen.seen[DEGENERATE]).toBeGreaterThan(0);
  });
});

describe('signed-rank decider', () => {
  const cases = [0, 0.5].flatMap((nullValue) => VARIANTS.map((v) => ({ nullValue, ...v })));

  it.each(cases)('one arm against $nullValue ($sides-sided, $better): every p-value and verdict equals wilcoxonSignedRank', (c) => {
    const rng = seededXorwow(`signed rank ${c.nullValue} ${c.sides} ${c.better}`);
    const decider = signedRankDecider(c.sides, c.better, c.nullValue, -1);
    const data = new TrialData([60]);
    const seen = verdictTally();
    for (let r = 0; r < 400; r++) {
      // Whole numbers make ties and values equal to the null (zero differences, which are dropped).
      const n = r % 41 === 0 ? 0 : 1 + below(rng, r % 2 ? 12 : 59);
      fillArm(rng, data, 0, n, c.nullValue + (r % 7 === 0 ? 0 : 1.2 * (2 * rng.uniform() - 1)), r % 3);
      const expected = wilcoxonSignedRank(data.view(0), c).pValue;
      seen.add(expectSameDecision(decider, data, 0, expected));
    }
    expect(seen.seen[REJECT]).toBeGreaterThan(20);
    expect(seen.seen[0]).toBeGreaterThan(20);
    expect(seen.seen[DEGENERATE]).toBeGreaterThan(0);
  });

  it.each(cases)(
    'paired sites, null $nullValue ($sides-sided, $better): every p-value and verdict equals wilcoxonSignedRankPaired',
    (c) => {
      const rng = seededXorwow(`signed rank paired ${c.nullValue} ${c.sides} ${c.better}`);
      const decider = signedRankDecider(c.sides, c.better, c.nullValue, 0);
      const data = new TrialData([60, 60]);
      const seen = verdictTally();
      for (let r = 0; r < 400; r++) {
        const n = r % 41 === 0 ? 0 : 1 + below(rng, r % 2 ? 12 : 59);
        const kind = r % 3;
        fillArm(rng, data, 0, n, 0, kind);
        fillArm(rng, data, 1, n, 0, kind);
        // Now and then every pair differs by exactly the null value (all differences dropped).
        if (r % 11 === 0) for (let i = 0; i < n; i++) data.values[1][i] = data.values[0][i] + c.nullValue;
        else {
          const shift = c.nullValue + 1.2 * (2 * rng.uniform() - 1);
          for (let i = 0; i < n; i++) data.values[1][i] += shift;
        }
        const expected = wilcoxonSignedRankPaired(data.view(1), data.view(0), c).pValue;
        seen.add(expectSameDecision(decider, data, 1, expected));
      }
      expect(seen.seen[REJECT]).toBeGreaterThan(20);
      expect(seen.seen[0]).toBeGreaterThan(20);
      expect(seen.seen[DEGENERATE]).toBeGreaterThan(0);
    },
  );
});
