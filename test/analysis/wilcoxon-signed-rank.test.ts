import { describe, expect, it } from 'vitest';
import { emptyTestResult, type OneSampleTestOptions } from '../../src/analysis/types.js';
import { wilcoxonSignedRank, wilcoxonSignedRankPaired } from '../../src/analysis/wilcoxon-signed-rank.js';
import { cases, expectRel, label, type RCase } from './r-fixture.js';

interface Case extends RCase {
  x: number[];
  nullValue: number;
  rMethod: string;
}
interface PairedCase extends Case {
  y: number[];
}

const two: OneSampleTestOptions = { sides: 2, better: 'higher', nullValue: 0 };

function expectSameBranch(method: string, rMethod: string): void {
  const exact = rMethod.includes('exact');
  expect(method).toContain(exact ? 'exact' : 'normal approximation with tie and continuity correction');
}

describe('wilcoxonSignedRank', () => {
  for (const c of cases<Case>('wilcoxonSignedRank')) {
    it(`matches R's wilcox.test(x, mu =) — ${label(c)}`, () => {
      // V and the p-value come from R's wilcox.test(x, mu = nullValue) with its defaults.
      const r = wilcoxonSignedRank(c.x, c);
      expect(r.statistic).toBe(c.statistic);
      expectRel(r.pValue, c.pValue, 'p');
      expectSameBranch(r.method, c.rMethod);
    });
  }

  it('fills and returns the out object it is given', () => {
    const out = emptyTestResult();
    expect(wilcoxonSignedRank([1, -2, 3], two, out)).toBe(out);
    expect(wilcoxonSignedRankPaired([1, 2, 3], [0, 3, 1], two, out)).toBe(out);
  });

  describe('degenerate data give degenerate: true and pValue NaN without throwing', () => {
    it.each([
      ['empty', [], 0],
      ['every value equals the null value', [2, 2, 2], 2],
      ['all zeros', [0, 0], 0],
    ])('%s', (_name, x, nullValue) => {
      const r = wilcoxonSignedRank(x, { ...two, nullValue });
      expect(r.degenerate).toBe(true);
      expect(r.pValue).toBeNaN();
    });
  });
});

describe('wilcoxonSignedRankPaired', () => {
  for (const c of cases<PairedCase>('wilcoxonSignedRankPaired')) {
    it(`matches R's wilcox.test(paired = TRUE) — ${label(c)}`, () => {
      // V and the p-value come from R's wilcox.test(x, y, paired = TRUE, mu = nullValue).
      const r = wilcoxonSignedRankPaired(c.x, c.y, c);
      expect(r.statistic).toBe(c.statistic);
      expectRel(r.pValue, c.pValue, 'p');
      expectSameBranch(r.method, c.rMethod);
      // Same as the one-sample test of the differences, computed the way R computes them.
      const diffs = c.x.map((v, i) => v - c.y[i]);
      const viaDiffs = wilcoxonSignedRank(diffs, c);
      expect(viaDiffs.pValue).toBe(r.pValue);
    });
  }

  it('tests against 0 when nullValue is omitted', () => {
    const opts = { sides: 2, better: 'higher' } as const;
    expect(wilcoxonSignedRankPaired([3, 5, 9], [1, 2, 3], opts).pValue).toBe(
      wilcoxonSignedRankPaired([3, 5, 9], [1, 2, 3], { ...opts, nullValue: 0 }).pValue,
    );
  });

  describe('degenerate data give degenerate: true and pValue NaN without throwing', () => {
    it.each([
      ['identical sites', [1, 2, 3], [1, 2, 3]],
      ['empty', [], []],
      ['unequal lengths', [1, 2, 3], [0, 1]],
    ])('%s', (_name, x, y) => {
      const r = wilcoxonSignedRankPaired(x, y, two);
      expect(r.degenerate).toBe(true);
      expect(r.pValue).toBeNaN();
    });
  });
});
