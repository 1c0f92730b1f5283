#!/usr/bin/python3
"""Exact power of Fisher's exact test by enumeration, over the sample size, for trialsim's sample-size search.

Writes test/fixtures/size/fisher-exact.json: for response rates 0.895 (treatment) vs 0.621 (control), 1:1,
two-sided alpha = 0.05, the exact power at every n per arm from 10 to 100, and the smallest n per arm whose
exact power reaches 0.8 and 0.9.

Run with Debian's interpreter (numpy + scipy from Debian packages), from the repository root:

  /usr/bin/python3 scripts/reference/size-fisher-exact.py

Power = sum over every outcome (x1, x2) of Binom(n, 0.895)(x1) * Binom(n, 0.621)(x2) * [p <= alpha], where p is
stats::fisher.test's two-sided p-value of the 2x2 table, computed exactly as R 4.2 does: the conditional
hypergeometric probabilities of the tables with the observed margins, summed over the tables whose probability
is <= that of the observed table times (1 + 1e-7). Here the probabilities are exact integers (binomial
coefficients) and the comparison is done in integer arithmetic, so no rounding enters before the final sum.
Tables with a zero margin give p = 1 (no rejection), as in R. Deterministic; takes a few seconds.
"""
from __future__ import annotations

import bisect
import json
import math
import platform
import sys
from fractions import Fraction
from pathlib import Path

import numpy as np
import scipy
from scipy import stats

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "test" / "fixtures" / "size" / "fisher-exact.json"
SCRIPT = "scripts/reference/size-fisher-exact.py"
ALPHA = Fraction(5, 100)
P_TREATED, P_CONTROL = 0.895, 0.621
N_RANGE = range(10, 101)
TARGETS = (0.8, 0.9)
TIE_EPS = 1e-9


def margin_pvalues(n1: int, n2: int, m: int) -> dict[int, Fraction]:
    """Two-sided fisher.test p-value of every table with column total m (successes), rows n1 and n2."""
    lo, hi = max(0, m - n2), min(n1, m)
    d = {x: math.comb(n1, x) * math.comb(n2, m - x) for x in range(lo, hi + 1)}
    total = sum(d.values())
    ordered = sorted(d.values())
    prefix = [0]
    for v in ordered:
        prefix.append(prefix[-1] + v)
    out = {}
    for x, dx in d.items():
        # d_y <= d_x * (1 + 1e-7)  <=>  d_y * 10^7 <= d_x * (10^7 + 1), in integers; count those d_y.
        k = bisect.bisect_right(ordered, dx * (10**7 + 1) // 10**7)
        while k < len(ordered) and ordered[k] * 10**7 <= dx * (10**7 + 1):
            k += 1
        while k > 0 and ordered[k - 1] * 10**7 > dx * (10**7 + 1):
            k -= 1
        out[x] = min(Fraction(1), Fraction(prefix[k], total))
    return out


def fisher_power(n1: int, n2: int) -> float:
    w1 = stats.binom.pmf(np.arange(n1 + 1), n1, P_TREATED)
    w2 = stats.binom.pmf(np.arange(n2 + 1), n2, P_CONTROL)
    power = 0.0
    for m in range(n1 + n2 + 1):
        pv = margin_pvalues(n1, n2, m)
        for x1, p in pv.items():
            x2 = m - x1
            if abs(float(p - ALPHA)) < TIE_EPS and w1[x1] * w2[x2] > 1e-12:
                raise RuntimeError(f"p-value within {TIE_EPS} of alpha at n = {n1}, x = ({x1}, {x2})")
            if p <= ALPHA:
                power += w1[x1] * w2[x2]
    return float(power)


def to_json(x, indent=0):
    pad, end = "  " * (indent + 1), "  " * indent
    if isinstance(x, dict):
        items = [f"{json.dumps(k)}: {to_json(v, indent + 1)}" for k, v in x.items()]
        if all("\n" not in i for i in items) and sum(map(len, items)) < 90:
            return "{ " + ", ".join(items) + " }"
        return "{\n" + pad + (",\n" + pad).join(items) + "\n" + end + "}"
    if isinstance(x, list):
        items = [to_json(v, indent + 1) for v in x]
        if all("\n" not in i for i in items) and sum(map(len, items)) < 90:
            return "[" + ", ".join(items) + "]"
        return "[\n" + pad + (",\n" + pad).join(items) + "\n" + end + "]"
    if isinstance(x, float):
        return repr(x)
    return json.dumps(x)


def main():
    tool = f"scipy {scipy.__version__} / numpy {np.__version__} / Python {platform.python_version()}"
    print(tool, file=sys.stderr)
    curve = [{"n": n, "power": fisher_power(n, n)} for n in N_RANGE]
    smallest = []
    for target in TARGETS:
        first = next(c["n"] for c in curve if c["power"] >= target)
        # Exact power is not monotone in n (the test is discrete): also the n from which it stays above.
        stays = next(c["n"] for i, c in enumerate(curve) if all(d["power"] >= target for d in curve[i:]))
        smallest.append({"target": target, "n": first, "nFromWhichAlwaysReached": stays})
    fixture = {
        "generator": {
            "tool": tool,
            "script": SCRIPT,
            "method": "Exact power of stats::fisher.test (two-sided, p <= 0.05 rejects) by enumeration of both "
                      "binomial outcomes, p-values in exact integer arithmetic with R's relative tolerance 1 + 1e-7.",
        },
        "pTreated": P_TREATED,
        "pControl": P_CONTROL,
        "alpha": 0.05,
        "allocation": [1, 1],
        "smallest": smallest,
        "curve": curve,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(to_json(fixture) + "\n")
    print(f"wrote {OUT.relative_to(REPO)}", file=sys.stderr)


if __name__ == "__main__":
    main()
