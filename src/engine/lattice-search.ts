import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { PointResult } from './point-result.js';

/**
 * Finding the smallest whole number k at which a simulated power reaches a
 * target: the sample-size multiplier of `trialsim size`, or the effect in
 * resolution steps of `trialsim mde`.
 *
 * Every evaluation uses common random numbers (the same chunk streams at every
 * k), so the estimated power is nearly monotone in k and a bracket followed by
 * bisection finds the crossing reliably. Steps are guided by a probit model,
 * power ≈ Φ(a·x(k) − b), with x(k) = √k for sample sizes (the noncentrality of
 * most tests grows with √n) and x(k) = k for effects; b = z(1 − α/sides) pins
 * the model at "no signal". The model only proposes where to look; bracketing
 * and bisection make the answer, so a poor model costs evaluations, never
 * correctness. Steps towards the bracket at least double when they keep falling
 * short, and an interpolation that fails to halve the bracket is followed by a
 * plain bisection, so the cost stays logarithmic even when the model is wrong.
 */
export interface LatticeSearchOptions {
  /** Power to reach, in (0, 1). */
  target: number;
  /** First guess of the answer (a closed form where one exists). */
  start: number;
  /** Smallest and largest k allowed. */
  min: number;
  max: number;
  /** The scale on which the probit of the power is roughly linear. */
  scale: 'sqrt' | 'linear';
  /** z(1 − α/sides): the model's power at x = 0 is Φ(−b). */
  nullZ: number;
  /** Simulates the given k (several at once, e.g. through the worker pool), results in order. */
  evaluate(ks: readonly number[]): Promise<PointResult[]>;
  /** Most evaluations before giving up with the best bracket found (default 40). */
  maxEvaluations?: number;
}

/** One evaluated k. */
export interface LatticeEvaluation {
  k: number;
  result: PointResult;
}

/** The outcome of a search. */
export interface LatticeSearchResult {
  /** Smallest k found whose power reaches the target while k − 1 (if evaluated and ≥ min) does not; undefined when not reached by `max`. */
  k: number | undefined;
  /** Every evaluated k, in the order evaluated. */
  evaluations: LatticeEvaluation[];
  /** Rounds of (batched) evaluation. */
  rounds: number;
  /** False when `maxEvaluations` ran out before the bracket closed (then `k` is the upper end of the best bracket). */
  converged: boolean;
}

/** Evaluations before a search stops without converging. */
export const DEFAULT_MAX_EVALUATIONS = 40;

/** Probit of a power estimate, kept finite: p̂ is clamped half a replicate away from 0 and 1. */
function probit(result: PointResult): number {
  const floor = 0.5 / Math.max(1, result.replicates);
  return normalQuantile(Math.min(1 - floor, Math.max(floor, result.power)), 0, 1);
}

/**
 * Searches the lattice min … max for the smallest k whose simulated power
 * reaches `target` (see the module comment). Rounds evaluate one to three new
 * points: the start and the point below it first; then model-guided steps
 * outwards until the target is bracketed (growing at least geometrically), then
 * interpolated bisection inside the bracket, evaluating every remaining point at
 * once when two or fewer are left.
 */
export async function searchLattice(options: LatticeSearchOptions): Promise<LatticeSearchResult> {
  const { target, min, max, nullZ } = options;
  const maxEvaluations = options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
  const x = options.scale === 'sqrt' ? Math.sqrt : (k: number) => k;
  const xInverse = options.scale === 'sqrt' ? (v: number) => v * v : (v: number) => v;
  const zTarget = normalQuantile(target, 0, 1);
  const seen = new Map<number, PointResult>();
  const evaluations: LatticeEvaluation[] = [];
  let rounds = 0;
  let lastWidth = Infinity;

  const evaluate = async (ks: number[]) => {
    const fresh = [...new Set(ks)].filter((k) => k >= min && k <= max && !seen.has(k)).sort((a, b) => a - b);
    if (fresh.length === 0) return;
    rounds++;
    const results = await options.evaluate(fresh);
    fresh.forEach((k, i) => {
      seen.set(k, results[i]);
      evaluations.push({ k, result: results[i] });
    });
  };
  const reaches = (k: number) => seen.get(k)!.power >= target;
  /** hi: the smallest evaluated k that reaches the target; lo: the largest evaluated k below hi that does not. */
  const bracket = () => {
    const ks = [...seen.keys()].sort((a, b) => a - b);
    const hi = ks.find(reaches);
    const below = ks.filter((k) => (hi === undefined || k < hi) && !reaches(k));
    return { hi, lo: below.length > 0 ? below[below.length - 1] : undefined };
  };
  /** Where the one-parameter model through (x(k), probit p̂) puts the target, or undefined without signal. */
  const modelPrediction = (k: number) => {
    const z = probit(seen.get(k)!);
    if (z + nullZ <= 0.05) return undefined;
    const slope = (z + nullZ) / x(k);
    return xInverse((zTarget + nullZ) / slope);
  };

  const start = Math.min(max, Math.max(min, Math.round(options.start)));
  await evaluate([start - 1, start]);
  // Unbracketed steps that fall short again at least double (the model can be too timid, e.g. for assurance that plateaus).
  let lastStep = 0;
  let lastDirection: 'up' | 'down' | undefined;

  while (evaluations.length < maxEvaluations) {
    const { lo, hi } = bracket();
    if (hi !== undefined && (hi === min || (lo !== undefined && hi - lo === 1))) {
      return { k: hi, evaluations, rounds, converged: true };
    }
    if (hi === undefined && lo === max) return { k: undefined, evaluations, rounds, converged: true };
    let next: number[];
    if (hi !== undefined && lo !== undefined) lastDirection = undefined;
    if (hi === undefined) {
      // Everything evaluated falls short: step up from the largest k.
      const from = lo!;
      const predicted = modelPrediction(from);
      const aim = predicted === undefined ? 2 * from : predicted * 1.03 + 1;
      const least = lastDirection === 'up' ? from + 2 * lastStep : from + 1;
      next = [Math.min(max, Math.max(least, Math.min(4 * from, Math.ceil(aim))))];
      lastStep = next[0] - from;
      lastDirection = 'up';
    } else if (lo === undefined) {
      // Everything evaluated reaches the target: step down from the smallest k.
      const from = hi;
      const predicted = modelPrediction(from);
      const aim = predicted === undefined ? from / 2 : predicted * 0.97 - 1;
      const most = lastDirection === 'down' ? from - 2 * lastStep : from - 1;
      next = [Math.max(min, Math.min(most, Math.max(Math.floor(from / 4), Math.floor(aim))))];
      lastStep = from - next[0];
      lastDirection = 'down';
    } else if (hi - lo - 1 <= 2) {
      next = Array.from({ length: hi - lo - 1 }, (_, i) => lo + 1 + i);
    } else {
      const width = hi - lo;
      const [zl, zh] = [probit(seen.get(lo)!), probit(seen.get(hi)!)];
      let guess = (lo + hi) / 2;
      // Interpolate on the probit scale unless the last bracketed step failed to halve the bracket.
      if (zh > zl && width <= lastWidth / 2) {
        guess = xInverse(x(lo) + ((zTarget - zl) * (x(hi) - x(lo))) / (zh - zl));
      }
      lastWidth = width;
      next = [Math.min(hi - 1, Math.max(lo + 1, Math.round(guess)))];
    }
    await evaluate(next);
  }
  const { hi } = bracket();
  return { k: hi, evaluations, rounds, converged: false };
}
