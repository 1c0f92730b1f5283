import { armSizes } from '../designs/arm-sizes.js';
import type { ResolvedDesign, ResolvedScenario } from '../scenario/types.js';
import { MIN_N } from '../scenario/limits.js';
import { closedFormFor, type ClosedForm } from './closed-form.js';

/**
 * The sample sizes a search may return: n = k · step for whole k. For a
 * parallel design whose allocation is a ratio of small whole numbers (after
 * scaling, e.g. 1.5 : 1 → 3 : 2), `perStep` is that ratio reduced, so every n
 * on the lattice splits into whole patients exactly in the allocation ratio
 * (1:1 → even n, 2:1 → multiples of 3), as long as a step is at most
 * MAX_EXACT_STEP patients. Otherwise step is 1 and arms are rounded as
 * everywhere else (`armSizes`). Within-patient and single-arm
 * designs: k patients.
 */
export interface SizeLattice {
  /** Patients per lattice step. */
  step: number;
  /** Patients per arm per step (parallel designs with a whole-number ratio); undefined when sizes are rounded. */
  perStep: number[] | undefined;
  /** Smallest and largest k. */
  min: number;
  max: number;
}

/** Largest multiplier tried to turn a fractional allocation into whole numbers. */
const MAX_ALLOCATION_SCALE = 1000;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The whole-number ratio of `weights` in lowest terms, or undefined when none with scale ≤ 1000 exists. */
export function wholeRatio(weights: readonly number[]): number[] | undefined {
  for (let m = 1; m <= MAX_ALLOCATION_SCALE; m++) {
    const scaled = weights.map((w) => w * m);
    if (scaled.every((s) => Math.abs(s - Math.round(s)) <= 1e-9 * Math.max(1, s))) {
      const whole = scaled.map(Math.round);
      const g = whole.reduce(gcd);
      return whole.map((w) => w / g);
    }
  }
  return undefined;
}

/**
 * Largest lattice step kept exact. A ratio such as 19:16 (the numbers a
 * published trial happened to randomize) would force steps of 35 patients;
 * such designs step by one patient and round the arms instead.
 */
export const MAX_EXACT_STEP = 12;

/** The lattice of sample sizes of a design, up to `maxN` patients. */
export function sizeLattice(design: ResolvedDesign, maxN: number): SizeLattice {
  const ratio = design.kind === 'parallel' ? wholeRatio(design.allocation) : undefined;
  const perStep = ratio && ratio.reduce((s, w) => s + w, 0) <= MAX_EXACT_STEP ? ratio : undefined;
  const step = perStep ? perStep.reduce((s, w) => s + w, 0) : 1;
  return { step, perStep, min: Math.max(1, Math.ceil(MIN_N / step)), max: Math.floor(maxN / step) };
}

/** Total patients at lattice point k. */
export function latticeN(lattice: SizeLattice, k: number): number {
  return k * lattice.step;
}

/** Patients per arm at lattice point k (design order); `[n]` for within-patient and single-arm designs. */
export function latticeSizes(lattice: SizeLattice, design: ResolvedDesign, k: number): number[] {
  if (design.kind !== 'parallel') return [k];
  return lattice.perStep ? lattice.perStep.map((w) => w * k) : armSizes(k, design.allocation);
}

/** The smallest lattice point k whose patients n(k) ≥ `n` (with a little slack for floating point). */
export function latticeCeil(lattice: SizeLattice, n: number): number {
  return Math.max(lattice.min, Math.ceil(n / lattice.step - 1e-9));
}

/** The smallest k in [lattice.min, lattice.max] with `reaches(k)`, for a monotone predicate; undefined when none. */
function smallestReaching(lattice: SizeLattice, reaches: (k: number) => boolean): number | undefined {
  let hi = lattice.min;
  while (!reaches(hi)) {
    if (hi >= lattice.max) return undefined;
    hi = Math.min(lattice.max, hi * 2);
  }
  let lo = Math.max(lattice.min - 1, Math.floor(hi / 2));
  if (lo >= lattice.min && reaches(lo)) lo = lattice.min - 1;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid >= lattice.min && reaches(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The closed-form answer on the lattice: the smallest k whose closed-form power reaches `target`. */
export interface ClosedFormSize {
  k: number;
  /** Closed-form power at k. */
  power: number;
  method: string;
}

/** Smallest lattice point whose closed-form power reaches `target` (the formula's power grows with n). */
export function closedFormSampleSize(
  closedForm: ClosedForm,
  lattice: SizeLattice,
  design: ResolvedDesign,
  target: number,
): ClosedFormSize | undefined {
  const power = (k: number) => closedForm.power(latticeSizes(lattice, design, k));
  const k = smallestReaching(lattice, (k) => power(k) >= target);
  return k === undefined ? undefined : { k, power: power(k), method: closedForm.method };
}

/**
 * Asymptotic relative efficiency of the rank tests to the t-tests for normal
 * data, 3/π: a rank test needs about π/3 times the patients.
 */
const RANK_TEST_INFLATION = Math.PI / 3;

/**
 * Where a simulated search starts: the closed form on the lattice where one
 * exists; for rank tests on a continuous endpoint, the matching t-test's
 * closed form inflated by π/3; otherwise the scenario's own n.
 */
export function sampleSizeStart(scenario: ResolvedScenario, lattice: SizeLattice, target: number): number {
  const { design, analysis, endpoint } = scenario;
  const direct = closedFormFor(scenario);
  if (direct) {
    const found = closedFormSampleSize(direct, lattice, design, target);
    if (found) return found.k;
  }
  if (endpoint.kind === 'continuous' && (analysis.test === 'mann-whitney' || analysis.test === 'wilcoxon-signed-rank')) {
    const analogue = design.kind === 'parallel' ? 'student-t' : design.kind === 'within-patient' ? 'paired-t' : 'one-sample-t';
    const t = closedFormFor({ ...scenario, analysis: { ...analysis, test: analogue } });
    const found = t && closedFormSampleSize(t, lattice, design, target);
    if (found) return Math.min(lattice.max, latticeCeil(lattice, latticeN(lattice, found.k) * RANK_TEST_INFLATION));
  }
  return Math.min(lattice.max, latticeCeil(lattice, design.n));
}
