#!/usr/bin/python3
"""Exact reference powers and sizes for trialsim, by enumeration and quadrature (scipy).

Writes, relative to the repository root:

  test/fixtures/power/power-exact.json   powers of Welch t (2-D quadrature), Fisher, chi-square (with and
                                         without Yates), McNemar (exact, asymptotic with and without
                                         correction), exact binomial, Mann-Whitney and signed-rank on
                                         ordinal data (exact enumeration of every possible trial)
  test/fixtures/power/calibration.json   exact sizes (rejection rate with no true difference) of the same
                                         tests and of the t tests, for the null parameters stored with
                                         each case

Run with Debian's interpreter (numpy + scipy from Debian packages), from the repository root:

  /usr/bin/python3 scripts/reference/power-exact.py

Every p-value rule reproduces R 4.2 (stats::fisher.test, chisq.test / prop.test, mcnemar.test,
binom.test, wilcox.test) exactly, including R's relative tolerance 1 + 1e-7 when collecting
"as or less likely" outcomes of the exact two-sided tests. Outcomes whose test is undefined (a zero
margin, no discordant pairs, zero rank variance) count as non-rejection, as NaN p-values do in R.
A trial rejects when p <= alpha; the script checks that no outcome with non-negligible probability
has a p-value within 1e-9 of alpha, so p < alpha would give the same numbers.
"""
from __future__ import annotations

import itertools
import json
import math
import platform
import sys
import time
from fractions import Fraction
from pathlib import Path

import numpy as np
import scipy
from scipy import integrate, special, stats

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "test" / "fixtures" / "power"
SCRIPT = "scripts/reference/power-exact.py"
TOOL = f"scipy {scipy.__version__} / Python {platform.python_version()}"
ALPHA = 0.05
REPLICATES = 20000  # simulated trials per case in the trialsim tests (MC SE <= 0.0036)
REL_ERR = Fraction(1) + Fraction(1, 10**7)  # R's relErr in fisher.test / binom.test
TIE_EPS = 1e-9  # |p - alpha| below this (for an outcome of probability > TIE_PROB) is a near-tie
TIE_PROB = 1e-12


# ---------------------------------------------------------------------------
# JSON output (compact small objects, 17 significant digits round-trip)
# ---------------------------------------------------------------------------
def to_json(x, indent=0):
    pad, end = "  " * (indent + 1), "  " * indent
    if isinstance(x, dict):
        items = [f"{json.dumps(k)}: {to_json(v, indent + 1)}" for k, v in x.items()]
        if all("\n" not in i for i in items) and sum(map(len, items)) < 70:
            return "{ " + ", ".join(items) + " }"
        return "{\n" + pad + (",\n" + pad).join(items) + "\n" + end + "}"
    if isinstance(x, (list, tuple)):
        items = [to_json(v, indent + 1) for v in x]
        if all("\n" not in i for i in items) and sum(map(len, items)) < 80:
            return "[" + ", ".join(items) + "]"
        return "[\n" + pad + (",\n" + pad).join(items) + "\n" + end + "]"
    if isinstance(x, bool) or x is None or isinstance(x, str):
        return json.dumps(x)
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    if isinstance(x, (float, np.floating)):
        x = float(x)
        if not math.isfinite(x):
            raise ValueError("non-finite number in fixture")
        if x == int(x) and abs(x) < 1e15:
            return str(int(x))
        return repr(x)  # shortest round-trip representation
    raise TypeError(type(x))


def write_fixture(name, method, cases):
    obj = {"generator": {"tool": TOOL, "script": SCRIPT, "method": method}, "cases": cases}
    (OUT / name).write_text(to_json(obj) + "\n", encoding="utf-8")
    print(f"wrote test/fixtures/power/{name} ({len(cases)} cases)")


# ---------------------------------------------------------------------------
# ResolvedScenario builders (src/scenario/types.ts); arm 1 = treatment, arm 2 = control
# ---------------------------------------------------------------------------
def two_arms(a="trt", b="ctl", la="Treatment", lb="Control"):
    return [{"id": a, "label": la, "control": False}, {"id": b, "label": lb, "control": True}]


def analysis(test, null=0, cc=False):
    return {"test": test, "alpha": ALPHA, "sides": 2, "null": null, "continuityCorrection": cc,
            "multiplicity": "holm", "success": "any"}


def simulation(seed):
    return {"replicates": REPLICATES, "seed": seed, "fastPath": True}


def scenario(title, design, endpoint, test, seed, null=0, cc=False):
    return {"format": "trialsim/1", "title": title, "design": design, "endpoint": endpoint,
            "analysis": analysis(test, null, cc), "simulation": simulation(seed)}


def parallel(n, allocation, dropout=0):
    return {"kind": "parallel", "arms": two_arms(), "allocation": list(allocation), "n": n, "dropout": dropout}


def within(n, rho, spillover=0):
    return {"kind": "within-patient", "arms": two_arms("treated", "control", "Treated site", "Control site"),
            "n": n, "correlation": rho, "spillover": spillover, "dropout": 0}


def single(n):
    return {"kind": "single-arm", "arms": [{"id": "arm", "label": "Single arm", "control": False}], "n": n,
            "dropout": 0}


def continuous(ids, means, sds, label="Outcome"):
    return {"kind": "continuous", "label": label, "better": "higher",
            "arms": {i: {"mean": m, "sd": s} for i, m, s in zip(ids, means, sds)}}


