/**
 * Exact null distributions of the Wilcoxon rank-sum (Mann–Whitney U) and
 * signed-rank statistics without ties — the distributions behind R's `pwilcox`
 * and `psignrank` — memoized per sample size, since a simulation asks for the
 * same sizes over and over.
 *
 * Counts are built by dynamic programming using additions of non-negative
 * numbers only (no subtraction, so no cancellation), held as doubles: they
 * exceed 2^53 for the largest sizes used (m = n = 49 gives C(98, 49) ≈ 2.5e28),
 * where the relative error stays near machine precision, which is all a
 * p-value needs. Tails are read from the lower CDF on the short side using the
 * symmetry of both distributions, never as `1 − cdf`.
 */

/** Lower CDFs of U per (min(m, n), max(m, n)). */
const rankSumCdfs = new Map<number, Float64Array>();
/** Lower CDFs of V per n. */
const signedRankCdfs: (Float64Array | undefined)[] = [];
/** Scratch table of the rank-sum DP, reused across sizes. */
let dpScratch = new Float64Array(0);

/** Mann–Whitney U counts for sizes m ≤ n: P(U ≤ u) for u = 0 … mn. */
function buildRankSumCdf(m: number, n: number): Float64Array {
  const maxU = m * n;
  const width = maxU + 1;
  const size = (m + 1) * width;
  if (dpScratch.length < size) dpScratch = new Float64Array(size);
  const dp = dpScratch;
  dp.fill(0, 0, size);
  dp[0] = 1;
  // dp[j·width + u] = number of ways to place j x's among the items seen so far
  // with U = u. An item placed as an x adds the number of y's already placed
  // (t − j) to U; placed as a y it leaves the state unchanged. Descending j
  // updates in place, as in a 0/1 knapsack.
  const total = m + n;
  for (let t = 0; t < total; t++) {
    const jHigh = Math.min(t, m - 1);
    const jLow = Math.max(0, t - n);
    for (let j = jHigh; j >= jLow; j--) {
      const ys = t - j;
      const src = j * width;
      const dst = (j + 1) * width + ys;
      const uMax = j * ys;
      for (let u = 0; u <= uMax; u++) dp[dst + u] += dp[src + u];
    }
  }
  const cdf = new Float64Array(width);
  const base = m * width;
  let sum = 0;
  for (let u = 0; u <= maxU; u++) sum += dp[base + u];
  let acc = 0;
  for (let u = 0; u <= maxU; u++) {
    acc += dp[base + u];
    cdf[u] = acc / sum;
  }
  return cdf;
}

function rankSumCdf(m: number, n: number): Float64Array {
  const a = Math.min(m, n);
  const b = Math.max(m, n);
  const key = a * 65536 + b;
  let cdf = rankSumCdfs.get(key);
  if (cdf === undefined) {
    cdf = buildRankSumCdf(a, b);
    rankSumCdfs.set(key, cdf);
  }
  return cdf;
}

/**
 * P(U ≤ q) for the Mann–Whitney statistic of samples of sizes m, n ≥ 1 without
 * ties, as R's `pwilcox(q, m, n)`. The first call for a size builds and caches
 * the distribution (O((m + n)·m²·n) work, once per size: README "Performance").
 */
export function rankSumLowerTail(q: number, m: number, n: number): number {
  const maxU = m * n;
  if (q < 0) return 0;
  if (q >= maxU) return 1;
  return rankSumCdf(m, n)[Math.floor(q)];
}

/** P(U ≥ q), as R's `pwilcox(q - 1, m, n, lower.tail = FALSE)`, from the symmetry U ~ mn − U. */
export function rankSumUpperTail(q: number, m: number, n: number): number {
  return rankSumLowerTail(m * n - q, m, n);
}

function signedRankCdf(n: number): Float64Array {
  let cdf = signedRankCdfs[n];
  if (cdf === undefined) {
    const maxV = (n * (n + 1)) / 2;
    const counts = new Float64Array(maxV + 1);
    counts[0] = 1;
    // Generating function Π(1 + q^i): rank i either carries a plus sign or not.
    for (let i = 1; i <= n; i++) {
      const top = (i * (i + 1)) / 2;
      for (let s = top; s >= i; s--) counts[s] += counts[s - i];
    }
    const total = 2 ** n;
    cdf = new Float64Array(maxV + 1);
    let acc = 0;
    for (let s = 0; s <= maxV; s++) {
      acc += counts[s];
      cdf[s] = acc / total;
    }
    signedRankCdfs[n] = cdf;
  }
  return cdf;
}

/** P(V ≤ q) for the signed-rank statistic of n ≥ 1 non-zero, untied values, as R's `psignrank(q, n)`. */
export function signedRankLowerTail(q: number, n: number): number {
  const maxV = (n * (n + 1)) / 2;
  if (q < 0) return 0;
  if (q >= maxV) return 1;
  return signedRankCdf(n)[Math.floor(q)];
}

/** P(V ≥ q), as R's `psignrank(q - 1, n, lower.tail = FALSE)`, from the symmetry V ~ n(n+1)/2 − V. */
export function signedRankUpperTail(q: number, n: number): number {
  return signedRankLowerTail((n * (n + 1)) / 2 - q, n);
}
