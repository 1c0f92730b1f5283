import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';

/** Options of `betaFromCI`. */
export interface BetaFromCIOptions {
  /**
   * Smallest shape parameter allowed (default 1): with α, β ≥ 1 the beta has
   * no infinite density at 0 or 1, which is what a prior read off a CI is meant
   * to be. Pass a smaller value (> 0) to allow J- or U-shaped fits.
   */
  minShape?: number;
}

/** A beta distribution fitted to an estimate and its interval. */
export interface BetaFit {
  alpha: number;
  beta: number;
  /** Concentration α + β. */
  kappa: number;
  /** The fitted beta's central interval at the requested level. */
  fitted: { lower: number; upper: number };
  /**
   * How far the fitted interval is from the given one: the larger absolute
   * difference of the two limits, on the proportion scale. Near 0 when the CI
   * is consistent with a beta of that mean; e.g. > 0.01 means it is not (an
   * asymmetric or misprinted CI, or a symmetric Wald CI near 0 or 1).
   */
  mismatch: number;
}

/** Grid points over log κ before the local refinement. */
const GRID = 200;
/** Smallest and largest concentration searched. */
const KAPPA_MIN = 1e-2;
const KAPPA_MAX = 1e9;
/** Golden-section tolerance on log κ. */
const TOL = 1e-10;

/**
 * A beta distribution whose mean is `estimate` and whose central `level`
 * interval best matches [lower, upper], for a proportion reported with a CI.
 *
 * With the mean fixed, α = m·κ and β = (1 − m)·κ; the concentration κ
 * minimises the squared error of the two quantiles, (q_lo − lower)² +
 * (q_hi − upper)², on the proportion scale: a grid over log κ, then
 * golden-section search between the grid neighbours of the best point (the
 * error can have more than one local minimum). Quantiles come from
 * `@stdlib/stats-base-dists-beta-quantile`.
 *
 * A CI that no beta with this mean matches (e.g. 81.5 % (10.3–92.7 %), or the
 * symmetric Wald CI of a meta-analysis close to 0 or 1) still gets the best
 * fit, and `mismatch` says how far off it is; check it before using the fit.
 * A limit printed as exactly 0 or 1 (a CI truncated at the boundary) is fitted
 * like any other: the fitted quantile cannot reach it, which adds to `mismatch`.
 *
 * @param estimate - the proportion, in (0, 1) (not %)
 * @param lower - lower limit, in [0, 1)
 * @param upper - upper limit, in (lower, 1]
 * @param level - confidence level in (0, 1), default 0.95
 * @throws RangeError for values outside those ranges
 */
export function betaFromCI(estimate: number, lower: number, upper: number, level = 0.95, options: BetaFromCIOptions = {}): BetaFit {
  if (!(estimate > 0 && estimate < 1)) throw new RangeError(`betaFromCI: estimate must be a proportion in (0, 1), not %, got ${estimate}`);
  if (!(lower >= 0 && upper <= 1 && lower < upper)) {
    throw new RangeError(`betaFromCI: need 0 ≤ lower < upper ≤ 1 (proportions, not %), got ${lower} to ${upper}`);
  }
  if (!(level > 0 && level < 1)) throw new RangeError(`betaFromCI: level must be in (0, 1), got ${level}`);
  const minShape = options.minShape ?? 1;
  if (!(minShape > 0 && Number.isFinite(minShape))) throw new RangeError(`betaFromCI: minShape must be > 0, got ${minShape}`);

  const m = estimate;
  const pLo = (1 - level) / 2;
  const pHi = 1 - pLo;
  const quantiles = (kappa: number): [number, number] => [
    betaQuantile(pLo, m * kappa, (1 - m) * kappa),
    betaQuantile(pHi, m * kappa, (1 - m) * kappa),
  ];
  const loss = (logKappa: number): number => {
    const [qLo, qHi] = quantiles(Math.exp(logKappa));
    const e = (qLo - lower) ** 2 + (qHi - upper) ** 2;
    return Number.isNaN(e) ? Infinity : e;
  };

  const kLo = Math.max(KAPPA_MIN, minShape / Math.min(m, 1 - m));
  const kHi = Math.max(KAPPA_MAX, kLo * 1e3);
  const a = Math.log(kLo);
  const step = (Math.log(kHi) - a) / (GRID - 1);
  let best = 0;
  let bestLoss = Infinity;
  for (let i = 0; i < GRID; i++) {
    const l = loss(a + i * step);
    if (l < bestLoss) {
      bestLoss = l;
      best = i;
    }
  }
  const logKappa = goldenSection(loss, a + Math.max(0, best - 1) * step, a + Math.min(GRID - 1, best + 1) * step);
  const kappa = Math.exp(logKappa);
  const [qLo, qHi] = quantiles(kappa);
  return {
    alpha: m * kappa,
    beta: (1 - m) * kappa,
    kappa,
    fitted: { lower: qLo, upper: qHi },
    mismatch: Math.max(Math.abs(qLo - lower), Math.abs(qHi - upper)),
  };
}

/** Minimum of `f` on [a, b] by golden-section search (f unimodal there). */
function goldenSection(f: (x: number) => number, a: number, b: number): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let c = b - r * (b - a);
  let d = a + r * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > TOL) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - r * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + r * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}
