/**
 * Memoized binomial null distributions for the exact binomial and exact
 * McNemar tests. A simulation calls these tests with a handful of (n, p)
 * pairs many thousands of times; after the first call for a pair, every
 * p-value is a table lookup.
 *
 * Tails come from stdlib's binomial CDF; the upper tail P(X ≥ k) is the lower
 * CDF of the failures, `cdf(n − k; n, 1 − p)`, never `1 − cdf`.
 */

import bcdf from '@stdlib/stats-base-dists-binomial-cdf';
import bpmf from '@stdlib/stats-base-dists-binomial-pmf';

/** Null distribution of X ~ Binomial(n, p), with lazily filled two-sided p-values. */
export interface BinomialNull {
  n: number;
  p: number;
  /** P(X = k), k = 0 … n. */
  pmf: Float64Array;
  /** P(X ≤ k), k = 0 … n. */
  lower: Float64Array;
  /** P(X ≥ k), k = 0 … n + 1 (the last entry is 0). */
  upper: Float64Array;
  /** Two-sided p-value of observing k, NaN until first asked for. */
  twoSided: Float64Array;
}

/** R's `binom.test` tolerance for "as or less likely than the observed count". */
const REL_ERR = 1 + 1e-7;
/** Total cached table entries above which the cache is emptied (bounds memory in long sweeps). */
const MAX_CACHED_ENTRIES = 1 << 22;

const tables = new Map<number, (BinomialNull | undefined)[]>();
let cachedEntries = 0;
let lastP = NaN;
let lastTables: (BinomialNull | undefined)[] = [];

function build(n: number, p: number): BinomialNull {
  const pmf = new Float64Array(n + 1);
  const lower = new Float64Array(n + 1);
  const upper = new Float64Array(n + 2);
  const twoSided = new Float64Array(n + 1).fill(NaN);
  const q = 1 - p;
  for (let k = 0; k <= n; k++) {
    pmf[k] = bpmf(k, n, p);
    lower[k] = bcdf(k, n, p);
    upper[k] = bcdf(n - k, n, q);
  }
  upper[n + 1] = 0;
  return { n, p, pmf, lower, upper, twoSided };
}

/**
 * The memoized null distribution of Binomial(n, p) for n ≥ 1, 0 ≤ p ≤ 1.
 * The most recent `p` is looked up without touching the Map.
 */
export function binomialNull(n: number, p: number): BinomialNull {
  let byN: (BinomialNull | undefined)[];
  if (p === lastP) {
    byN = lastTables;
  } else {
    const found = tables.get(p);
    if (found === undefined) {
      byN = [];
      tables.set(p, byN);
    } else {
      byN = found;
    }
    lastP = p;
    lastTables = byN;
  }
  let t = byN[n];
  if (t === undefined) {
    if (cachedEntries > MAX_CACHED_ENTRIES) {
      tables.clear();
      cachedEntries = 0;
      byN = [];
      tables.set(p, byN);
      lastTables = byN;
    }
    t = build(n, p);
    byN[n] = t;
    cachedEntries += 4 * (n + 1);
  }
  return t;
}

/**
 * Two-sided p-value of observing x, exactly as R's `binom.test`: the
 * probability of all outcomes no more likely than x (within a relative
 * tolerance of 1e-7, so outcomes equally likely in exact arithmetic are not
 * split by rounding), summed over both tails; clipped at 1.
 */
export function binomialTwoSided(t: BinomialNull, x: number): number {
  const cached = t.twoSided[x];
  if (cached === cached) return cached; // not NaN: computed before
  const { n, p, pmf, lower, upper } = t;
  let pv: number;
  if (p === 0) pv = x === 0 ? 1 : 0;
  else if (p === 1) pv = x === n ? 1 : 0;
  else {
    const d = pmf[x] * REL_ERR;
    const m = n * p;
    if (x === m) pv = 1;
    else if (x < m) {
      let y = 0;
      for (let i = Math.ceil(m); i <= n; i++) if (pmf[i] <= d) y++;
      pv = lower[x] + upper[n - y + 1];
    } else {
      let y = 0;
      const top = Math.floor(m);
      for (let i = 0; i <= top; i++) if (pmf[i] <= d) y++;
      pv = (y > 0 ? lower[y - 1] : 0) + upper[x];
    }
    pv = Math.min(1, pv);
  }
  t.twoSided[x] = pv;
  return pv;
}
