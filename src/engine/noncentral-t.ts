import gammaln from '@stdlib/math-base-special-gammaln';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

/** Absolute error target of the quadrature. */
const TOLERANCE = 1e-11;
const MAX_DEPTH = 40;

/**
 * Adaptive Simpson quadrature of `f` over [a, b] to an absolute error of about
 * `tolerance` (Richardson-corrected, recursion capped at MAX_DEPTH).
 */
function adaptiveSimpson(f: (x: number) => number, a: number, b: number, tolerance: number): number {
  const fa = f(a);
  const fb = f(b);
  const m = (a + b) / 2;
  const fm = f(m);
  const whole = ((b - a) / 6) * (fa + 4 * fm + fb);
  const recurse = (a: number, b: number, fa: number, fm: number, fb: number, whole: number, tol: number, depth: number): number => {
    const m = (a + b) / 2;
    const lm = (a + m) / 2;
    const rm = (m + b) / 2;
    const flm = f(lm);
    const frm = f(rm);
    const left = ((m - a) / 6) * (fa + 4 * flm + fm);
    const right = ((b - m) / 6) * (fm + 4 * frm + fb);
    const delta = left + right - whole;
    if (depth >= MAX_DEPTH || Math.abs(delta) <= 15 * tol) return left + right + delta / 15;
    return recurse(a, m, fa, flm, fm, left, tol / 2, depth + 1) + recurse(m, b, fm, frm, fb, right, tol / 2, depth + 1);
  };
  return recurse(a, b, fa, fm, fb, whole, tolerance, 0);
}

/**
 * Density of S = √(V/df), V chi-square(df): f(s) = 2·df·s · f_χ²(df·s²), in logs
 * (stdlib's `gammaln`) so that large df neither overflow nor lose precision.
 */
function chiScaleDensity(s: number, df: number, logNormaliser: number): number {
  if (s <= 0) return df === 1 ? Math.exp(logNormaliser + Math.log(2)) : 0;
  const v = df * s * s;
  return Math.exp(Math.log(2 * df * s) + (df / 2 - 1) * Math.log(v) - v / 2 + logNormaliser);
}

/**
 * P(T > c) for T noncentral t with `df` degrees of freedom and noncentrality
 * `ncp`, c ≥ 0. T = (Z + ncp)/S with Z standard normal and S = √(V/df), V
 * chi-square(df), independent, so
 *
 *   P(T > c) = ∫₀^∞ f_S(s) · Φ(ncp − c·s) ds,
 *
 * integrated numerically (adaptive Simpson on panels around the bulk of S and
 * the step of Φ, absolute error about 1e-10): the normal CDF is stdlib's, the
 * density of S is written with stdlib's `gammaln`. (Integrating the other way,
 * over z with the chi-square CDF, would be simpler, but stdlib's incomplete
 * gamma function loses accuracy near its median for shapes above about 1000, i.e.
 * df ≳ 2000.) There is no noncentral t in stdlib; this plays the role of R's
 * `pt(c, df, ncp, lower.tail = FALSE)` and is tested against it.
 */
export function noncentralTUpper(c: number, df: number, ncp: number): number {
  // Below 1 df the density of S has a pole at 0 that the quadrature cannot
  // integrate: NaN (no value) rather than a wrong one. Callers get df ≥ 1
  // except for the fractional completers of a tiny n with dropout.
  if (!(c >= 0) || !(df >= 1) || !Number.isFinite(ncp)) return NaN;
  if (c === 0) return normalCdf(ncp, 0, 1);
  const logNormaliser = -(df / 2) * Math.LN2 - gammaln(df / 2);
  const integrand = (s: number) => chiScaleDensity(s, df, logNormaliser) * normalCdf(ncp - c * s, 0, 1);
  // S has mean ≈ 1 and SD ≈ 1/√(2·df); its right tail for small df reaches far (df = 1: S = |Z|).
  const sd = Math.sqrt(1 / (2 * df));
  const top = 1 + 14 * sd + 12 / df;
  const cuts = [0, 1 - 8 * sd, 1 - 4 * sd, 1 - 2 * sd, 1 - sd, 1, 1 + sd, 1 + 2 * sd, 1 + 4 * sd, 1 + 8 * sd, top, ncp / c]
    .filter((x) => x > 0 && x < top)
    .concat([0, top])
    .sort((a, b) => a - b)
    .filter((x, i, xs) => i === 0 || x > xs[i - 1]);
  let total = 0;
  for (let i = 1; i < cuts.length; i++) total += adaptiveSimpson(integrand, cuts[i - 1], cuts[i], TOLERANCE);
  return Math.min(1, Math.max(0, total));
}

/** P(T < −c) for c ≥ 0: the upper tail of the mirrored variable −T, noncentral t with −ncp. */
export function noncentralTLower(c: number, df: number, ncp: number): number {
  return noncentralTUpper(c, df, -ncp);
}

/**
 * Power of a t-test whose statistic is noncentral t(df, ncp) under the
 * alternative: P(T > crit) one-sided (ncp signed in the direction of benefit),
 * P(T > crit) + P(T < −crit) two-sided, as `pwr::pwr.t.test` with
 * `strict = TRUE`. `crit` is the critical value t(1 − α/sides, df).
 */
export function noncentralTPower(crit: number, df: number, ncp: number, sides: 1 | 2): number {
  const upper = noncentralTUpper(crit, df, ncp);
  return sides === 1 ? upper : Math.min(1, upper + noncentralTLower(crit, df, ncp));
}
