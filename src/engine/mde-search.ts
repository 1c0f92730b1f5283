import type { ResolvedScenario } from '../scenario/types.js';
import { centreOf } from '../scenario/param-centre.js';
import { closedFormFor } from './closed-form.js';
import { armSizes } from '../designs/arm-sizes.js';

/**
 * What `trialsim mde` moves: the active arm's mean (continuous endpoints) or
 * response rate (binary endpoints), away from the reference (the control arm,
 * or `analysis.null` for a single arm) in the direction of benefit, on a
 * lattice of `unit` steps: effect = j · unit.
 */
export interface EffectLattice {
  /** `mean` or `rate`. */
  kind: 'mean' | 'rate';
  /** Id of the arm whose parameter moves. */
  arm: string;
  /** The scenario path that moves, e.g. `endpoint.arms.msc.mean`. */
  path: string;
  /** The reference value: the control arm's parameter (its centre) or the null value. */
  reference: number;
  /** What the reference is, e.g. `saline` or `analysis.null`. */
  referenceName: string;
  /** +1 when higher is better, −1 when lower is. */
  direction: 1 | -1;
  /** Effect per lattice step: 3 significant digits of the SD for means, 0.001 for rates. */
  unit: number;
  /** Largest j (rates stay within [0, 1]; means within 50 SDs). */
  max: number;
  /** The scenario's own effect in the direction of benefit (may be ≤ 0). */
  fileEffect: number;
}

/** Decimal places needed to print multiples of `unit` exactly. */
export function unitDecimals(unit: number): number {
  return Math.max(0, -Math.floor(Math.log10(unit) + 1e-9));
}

/**
 * The effect lattice of a scenario, or a one-line reason why it has none
 * (ordinal endpoints, more than one active arm).
 */
export function effectLattice(scenario: ResolvedScenario): EffectLattice | string {
  const { design, endpoint, analysis } = scenario;
  if (endpoint.kind === 'ordinal') return 'mde needs a continuous or binary endpoint (ordinal endpoints have no single effect to move)';
  const control = design.kind === 'single-arm' ? undefined : design.arms.find((a) => a.control);
  const active = design.arms.filter((a) => !a.control);
  if (active.length !== 1) return `mde needs exactly one active arm besides the control (this design has ${active.length})`;
  const arm = active[0].id;
  const direction = endpoint.better === 'higher' ? 1 : -1;
  const key = endpoint.kind === 'continuous' ? 'mean' : 'p';
  const armValue = (id: string) =>
    endpoint.kind === 'continuous' ? centreOf(endpoint.arms[id].mean) : centreOf((endpoint.arms as Record<string, { p: number }>)[id].p);
  const reference = control ? armValue(control.id) : analysis.null;
  const fileEffect = direction * (armValue(arm) - reference);
  if (endpoint.kind === 'continuous') {
    const sd = centreOf(endpoint.arms[control ? control.id : arm].sd);
    const unit = 10 ** (Math.floor(Math.log10(sd)) - 2);
    return {
      kind: 'mean',
      arm,
      path: `endpoint.arms.${arm}.${key}`,
      reference,
      referenceName: control ? control.id : 'analysis.null',
      direction,
      unit,
      max: Math.ceil((50 * sd) / unit),
      fileEffect,
    };
  }
  const unit = 0.001;
  const room = direction === 1 ? 1 - reference : reference;
  return {
    kind: 'rate',
    arm,
    path: `endpoint.arms.${arm}.${key}`,
    reference,
    referenceName: control ? control.id : 'analysis.null',
    direction,
    unit,
    max: Math.floor(room / unit + 1e-9),
    fileEffect,
  };
}

/** The effect j · unit, rounded to the lattice's decimals (so 0.1 + 0.2 prints as 0.3). */
export function latticeEffect(lattice: EffectLattice, j: number): number {
  return Number((j * lattice.unit).toFixed(unitDecimals(lattice.unit)));
}

/** The active arm's parameter at lattice point j. */
export function latticeValue(lattice: EffectLattice, j: number): number {
  return Number((lattice.reference + lattice.direction * j * lattice.unit).toFixed(unitDecimals(lattice.unit) + 6));
}

/** The scenario with the active arm's mean or rate at lattice point j (every other parameter as it was). */
export function withEffect(scenario: ResolvedScenario, lattice: EffectLattice, j: number): ResolvedScenario {
  const value = latticeValue(lattice, j);
  const endpoint = scenario.endpoint;
  if (endpoint.kind === 'continuous') {
    const arms = { ...endpoint.arms, [lattice.arm]: { ...endpoint.arms[lattice.arm], mean: value } };
    return { ...scenario, endpoint: { ...endpoint, arms } };
  }
  if (endpoint.kind === 'binary') {
    const arms = { ...endpoint.arms, [lattice.arm]: { ...endpoint.arms[lattice.arm], p: value } };
    return { ...scenario, endpoint: { ...endpoint, arms } };
  }
  return scenario;
}

/** The closed-form smallest effect, when the scenario has a closed form. */
export interface ClosedFormEffect {
  /** Smallest lattice point whose closed-form power reaches the target. */
  j: number;
  power: number;
  method: string;
}

/**
 * The closed-form minimum detectable effect on the lattice, at the scenario's
 * n: with dropout, the formula gets the expected completers per arm,
 * n_arm · (1 − dropout) (fractional), and the method says so.
 */
export function closedFormEffect(scenario: ResolvedScenario, lattice: EffectLattice, target: number): ClosedFormEffect | undefined {
  const { design } = scenario;
  const dropout = centreOf(design.dropout);
  const sizes = (design.kind === 'parallel' ? armSizes(design.n, design.allocation) : [design.n]).map((n) => n * (1 - dropout));
  // Undefined where the formula has no value: e.g. the noncentral t below 1 df (fractional completers of a tiny n).
  const powerAt = (j: number) => {
    const power = closedFormFor(withEffect(scenario, lattice, j))?.power(sizes);
    return power !== undefined && Number.isFinite(power) ? power : undefined;
  };
  if (powerAt(1) === undefined) return undefined;
  // The closed forms grow with the effect: double, then bisect.
  let hi = 1;
  while ((powerAt(hi) ?? 0) < target) {
    if (hi >= lattice.max) return undefined;
    hi = Math.min(lattice.max, hi * 2);
  }
  let lo = hi === 1 ? 0 : Math.floor(hi / 2);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if ((powerAt(mid) ?? 0) >= target) hi = mid;
    else lo = mid;
  }
  const method =
    closedFormFor(withEffect(scenario, lattice, hi))!.method +
    (dropout > 0 ? `, with n\u00b7(1 \u2212 ${Number(dropout.toPrecision(4))}) expected completers per arm` : '');
  return { j: hi, power: powerAt(hi)!, method };
}

/** Where the simulated mde search starts: the closed form, else the file's effect, else half an SD (or 0.1 for rates). */
export function effectStart(scenario: ResolvedScenario, lattice: EffectLattice, target: number): number {
  const closed = closedFormEffect(scenario, lattice, target);
  if (closed) return closed.j;
  if (lattice.fileEffect > 0) return Math.min(lattice.max, Math.max(1, Math.round(lattice.fileEffect / lattice.unit)));
  const fallback = lattice.kind === 'mean' ? 50 : 100;
  return Math.min(lattice.max, fallback);
}