def binary(ids, ps, label="Response"):
    return {"kind": "binary", "label": label, "better": "higher", "arms": {i: {"p": p} for i, p in zip(ids, ps)}}


TCI_CATEGORIES = ["<25 %", "25-49 %", "50-74 %", ">=75 %"]


def ordinal(ids, probs, label="Repigmentation quartile"):
    return {"kind": "ordinal", "label": label, "better": "higher", "categories": TCI_CATEGORIES,
            "arms": {i: {"probs": list(p)} for i, p in zip(ids, probs)}}


def split_n(n, allocation):
    """Per-arm sizes; the fixtures only use n divisible by sum(allocation)."""
    total = sum(allocation)
    assert n % total == 0, "choose n divisible by the allocation total"
    return [n * a // total for a in allocation]


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
class Rejection:
    """Accumulates P(reject) over enumerated outcomes and guards against p-values at alpha."""

    def __init__(self, label):
        self.label, self.power, self.total = label, 0.0, 0.0

    def add(self, prob, pvalue):
        self.total += prob
        if pvalue is None or not math.isfinite(pvalue):
            return  # undefined test: non-rejection
        if abs(pvalue - ALPHA) < TIE_EPS and prob > TIE_PROB:
            raise RuntimeError(f"{self.label}: p-value {pvalue!r} within {TIE_EPS} of alpha")
        if pvalue <= ALPHA:
            self.power += prob

    def add_many(self, probs, pvalues):
        """Vector form of add(): NaN p-values are undefined tests (non-rejection)."""
        probs, pvalues = np.asarray(probs, dtype=float), np.asarray(pvalues, dtype=float)
        self.total += float(probs.sum())
        near = np.abs(pvalues - ALPHA) < TIE_EPS
        if (near & (probs > TIE_PROB)).any():
            raise RuntimeError(f"{self.label}: a p-value within {TIE_EPS} of alpha")
        self.power += float(probs[pvalues <= ALPHA].sum())  # NaN compares False

    def result(self):
        assert abs(self.total - 1) < 1e-9, (self.label, self.total)
        return self.power


def binom_pmf(n, p):
    return stats.binom.pmf(np.arange(n + 1), n, p)


def compositions(n, k):
    """All k-tuples of non-negative integers summing to n (stars and bars), as an array."""
    rows = []
    for bars in itertools.combinations(range(n + k - 1), k - 1):
        prev, row = -1, []
        for b in bars:
            row.append(b - prev - 1)
            prev = b
        row.append(n + k - 2 - prev)
        rows.append(row)
    return np.array(rows, dtype=np.int64)


def multinomial_pmf(counts, probs):
    """pmf of each row of `counts` (array m x k) under Multinomial(sum, probs)."""
    counts = np.asarray(counts, dtype=float)
    n = counts.sum(axis=1)
    probs = np.asarray(probs, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        logp = np.where(counts > 0, counts * np.log(np.where(probs > 0, probs, 1)), 0.0)
    logp = np.where((counts > 0) & (probs == 0), -np.inf, logp)
    return np.exp(special.gammaln(n + 1) - special.gammaln(counts + 1).sum(axis=1) + logp.sum(axis=1))


def bvn_cdf(a, b, rho):
    """P(Z1 <= a, Z2 <= b) for a standard bivariate normal with correlation rho (1-D quadrature)."""
    if a == -math.inf or b == -math.inf:
        return 0.0
    if a == math.inf:
        return float(stats.norm.cdf(b))
    if b == math.inf:
        return float(stats.norm.cdf(a))
    if rho == 0:
        return float(stats.norm.cdf(a) * stats.norm.cdf(b))
    s = math.sqrt(1 - rho * rho)
    val, err = integrate.quad(lambda z: stats.norm.pdf(z) * stats.norm.cdf((b - rho * z) / s), -math.inf, a,
                              epsabs=1e-15, epsrel=1e-13, limit=200)
    assert err < 1e-12
    return val


# ---------------------------------------------------------------------------
# Tests, each exactly as R computes its p-value
# ---------------------------------------------------------------------------
def fisher_pvalue(x, m, n, k):
    """stats::fisher.test two-sided for the 2x2 table with x = [1,1], column totals m, n, row-1 total k.
    Exact rational hypergeometric probabilities; R's rule d <= d[x] * (1 + 1e-7)."""
    lo, hi = max(0, k - n), min(k, m)
    d = {j: math.comb(m, j) * math.comb(n, k - j) for j in range(lo, hi + 1)}
    total = sum(d.values())
    dx = d[x]
    p = sum(Fraction(v, total) for v in d.values() if Fraction(v) <= dx * REL_ERR)
    return float(min(p, 1))


def chisq_pvalue(x1, n1, x2, n2, correct):
    """stats::chisq.test(matrix(c(x1, n1 - x1, x2, n2 - x2), 2)) == prop.test(c(x1, x2), c(n1, n2)).
    Yates: YATES = min(0.5, |O - E|). A zero margin gives NaN (non-rejection)."""
    obs = np.array([[x1, n1 - x1], [x2, n2 - x2]], dtype=float)
    rows, cols, tot = obs.sum(1), obs.sum(0), obs.sum()
    if (rows == 0).any() or (cols == 0).any():
        return None
    e = np.outer(rows, cols) / tot
    yates = min(0.5, float(np.min(np.abs(obs - e)))) if correct else 0.0
    stat = float(np.sum((np.abs(obs - e) - yates) ** 2 / e))
    return float(stats.chi2.sf(stat, 1))


def binom_test_pvalue(x, n, p0):
    """stats::binom.test(x, n, p0), two-sided, with exact rational probabilities and R's relErr rule."""
    p0 = Fraction(p0).limit_denominator(10**12)
    d = [math.comb(n, i) * p0**i * (1 - p0) ** (n - i) for i in range(n + 1)]
    m = n * p0
    if x == m:
        return 1.0
    if x < m:
        y = sum(1 for i in range(math.ceil(m), n + 1) if d[i] <= d[x] * REL_ERR)
        p = sum(d[: x + 1]) + sum(d[n - y + 1:])
    else:
        y = sum(1 for i in range(0, math.floor(m) + 1) if d[i] <= d[x] * REL_ERR)
        p = sum(d[:y]) + sum(d[x:])
    return float(min(p, 1))


def mcnemar_exact_pvalue(b, c):
    """Exact McNemar = stats::binom.test(b, b + c, 0.5); no discordant pairs -> p = 1."""
    if b + c == 0:
        return 1.0
    return binom_test_pvalue(b, b + c, Fraction(1, 2))


def mcnemar_pvalue(b, c, correct):
    """stats::mcnemar.test on the 2x2 table with discordant cells b, c (correction only when b != c)."""
    if b + c == 0:
        return None
    num = (abs(b - c) - 1) ** 2 if (correct and b != c) else (b - c) ** 2
    return float(stats.chi2.sf(num / (b + c), 1))


def norm_two_sided(z):
    return 2 * min(stats.norm.cdf(z), stats.norm.sf(z))


def mann_whitney_ordinal_pvalue(a, b):
    """stats::wilcox.test(x, y) for ordinal data given category counts a (x) and b (y): ties force the normal
    approximation with tie-corrected variance and continuity correction; zero variance -> NaN."""
    nx, ny = int(sum(a)), int(sum(b))
    t = [int(ai + bi) for ai, bi in zip(a, b)]
    before, ranks = 0, []
    for tk in t:
        ranks.append(before + (tk + 1) / 2)
        before += tk
    if nx < 50 and ny < 50 and all(tk <= 1 for tk in t):
        raise NotImplementedError("exact branch cannot occur for these ordinal cases")
    w = sum(ai * r for ai, r in zip(a, ranks)) - nx * (nx + 1) / 2
    z = w - nx * ny / 2
    ties = sum(tk**3 - tk for tk in t)
    sigma = math.sqrt((nx * ny / 12) * ((nx + ny + 1) - ties / ((nx + ny) * (nx + ny - 1))))
    if sigma == 0:
        return None
    z = (z - np.sign(z) * 0.5) / sigma
    return norm_two_sided(z)


def signrank_dist(n):
    """Counts of V = 0..n(n+1)/2 for the signed-rank statistic (as stats::dsignrank * 2^n)."""
    c = [1]
    for k in range(1, n + 1):
        new = [0] * (len(c) + k)
        for v, cnt in enumerate(c):
            new[v] += cnt
            new[v + k] += cnt
        c = new
    return c


def signed_rank_ordinal_pvalue(counts):
    """stats::wilcox.test(treated, control, paired = TRUE) for ordinal differences; counts[j] = number of
    patients with difference j - K (K = number of categories - 1). Zeros dropped, mid-ranks of |d|,
    exact branch only without ties and zeros (n < 50), else normal approximation with correction."""
    K = (len(counts) - 1) // 2
    n0 = counts[K]
    pos = {k: counts[K + k] for k in range(1, K + 1)}
    neg = {k: counts[K - k] for k in range(1, K + 1)}
    t = {k: pos[k] + neg[k] for k in range(1, K + 1)}
    N = sum(t.values())
    before, rank = 0, {}
    for k in range(1, K + 1):
        rank[k] = before + (t[k] + 1) / 2
        before += t[k]
    V = sum(pos[k] * rank[k] for k in range(1, K + 1))
    ties = any(tk > 1 for tk in t.values())
    if N < 50 and not ties and n0 == 0:
        dist = signrank_dist(N)
        total = sum(dist)
        V = int(V)
        if V > N * (N + 1) / 4:
            p = Fraction(sum(dist[V:]), total)
        else:
            p = Fraction(sum(dist[: V + 1]), total)
        return float(min(2 * p, 1))
    z = V - N * (N + 1) / 4
    sigma2 = N * (N + 1) * (2 * N + 1) / 24 - sum(tk**3 - tk for tk in t.values()) / 48
    if sigma2 <= 0:
        return None
    z = (z - np.sign(z) * 0.5) / math.sqrt(sigma2)
    return norm_two_sided(z)


# ---------------------------------------------------------------------------
# Power / size by enumeration
# ---------------------------------------------------------------------------
def two_binomials(label, n1, p1, n2, p2, pvalue):
    acc = Rejection(label)
    w1, w2 = binom_pmf(n1, p1), binom_pmf(n2, p2)
    for x1 in range(n1 + 1):
        for x2 in range(n2 + 1):
            acc.add(w1[x1] * w2[x2], pvalue(x1, x2))
    return acc.result()


def fisher_power(n1, p1, n2, p2):
    # table rows = arms, columns = success / failure: [1,1] = x1, column totals m = x1 + x2 successes.
    return two_binomials("fisher", n1, p1, n2, p2,
                         lambda x1, x2: fisher_pvalue(x1, x1 + x2, n1 + n2 - x1 - x2, n1))


def chisq_power(n1, p1, n2, p2, correct):
    return two_binomials("chisq", n1, p1, n2, p2, lambda x1, x2: chisq_pvalue(x1, n1, x2, n2, correct))


def binomial_power(n, p, p0):
    acc = Rejection("binom")
    w = binom_pmf(n, p)
    for x in range(n + 1):
        acc.add(w[x], binom_test_pvalue(x, n, p0))
    return acc.result()


def discordant_probs(pT, pC, rho):
    """Latent bivariate normal with correlation rho, success below Phi^-1(p): P(T success, C failure),
    P(T failure, C success)."""
    p11 = bvn_cdf(stats.norm.ppf(pT), stats.norm.ppf(pC), rho)
    check = stats.multivariate_normal(mean=[0, 0], cov=[[1, rho], [rho, 1]]).cdf(
        [stats.norm.ppf(pT), stats.norm.ppf(pC)])
    assert abs(check - p11) < 1e-7, (check, p11)
    return pT - p11, pC - p11, p11


def mcnemar_power(n, pT, pC, rho, pvalue):
    p10, p01, _ = discordant_probs(pT, pC, rho)
    acc = Rejection("mcnemar")
    rest = 1 - p10 - p01
    for b in range(n + 1):
        for c in range(n - b + 1):
            logw = (special.gammaln(n + 1) - special.gammaln(b + 1) - special.gammaln(c + 1)
                    - special.gammaln(n - b - c + 1) + special.xlogy(b, p10) + special.xlogy(c, p01)
                    + special.xlogy(n - b - c, rest))
            acc.add(math.exp(logw), pvalue(b, c))
    return acc.result()


def mann_whitney_ordinal_pvalues(a, B):
    """Vector form of mann_whitney_ordinal_pvalue: x counts `a` against every row of B (NaN = undefined)."""
    a = np.asarray(a, dtype=float)[None, :]
    B = np.asarray(B, dtype=float)
    nx, ny = a.sum(), B.sum(axis=1)
    T = a + B
    if ((nx < 50) & (ny < 50) & (T <= 1).all(axis=1)).any():
        raise NotImplementedError("exact branch cannot occur for these ordinal cases")
    ranks = np.cumsum(T, axis=1) - T + (T + 1) / 2
    w = (a * ranks).sum(axis=1) - nx * (nx + 1) / 2
    z = w - nx * ny / 2
    ties = (T**3 - T).sum(axis=1)
    sigma = np.sqrt((nx * ny / 12) * ((nx + ny + 1) - ties / ((nx + ny) * (nx + ny - 1))))
    with np.errstate(divide="ignore", invalid="ignore"):
        zc = np.where(sigma > 0, (z - np.sign(z) * 0.5) / sigma, np.nan)
    return 2 * np.minimum(stats.norm.cdf(zc), stats.norm.sf(zc))


def mann_whitney_ordinal_power(n1, probs1, n2, probs2):
    k = len(probs1)
    A, B = compositions(n1, k), compositions(n2, k)
    wA, wB = multinomial_pmf(A, probs1), multinomial_pmf(B, probs2)
    acc = Rejection("mann-whitney ordinal")
    for i in range(len(A)):
        pv = mann_whitney_ordinal_pvalues(A[i], B)
        if i % 97 == 0:  # spot-check the vector form against the scalar transcription of R
            for j in range(0, len(B), 37):
                ref = mann_whitney_ordinal_pvalue(A[i], B[j])
                assert (ref is None and math.isnan(pv[j])) or abs(ref - pv[j]) < 1e-13
        acc.add_many(wA[i] * wB, pv)
    return acc.result()


def ordinal_pair_diff_probs(probsT, probsC, rho, spillover=0.0):
    """P(category_T - category_C = d), d = -K..K, for sites drawn from a latent bivariate normal with
    correlation rho, category = number of cumulative thresholds Phi^-1(c_j) below the latent value."""
    assert spillover == 0
    K = len(probsT) - 1
    cutT = [-math.inf] + [float(stats.norm.ppf(c)) for c in np.cumsum(probsT)[:-1]] + [math.inf]
    cutC = [-math.inf] + [float(stats.norm.ppf(c)) for c in np.cumsum(probsC)[:-1]] + [math.inf]
    F = [[bvn_cdf(a, b, rho) for b in cutC] for a in cutT]
    diff = np.zeros(2 * K + 1)
    for i in range(K + 1):
        for j in range(K + 1):
            cell = F[i + 1][j + 1] - F[i][j + 1] - F[i + 1][j] + F[i][j]
            diff[i - j + K] += cell
    assert abs(diff.sum() - 1) < 1e-12 and (diff > -1e-15).all()
    return np.clip(diff, 0, None)


def signed_rank_ordinal_pvalues(C):
    """Vector form of signed_rank_ordinal_pvalue over the rows of C (NaN = undefined); rows that take R's
    exact branch (no zeros, no ties, n < 50) are computed by the scalar function."""
    C = np.asarray(C, dtype=float)
    K = (C.shape[1] - 1) // 2
    n0 = C[:, K]
    pos = C[:, K + 1:]
    neg = C[:, :K][:, ::-1]
    T = pos + neg
    N = T.sum(axis=1)
    ranks = np.cumsum(T, axis=1) - T + (T + 1) / 2
    V = (pos * ranks).sum(axis=1)
    sigma2 = N * (N + 1) * (2 * N + 1) / 24 - (T**3 - T).sum(axis=1) / 48
    z = V - N * (N + 1) / 4
    with np.errstate(divide="ignore", invalid="ignore"):
        zc = np.where(sigma2 > 0, (z - np.sign(z) * 0.5) / np.sqrt(np.where(sigma2 > 0, sigma2, 1)), np.nan)
    p = 2 * np.minimum(stats.norm.cdf(zc), stats.norm.sf(zc))
    exact = (N < 50) & (n0 == 0) & (T <= 1).all(axis=1)
    for i in np.flatnonzero(exact):
        p[i] = signed_rank_ordinal_pvalue([int(v) for v in C[i]])
    return p


def signed_rank_ordinal_power(n, probsT, probsC, rho):
    probs = ordinal_pair_diff_probs(probsT, probsC, rho)
    C = compositions(n, len(probs))
    w = multinomial_pmf(C, probs)
    pv = signed_rank_ordinal_pvalues(C)
    for i in range(0, len(C), 101):  # spot-check the vector form against the scalar transcription of R
        ref = signed_rank_ordinal_pvalue([int(v) for v in C[i]])
        assert (ref is None and math.isnan(pv[i])) or abs(ref - pv[i]) < 1e-13
    acc = Rejection("signed-rank ordinal")
    acc.add_many(w, pv)
    return acc.result()


# ---------------------------------------------------------------------------
# Welch t: exact power by 2-D quadrature over the two sample variances
# ---------------------------------------------------------------------------
def welch_power(n1, n2, s1, s2, delta, alpha=ALPHA):
    """P(reject) for Welch's t-test (two-sided, Welch-Satterthwaite df, as stats::t.test(var.equal = FALSE)).
    Given U_i = (n_i - 1) S_i^2 / sigma_i^2 ~ chi-square(n_i - 1), the mean difference D ~ N(delta, sd_d^2)
    is independent of them, so P(reject | U) = P(|D| > t_{1-alpha/2}(df_W) * se) in closed form, and the
    power is E_U[P(reject | U)]: a 2-D integral over (log U1, log U2) by tensor Gauss-Legendre on
    [chi2.ppf(1e-17), chi2.isf(1e-17)] (omitted mass < 4e-17). Accuracy: 200 vs 400 nodes per axis,
    and scipy.integrate.dblquad on the untransformed integral as an independent check."""
    k1, k2 = n1 - 1, n2 - 1
    sdd = math.sqrt(s1**2 / n1 + s2**2 / n2)

    def f(u1, u2):
        v1, v2 = s1**2 * u1 / k1 / n1, s2**2 * u2 / k2 / n2
        se = np.sqrt(v1 + v2)
        df = (v1 + v2) ** 2 / (v1**2 / k1 + v2**2 / k2)
        c = stats.t.isf(alpha / 2, df) * se
        return stats.norm.sf((c - delta) / sdd) + stats.norm.cdf((-c - delta) / sdd)

    def gauss(m):
        x, w = np.polynomial.legendre.leggauss(m)

        def nodes(k):
            a, b = math.log(stats.chi2.ppf(1e-17, k)), math.log(stats.chi2.isf(1e-17, k))
            u = np.exp((a + b) / 2 + (b - a) / 2 * x)
            return u, w * (b - a) / 2 * stats.chi2.pdf(u, k) * u

        u1, w1 = nodes(k1)
        u2, w2 = nodes(k2)
        return float(w1 @ f(u1[:, None], u2[None, :]) @ w2)

    g200, g400 = gauss(200), gauss(400)
    dq, dq_err = integrate.dblquad(lambda u2, u1: f(u1, u2) * stats.chi2.pdf(u1, k1) * stats.chi2.pdf(u2, k2),
                                   0, np.inf, 0, np.inf, epsabs=1e-9, epsrel=1e-9)
    assert abs(g400 - g200) < 1e-9 and abs(g400 - dq) < 1e-8, (g200, g400, dq, dq_err)
    return g400, (f"Gauss-Legendre 400 x 400 nodes, change from 200 x 200: {abs(g400 - g200):.0e}; "
                  f"independent scipy.integrate.dblquad agrees within {abs(g400 - dq):.0e}")


# ---------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------
TCI = [0.450, 0.165, 0.204, 0.181]  # worst -> best repigmentation quartile
CONTROL_ORD = [0.70, 0.15, 0.10, 0.05]  # assumed control distribution


def case(cid, description, scen, power, source, **extra):
    print(f"  {cid:45s} {power:.6f}", flush=True)
    return {"id": cid, "description": description, "scenario": scen, "power": power, "referenceMcse": 0,
            "source": source, **extra}


def cal(cid, description, scen, size, source, conservative, **extra):
    print(f"  {cid:45s} size {size:.6f}", flush=True)
    if conservative:
        assert size <= ALPHA + 1e-12, (cid, size)
    return {"id": cid, "description": description, "scenario": scen, "size": size, "alpha": ALPHA,
            "conservative": conservative, "source": source, **extra}


def power_cases():
    out = []
    T = ["trt", "ctl"]
    W = ["treated", "control"]

    # 2. Welch t, unequal SDs and n.
    for (n, alloc, sT, sC, label) in [(50, (2, 3), 3.01, 1.97, "20 vs 30"), (25, (2, 3), 1.97, 3.01, "10 vs 15")]:
        n1, n2 = split_n(n, alloc)
        p, acc = welch_power(n1, n2, sT, sC, 3.89 - 1.44)
        out.append(case(
            f"welch-t-{n1}v{n2}", f"Welch t, means 3.89 vs 1.44, SDs {sT} vs {sC}, {label}",
            scenario(f"Welch t, {label}", parallel(n, alloc), continuous(T, [3.89, 1.44], [sT, sC]), "welch-t",
                     f"ref-welch-{n1}v{n2}"),
            p, f"2-D quadrature of the exact Welch rejection probability over both sample variances "
               f"(stats::t.test(var.equal = FALSE) rule; {acc})"))

    # 6. Fisher exact.
    for (n, alloc, pT, pC) in [(60, (1, 1), 0.895, 0.621), (40, (1, 1), 0.097, 0.40), (60, (1, 2), 0.5, 0.2)]:
        n1, n2 = split_n(n, alloc)
        out.append(case(
            f"fisher-{pT}-{pC}-{n1}v{n2}", f"Fisher exact, {pT} vs {pC}, {n1} vs {n2}",
            scenario(f"Fisher exact, {pT} vs {pC}", parallel(n, alloc), binary(T, [pT, pC]), "fisher-exact",
                     f"ref-fisher-{n1}v{n2}-{pT}"),
            fisher_power(n1, pT, n2, pC),
            "exact enumeration over both binomials of stats::fisher.test two-sided p <= 0.05"))

    # 7. Chi-square without / with continuity correction.
    for (n, pT, pC) in [(60, 0.895, 0.621), (40, 0.097, 0.40)]:
        n1, n2 = split_n(n, (1, 1))
        for cc in (False, True):
            tag = "yates" if cc else "no-correction"
            out.append(case(
                f"chi-square-{tag}-{pT}-{pC}-{n1}v{n2}",
                f"Chi-square {'with Yates correction' if cc else 'without correction'}, {pT} vs {pC}, {n1} vs {n2}",
                scenario(f"Chi-square, {pT} vs {pC}", parallel(n, (1, 1)), binary(T, [pT, pC]), "chi-square",
                         f"ref-chisq-{tag}-{n1}-{pT}", cc=cc),
                chisq_power(n1, pT, n2, pC, cc),
                f"exact enumeration over both binomials of stats::prop.test(correct = {'TRUE' if cc else 'FALSE'}) "
                "p <= 0.05 (zero margin = non-rejection)"))

    # 8. McNemar on a within-patient binary endpoint (latent bivariate normal, correlation rho).
    n, pT, pC, rho = 40, 0.6, 0.3, 0.4
    p10, p01, p11 = discordant_probs(pT, pC, rho)
    for (test, cc, pv, tag, src) in [
        ("mcnemar-exact", False, mcnemar_exact_pvalue, "exact", "stats::binom.test(b, b + c, 0.5)"),
        ("mcnemar", False, lambda b, c: mcnemar_pvalue(b, c, False), "asymptotic",
         "stats::mcnemar.test(correct = FALSE)"),
        ("mcnemar", True, lambda b, c: mcnemar_pvalue(b, c, True), "asymptotic-corrected",
         "stats::mcnemar.test(correct = TRUE)"),
    ]:
        out.append(case(
            f"mcnemar-{tag}", f"McNemar ({tag}), within-patient binary, pT = {pT}, pC = {pC}, latent rho = {rho}, "
                              f"{n} patients (P(T+, C-) = {p10:.6f}, P(T-, C+) = {p01:.6f})",
            scenario(f"McNemar {tag}", within(n, rho), binary(W, [pT, pC]), test, f"ref-mcnemar-{tag}", cc=cc),
            mcnemar_power(n, pT, pC, rho, pv),
            f"exact enumeration of the discordant counts (b, c) ~ Multinomial({n}; P(T+,C-), P(T-,C+), rest) "
            f"with P(both) = Phi2(Phi^-1(pT), Phi^-1(pC); rho), rejection by {src} p <= 0.05",
            latent={"p11": p11, "p10": p10, "p01": p01}))

    # 9. Exact binomial, single arm.
    out.append(case(
        "binomial-exact-0.35-vs-0.10", "Exact binomial, single arm, p = 0.35 vs null 0.10, n = 25",
        scenario("Exact binomial, 0.35 vs 0.10", single(25), binary(["arm"], [0.35]), "binomial-exact",
                 "ref-binomial", null=0.10),
        binomial_power(25, 0.35, 0.10), "exact enumeration of stats::binom.test(x, 25, 0.10) p <= 0.05"))

    # 10. Mann-Whitney on an ordinal endpoint.
    out.append(case(
        "mann-whitney-ordinal-15v15", "Mann-Whitney, ordinal 4 categories, TCI 45.0/16.5/20.4/18.1 % vs control "
                                      "70/15/10/5 %, 15 vs 15",
        scenario("Mann-Whitney, ordinal, 15 per arm", parallel(30, (1, 1)), ordinal(T, [TCI, CONTROL_ORD]),
                 "mann-whitney", "ref-mw-ordinal"),
        mann_whitney_ordinal_power(15, TCI, 15, CONTROL_ORD),
        "exact enumeration over both arms' multinomial category counts of stats::wilcox.test (normal "
        "approximation, tie-corrected variance, continuity correction) p <= 0.05"))

    # Extra: signed-rank on a within-patient ordinal endpoint (latent bivariate normal).
    out.append(case(
        "signed-rank-ordinal-within-20", "Wilcoxon signed-rank, within-patient ordinal, TCI vs control site "
                                         "70/15/10/5 %, latent rho = 0.5, 20 patients",
        scenario("Signed-rank, ordinal, 20 patients", within(20, 0.5), ordinal(W, [TCI, CONTROL_ORD]),
                 "wilcoxon-signed-rank", "ref-sr-ordinal"),
        signed_rank_ordinal_power(20, TCI, CONTROL_ORD, 0.5),
        "exact enumeration of the multinomial counts of the paired category differences (latent bivariate normal "
        "with correlation rho, thresholds Phi^-1 of the cumulative probabilities) of stats::wilcox.test(paired = "
        "TRUE) (zeros dropped, mid-ranks, normal approximation with correction) p <= 0.05"))
    return out


def calibration_cases():
    out = []
    T = ["trt", "ctl"]
    W = ["treated", "control"]
    t_src = "exact: the t statistic is exactly t-distributed under H0, size = alpha"
    out.append(cal("student-t-20v20", "Student t, equal arms, 20 vs 20",
                   scenario("Null: Student t", parallel(40, (1, 1)), continuous(T, [5, 5], [2, 2]), "student-t",
                            "cal-student-20v20"), ALPHA, t_src, True))
    out.append(cal("student-t-20v40", "Student t, equal arms, 20 vs 40 (1:2)",
                   scenario("Null: Student t, 1:2", parallel(60, (1, 2)), continuous(T, [0, 0], [3, 3]), "student-t",
                            "cal-student-20v40"), ALPHA, t_src, True))
    p, acc = welch_power(20, 20, 2, 2, 0)
    out.append(cal("welch-t-20v20-equal-sd", "Welch t, equal arms and SDs, 20 vs 20",
                   scenario("Null: Welch t, equal SDs", parallel(40, (1, 1)), continuous(T, [5, 5], [2, 2]), "welch-t",
                            "cal-welch-equal"), p,
                   f"2-D quadrature of the exact Welch rejection probability over both sample variances ({acc})", False))
    p, acc = welch_power(20, 30, 3.01, 1.97, 0)
    out.append(cal("welch-t-20v30-unequal-sd", "Welch t, equal means, SDs 3.01 vs 1.97, 20 vs 30 (Behrens-Fisher)",
                   scenario("Null: Welch t, unequal SDs", parallel(50, (2, 3)),
                            continuous(T, [1.44, 1.44], [3.01, 1.97]), "welch-t", "cal-welch-unequal"), p,
                   f"2-D quadrature of the exact Welch rejection probability over both sample variances ({acc})", False))
    out.append(cal("paired-t-15", "Paired t, within-patient, equal sites, rho = 0.5, 15 patients",
                   scenario("Null: paired t", within(15, 0.5), continuous(W, [3, 3], [1.5, 1.5]), "paired-t",
                            "cal-paired-15"), ALPHA, t_src, True))
    out.append(cal("paired-t-15-spillover", "Paired t, equal sites, rho = 0.2, spill-over 0.3 (of a zero effect), "
                                            "15 patients",
                   scenario("Null: paired t with spill-over", within(15, 0.2, 0.3),
                            continuous(W, [3, 3], [1.5, 1.5]), "paired-t", "cal-paired-15-spill"), ALPHA, t_src, True))
    out.append(cal("one-sample-t-20", "One-sample t, mean = null = 2, n = 20",
                   scenario("Null: one-sample t", single(20), continuous(["arm"], [2], [1.3]), "one-sample-t",
                            "cal-one-sample", null=2), ALPHA, t_src, True))

    for (n, alloc, p) in [(40, (1, 1), 0.3), (45, (1, 2), 0.5)]:
        n1, n2 = split_n(n, alloc)
        out.append(cal(f"fisher-{n1}v{n2}-p{p}", f"Fisher exact, both arms p = {p}, {n1} vs {n2}",
                       scenario("Null: Fisher exact", parallel(n, alloc), binary(T, [p, p]), "fisher-exact",
                                f"cal-fisher-{n1}v{n2}"), fisher_power(n1, p, n2, p),
                       "exact enumeration over both binomials of stats::fisher.test p <= 0.05", True))
    for (n, p) in [(60, 0.4), (20, 0.2)]:
        n1, n2 = split_n(n, (1, 1))
        for cc in (False, True):
            tag = "yates" if cc else "no-correction"
            out.append(cal(f"chi-square-{tag}-{n1}v{n2}-p{p}",
                           f"Chi-square {'with' if cc else 'without'} correction, both arms p = {p}, {n1} vs {n2}",
                           scenario("Null: chi-square", parallel(n, (1, 1)), binary(T, [p, p]), "chi-square",
                                    f"cal-chisq-{tag}-{n1}", cc=cc), chisq_power(n1, p, n2, p, cc),
                           f"exact enumeration of stats::prop.test(correct = {'TRUE' if cc else 'FALSE'}) p <= 0.05 "
                           "(zero margin = non-rejection)", False))
    n, p, rho = 40, 0.5, 0.3
    for (test, cc, pv, tag, src, cons) in [
        ("mcnemar-exact", False, mcnemar_exact_pvalue, "exact", "stats::binom.test(b, b + c, 0.5)", True),
        ("mcnemar", False, lambda b, c: mcnemar_pvalue(b, c, False), "asymptotic",
         "stats::mcnemar.test(correct = FALSE)", False),
        ("mcnemar", True, lambda b, c: mcnemar_pvalue(b, c, True), "asymptotic-corrected",
         "stats::mcnemar.test(correct = TRUE)", False),
    ]:
        out.append(cal(f"mcnemar-{tag}-40", f"McNemar ({tag}), pT = pC = {p}, latent rho = {rho}, {n} patients",
                       scenario(f"Null: McNemar {tag}", within(n, rho), binary(W, [p, p]), test, f"cal-mcnemar-{tag}",
                                cc=cc), mcnemar_power(n, p, p, rho, pv),
                       f"exact enumeration of (b, c) of {src} p <= 0.05", cons))
    out.append(cal("binomial-exact-25", "Exact binomial, p = null = 0.10, n = 25",
                   scenario("Null: exact binomial", single(25), binary(["arm"], [0.10]), "binomial-exact",
                            "cal-binomial", null=0.10), binomial_power(25, 0.10, 0.10),
                   "exact enumeration of stats::binom.test(x, 25, 0.10) p <= 0.05", True))
    out.append(cal("mann-whitney-ordinal-15v15", "Mann-Whitney, ordinal, both arms TCI 45.0/16.5/20.4/18.1 %, 15 vs 15",
                   scenario("Null: Mann-Whitney, ordinal", parallel(30, (1, 1)), ordinal(T, [TCI, TCI]),
                            "mann-whitney", "cal-mw-ordinal"), mann_whitney_ordinal_power(15, TCI, 15, TCI),
                   "exact enumeration of stats::wilcox.test (normal approximation with ties and correction) p <= 0.05",
                   False))
    out.append(cal("signed-rank-ordinal-within-20", "Signed-rank, within-patient ordinal, both sites TCI, rho = 0.5, "
                                                     "20 patients",
                   scenario("Null: signed-rank, ordinal", within(20, 0.5), ordinal(W, [TCI, TCI]),
                            "wilcoxon-signed-rank", "cal-sr-ordinal"), signed_rank_ordinal_power(20, TCI, TCI, 0.5),
                   "exact enumeration of stats::wilcox.test(paired = TRUE) (zeros dropped, ties, correction) p <= 0.05",
                   False))
    return out


def self_check():
    """Spot checks of the p-value rules against scipy's own implementations."""
    for (x1, n1, x2, n2) in [(3, 20, 9, 20), (27, 30, 19, 30), (0, 10, 4, 10), (10, 20, 10, 20), (5, 15, 17, 30)]:
        t = [[x1, n1 - x1], [x2, n2 - x2]]
        ours = fisher_pvalue(x1, x1 + x2, n1 + n2 - x1 - x2, n1)
        assert abs(ours - stats.fisher_exact(t)[1]) < 1e-9, (t, ours)
        for cc in (False, True):
            assert abs(chisq_pvalue(x1, n1, x2, n2, cc) - stats.chi2_contingency(t, correction=cc)[1]) < 1e-12
    for (x, n, p0) in [(6, 25, 0.1), (0, 25, 0.1), (1, 25, 0.1), (13, 25, 0.35), (3, 7, 0.5)]:
        assert abs(binom_test_pvalue(x, n, p0) - stats.binomtest(x, n, p0).pvalue) < 1e-12
    # Mann-Whitney on ordinal counts against scipy (which uses the same tie and continuity corrections).
    a, b = [5, 4, 3, 3], [9, 3, 2, 1]
    x = np.repeat(np.arange(4), a)
    y = np.repeat(np.arange(4), b)
    ref = stats.mannwhitneyu(x, y, use_continuity=True, alternative="two-sided", method="asymptotic").pvalue
    assert abs(mann_whitney_ordinal_pvalue(a, b) - ref) < 1e-12
    # Signed-rank with zeros and ties: scipy's "wilcox" zero_method with correction matches R.
    counts = [1, 2, 3, 4, 5, 3, 2]  # differences -3..3
    d = np.repeat(np.arange(-3, 4), counts)
    ref = stats.wilcoxon(d, zero_method="wilcox", correction=True, method="approx").pvalue
    assert abs(signed_rank_ordinal_pvalue(counts) - ref) < 1e-12


def main():
    print(f"{TOOL}, numpy {np.__version__}", file=sys.stderr)
    OUT.mkdir(parents=True, exist_ok=True)
    self_check()
    t0 = time.time()
    write_fixture(
        "power-exact.json",
        "Exact power without simulation: enumeration of every possible trial outcome (two binomials, the "
        "multinomial discordant counts, the multinomial category counts) weighted by its probability, with each "
        "test's p-value computed exactly as R 4.2 does (p <= alpha rejects, undefined tests do not); Welch t by "
        "2-D quadrature over both sample variances.",
        power_cases())
    write_fixture(
        "calibration.json",
        "Exact size (rejection rate with equal arms) of each test for the stated null parameters: enumeration "
        "exactly as for power-exact.json; t tests have size alpha by construction; Welch t by quadrature. "
        "'conservative' marks tests whose size cannot exceed alpha.",
        calibration_cases())
    print(f"done in {time.time() - t0:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
