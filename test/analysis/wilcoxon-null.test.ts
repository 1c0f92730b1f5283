import { describe, it } from 'vitest';
import { rankSumLowerTail, rankSumUpperTail, signedRankLowerTail, signedRankUpperTail } from '../../src/analysis/wilcoxon-null.js';
import { cases, expectRel } from './r-fixture.js';

interface PWilcox {
  m: number;
  n: number;
  q: number[];
  lower: number[];
  upper: number[];
}
interface PSignRank {
  n: number;
  q: number[];
  lower: number[];
  upper: number[];
}

describe('exact Wilcoxon null distributions', () => {
  for (const c of cases<PWilcox>('pwilcox')) {
    it(`rank sum m = ${c.m}, n = ${c.n} matches R's pwilcox()`, () => {
      c.q.forEach((q, i) => {
        // Expected: R's pwilcox(q, m, n) and pwilcox(q - 1, m, n, lower.tail = FALSE).
        expectRel(rankSumLowerTail(q, c.m, c.n), c.lower[i], `P(U <= ${q})`);
        expectRel(rankSumUpperTail(q, c.m, c.n), c.upper[i], `P(U >= ${q})`);
        // The distribution depends on the unordered pair of sizes.
        expectRel(rankSumLowerTail(q, c.n, c.m), c.lower[i], `P(U <= ${q}) with sizes swapped`);
      });
    });
  }
  for (const c of cases<PSignRank>('psignrank')) {
    it(`signed rank n = ${c.n} matches R's psignrank()`, () => {
      c.q.forEach((q, i) => {
        // Expected: R's psignrank(q, n) and psignrank(q - 1, n, lower.tail = FALSE).
        expectRel(signedRankLowerTail(q, c.n), c.lower[i], `P(V <= ${q})`);
        expectRel(signedRankUpperTail(q, c.n), c.upper[i], `P(V >= ${q})`);
      });
    });
  }
});
