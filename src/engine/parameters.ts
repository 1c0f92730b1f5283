import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { Param, ResolvedScenario } from '../scenario/types.js';
import { cumulativeProbabilities } from '../outcomes/ordinal.js';

/**
 * The outcome parameters of one simulated trial, per arm in design order, with
 * spill-over already applied to the control site of a within-patient design.
 * Preallocated once per plan; when some parameter is uncertain it is
 * overwritten for every replicate.
 */
export interface TrialParameters {
  /** Continuous endpoints: mean per arm. */
  mean: Float64Array;
  /** Continuous endpoints: SD per arm. */
  sd: Float64Array;
  /** Binary endpoints: response probability per arm. */
  p: Float64Array;
  /** Binary and ordinal endpoints: cumulative category probabilities per arm (binary: [1 − p, 1]). */
  cumulative: Float64Array[];
  /** Latent-normal cut points per arm, Φ⁻¹ of the cumulative probabilities (within-patient designs). */
  cuts: Float64Array[];
  dropout: number;
  correlation: number;
  spillover: number;
}

/** Whether any outcome or design parameter of the scenario is a distribution (the result is then assurance). */
export function hasUncertainParameters(scenario: ResolvedScenario): boolean {
  const isDist = (p: Param): boolean => typeof p !== 'number';
  const d = scenario.design;
  if (isDist(d.dropout)) return true;
  if (d.kind === 'within-patient' && (isDist(d.correlation) || isDist(d.spillover))) return true;
  const e = scenario.endpoint;
  return Object.values(e.arms).some((arm) => Object.values(arm).some((v) => (Array.isArray(v) ? v.some(isDist) : isDist(v as Param))));
}

/** Allocates parameters for `arms` arms of an endpoint with `categories` categories. */
export function allocateParameters(arms: number, categories: number): TrialParameters {
  const perArm = (len: number) => Array.from({ length: arms }, () => new Float64Array(len));
  return {
    mean: new Float64Array(arms),
    sd: new Float64Array(arms),
    p: new Float64Array(arms),
    cumulative: perArm(categories),
    cuts: perArm(categories - 1),
    dropout: 0,
    correlation: 0,
    spillover: 0,
  };
}

/**
 * Fills `params` from plain numbers: `value(param)` turns each scenario
 * parameter into a number (its centre, or a draw for assurance). Arms are taken
 * in the order of `scenario.design.arms`.
 */
export function fillParameters(scenario: ResolvedScenario, params: TrialParameters, value: (param: Param) => number): void {
  const { design, endpoint } = scenario;
  // A distribution may put draws outside a parameter's range (a normal prior on
  // a rate, say); such draws are clipped to the range, never passed on as NaN.
  // A number is used as written: the validator has checked its range, and the
  // closed forms and the fast path use it as written too.
  const drawn = (param: Param, lo: number, hi: number) => (typeof param === 'number' ? param : clip(value(param), lo, hi));
  params.dropout = drawn(design.dropout, 0, MAX_DROPOUT);
  params.correlation = design.kind === 'within-patient' ? drawn(design.correlation, -MAX_CORRELATION, MAX_CORRELATION) : 0;
  params.spillover = design.kind === 'within-patient' ? drawn(design.spillover, 0, 1) : 0;
  design.arms.forEach((arm, a) => {
    if (endpoint.kind === 'continuous') {
      params.mean[a] = value(endpoint.arms[arm.id].mean);
      params.sd[a] = Math.max(value(endpoint.arms[arm.id].sd), MIN_SD);
    } else if (endpoint.kind === 'binary') {
      params.p[a] = clip(value(endpoint.arms[arm.id].p), 0, 1);
    } else {
      const probs = endpoint.arms[arm.id].probs.map(value);
      params.cumulative[a].set(cumulativeProbabilities(normalise(probs)));
    }
  });
  if (design.kind === 'within-patient')
    applySpillover(
      params,
      endpoint.kind,
      design.arms.findIndex((a) => a.control),
    );
  if (endpoint.kind === 'binary') {
    for (let a = 0; a < design.arms.length; a++) {
      params.cumulative[a][0] = 1 - params.p[a];
      params.cumulative[a][1] = 1;
    }
  }
  for (let a = 0; a < design.arms.length; a++) {
    const cumulative = params.cumulative[a];
    const cuts = params.cuts[a];
    for (let c = 0; c < cuts.length; c++) cuts[c] = normalQuantile(cumulative[c], 0, 1);
  }
}

/**
 * Spill-over: a fraction γ of the active site's effect also reaches the control
 * site, so the control site's parameters move γ of the way towards the active
 * site's (mean, probability, or every category probability).
 */
function applySpillover(params: TrialParameters, endpoint: 'continuous' | 'binary' | 'ordinal', control: number): void {
  const active = 1 - control;
  const g = params.spillover;
  if (g === 0) return;
  if (endpoint === 'continuous') params.mean[control] += g * (params.mean[active] - params.mean[control]);
  else if (endpoint === 'binary') params.p[control] += g * (params.p[active] - params.p[control]);
  else {
    // Mixing the distributions mixes their cumulative probabilities in the same way.
    const c = params.cumulative[control];
    const t = params.cumulative[active];
    for (let k = 0; k < c.length - 1; k++) c[k] += g * (t[k] - c[k]);
  }
}

/** Largest dropout a draw may give (a written dropout is below 1 by validation): every patient lost would leave nothing to analyse. */
const MAX_DROPOUT = 0.999;
/** Largest |correlation| a draw may give (a written one is inside (−1, 1) by validation): ±1 makes the two sites identical. */
const MAX_CORRELATION = 0.999;
/** Smallest SD a draw may give. */
const MIN_SD = 1e-12;

function clip(x: number, lo: number, hi: number): number {
  return x < lo ? lo : Math.min(x, hi);
}

/** Rescales drawn probabilities to sum to 1 (draws from independent distributions need not). */
function normalise(probs: number[]): number[] {
  const clipped = probs.map((p) => Math.min(1, Math.max(0, p)));
  const total = clipped.reduce((s, p) => s + p, 0);
  return total > 0 ? clipped.map((p) => p / total) : clipped.map(() => 1 / clipped.length);
}
