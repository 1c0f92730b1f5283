import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { ResolvedScenario } from '../scenario/types.js';
import { centreOf } from '../scenario/param-centre.js';
import { allocateParameters, fillParameters, hasUncertainParameters } from './parameters.js';
import { noncentralTPower } from './noncentral-t.js';

/**
 * A textbook power formula for a scenario, used beside the simulation as a
 * cross-check and as the starting point of the searches. It describes the
 * analysed patients: dropout is not part of it.
 */
export interface ClosedForm {
  /** How the power is computed, e.g. `noncentral t (as pwr::pwr.t.test)`. */
  method: string;
  /**
   * Power with `sizes` analysed patients: per arm in design order for parallel
   * designs, `[n]` for within-patient and single-arm designs. Sizes may be
   * fractional (expected completers).
   */
  power(sizes: readonly number[]): number;
}

/** Direction of benefit as a sign: +1 when higher is better. */
const signOf = (better: 'higher' | 'lower') => (better === 'higher' ? 1 : -1);

/**
 * The closed form that fits a scenario, or undefined: two-arm parallel
 * continuous (Student: noncentral t; Welch: noncentral t with the
 * Welch–Satterthwaite df, an approximation), paired t (within-patient,
 * continuous), one-sample t (single arm, continuous), and two proportions
 * (chi-square, Fisher: Fleiss's normal approximation with or without
 * continuity correction). Uncertain parameters enter at their centres (and the
 * method says so). More than two arms, rank tests, McNemar, the exact binomial
 * test and ordinal endpoints have none here.
 */
export function closedFormFor(scenario: ResolvedScenario): ClosedForm | undefined {
  const { design, endpoint, analysis } = scenario;
  const params = allocateParameters(design.arms.length, endpoint.kind === 'ordinal' ? endpoint.categories.length : 2);
  fillParameters(scenario, params, centreOf);
  const { alpha, sides } = analysis;
  const direction = signOf(endpoint.better);
  const atCentres = hasUncertainParameters(scenario) ? ', at the parameters\u2019 centres' : '';
  const tPower = (df: number, ncp: number) => {
    if (!(df > 0)) return 0;
    return noncentralTPower(tQuantile(1 - alpha / sides, df), df, ncp, sides);
  };

  if (design.kind === 'parallel' && design.arms.length === 2 && endpoint.kind === 'continuous') {
    const c = design.arms.findIndex((a) => a.control);
    const t = 1 - c;
    const delta = direction * (params.mean[t] - params.mean[c]);
    const [st, sc] = [params.sd[t], params.sd[c]];
    if (analysis.test === 'student-t') {
      const equal = Math.abs(st - sc) <= 1e-12 * Math.max(st, sc);
      return {
        method:
          (equal ? 'noncentral t (as pwr::pwr.t2n.test)' : 'noncentral t with the pooled SD (approximation: the SDs differ)') + atCentres,
        power: (sizes) => {
          const [nt, nc] = [sizes[t], sizes[c]];
          const df = nt + nc - 2;
          const pooled = Math.sqrt(((nt - 1) * st * st + (nc - 1) * sc * sc) / df);
          return tPower(df, delta / (pooled * Math.sqrt(1 / nt + 1 / nc)));
        },
      };
    }
    if (analysis.test === 'welch-t') {
      return {
        method: `noncentral t with Welch\u2013Satterthwaite df (approximation)${atCentres}`,
        power: (sizes) => {
          const vt = (st * st) / sizes[t];
          const vc = (sc * sc) / sizes[c];
          const df = (vt + vc) ** 2 / ((vt * vt) / (sizes[t] - 1) + (vc * vc) / (sizes[c] - 1));
          return tPower(df, delta / Math.sqrt(vt + vc));
        },
      };
    }
    return undefined;
  }

  if (design.kind === 'within-patient' && endpoint.kind === 'continuous' && analysis.test === 'paired-t') {
    // Spill-over is already applied to the control site's mean in `params`.
    const delta = direction * (params.mean[0] - params.mean[1]);
    const [s1, s2] = [params.sd[0], params.sd[1]];
    const sdDifference = Math.sqrt(s1 * s1 + s2 * s2 - 2 * params.correlation * s1 * s2);
    return {
      method: `noncentral t of the paired differences (as pwr::pwr.t.test, type = "paired")${atCentres}`,
      power: ([n]) => tPower(n - 1, (delta * Math.sqrt(n)) / sdDifference),
    };
  }

  if (design.kind === 'single-arm' && endpoint.kind === 'continuous' && analysis.test === 'one-sample-t') {
    const delta = direction * (params.mean[0] - analysis.null);
    const sd = params.sd[0];
    return {
      method: `noncentral t (as pwr::pwr.t.test, type = "one.sample")${atCentres}`,
      power: ([n]) => tPower(n - 1, (delta * Math.sqrt(n)) / sd),
    };
  }

  if (
    design.kind === 'parallel' &&
    design.arms.length === 2 &&
    endpoint.kind === 'binary' &&
    (analysis.test === 'chi-square' || analysis.test === 'fisher-exact')
  ) {
    const c = design.arms.findIndex((a) => a.control);
    const t = 1 - c;
    const corrected = analysis.test === 'fisher-exact' || analysis.continuityCorrection;
    const method = corrected
      ? `normal approximation with continuity correction (Fleiss, Levin & Paik 2003)${analysis.test === 'fisher-exact' ? ', an approximation to Fisher\u2019s exact test' : ''}`
      : 'normal approximation without continuity correction (Fleiss; as stats::power.prop.test)';
    const [pt, pc] = [params.p[t], params.p[c]];
    return {
      method: method + atCentres,
      power: (sizes) => twoProportionPower(pt, pc, sizes[t], sizes[c], alpha, sides, direction, corrected),
    };
  }
  return undefined;
}

/**
 * Power of the two-proportion z-test (Fleiss, Levin & Paik 2003, §4.2) with
 * n₁ treated and n₂ = r·n₁ control patients:
 *
 *   z_β = (δ·√n₁ − z_{α/sides}·√(p̄q̄(1 + 1/r))) / √(p₁q₁ + p₂q₂/r),  p̄ = (p₁ + r·p₂)/(1 + r),
 *
 * δ = p₁ − p₂ signed in the direction of benefit (two-sided: |δ|). With the
 * continuity correction, n₁ is first mapped to the uncorrected size m whose
 * Fleiss-corrected size (m/4)(1 + √(1 + 2(r + 1)/(r·m·|δ|)))² equals n₁.
 */
export function twoProportionPower(
  p1: number,
  p2: number,
  n1: number,
  n2: number,
  alpha: number,
  sides: 1 | 2,
  direction: number,
  corrected: boolean,
): number {
  const delta = sides === 2 ? Math.abs(p1 - p2) : direction * (p1 - p2);
  if (!(n1 > 0 && n2 > 0)) return 0;
  if (delta === 0) return alpha;
  const r = n2 / n1;
  const m = corrected ? uncorrectedSize(n1, r, Math.abs(delta)) : n1;
  const pBar = (p1 + r * p2) / (1 + r);
  const za = normalQuantile(1 - alpha / sides, 0, 1);
  const zb = (delta * Math.sqrt(m) - za * Math.sqrt(pBar * (1 - pBar) * (1 + 1 / r))) / Math.sqrt(p1 * (1 - p1) + (p2 * (1 - p2)) / r);
  return normalCdf(zb, 0, 1);
}

/** Fleiss's continuity-corrected size of arm 1 for an uncorrected size m. */
export function fleissCorrected(m: number, r: number, delta: number): number {
  return (m / 4) * (1 + Math.sqrt(1 + (2 * (r + 1)) / (r * m * delta))) ** 2;
}

/** The uncorrected size m whose Fleiss-corrected size is `n1` (0 when even m → 0 needs more). */
function uncorrectedSize(n1: number, r: number, delta: number): number {
  // fleissCorrected grows with m and exceeds m + (r + 1)/(r·δ); bisect on [0, n1].
  let lo = 0;
  let hi = n1;
  if (fleissCorrected(1e-12, r, delta) >= n1) return 0;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * n1; i++) {
    const mid = (lo + hi) / 2;
    if (fleissCorrected(mid, r, delta) < n1) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
