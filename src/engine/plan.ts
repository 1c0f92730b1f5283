import type { DesignKind, EndpointKind } from '../analysis/catalog.js';
import type { Param, ResolvedScenario } from '../scenario/types.js';
import { drawParameter } from '../random/distributions.js';
import { armSizes } from '../designs/arm-sizes.js';
import { TrialData } from '../designs/trial-data.js';
import { TrialStreams } from '../designs/streams.js';
import { centreOf } from '../scenario/param-centre.js';
import { allocateParameters, fillParameters, hasUncertainParameters, type TrialParameters } from './parameters.js';
import { createDecider } from './deciders/create-decider.js';
import type { Decider } from './deciders/decider.js';
import { FastPathDraws, fastPathApplies } from './fast-path.js';
import { CHUNK_SIZE } from './chunks.js';

/**
 * A design point compiled for simulation: every buffer a replicate needs,
 * allocated once. Built inside the worker from plain data; never sent anywhere.
 */
export interface Plan {
  readonly scenario: ResolvedScenario;
  readonly design: DesignKind;
  readonly endpoint: EndpointKind;
  /** Patients randomized per arm (design order); for within-patient designs, patients. */
  readonly sizes: Int32Array;
  /** Index of the control arm, or −1 for a single-arm design. */
  readonly control: number;
  /** The arms compared with the control (or tested against the null value). */
  readonly treatments: Int32Array;
  /** True when some parameter is a distribution: the result is assurance. */
  readonly uncertain: boolean;
  readonly params: TrialParameters;
  /** Fills `params` with a fresh draw of every uncertain parameter from `streams.parameters`. */
  readonly drawParameters: () => void;
  readonly decider: Decider;
  readonly data: TrialData;
  readonly streams: TrialStreams;
  /** Scratch for the p-values of several comparisons. */
  readonly pValues: Float64Array;
  /** Scratch for the fast path's tally of a chunk: rejections, degenerate trials. */
  readonly tally: Int32Array;
  /** The sufficient-statistics fast path (normal endpoint, t-test), when it applies: simulates summaries instead of patients. */
  readonly fastPath: FastPathDraws | undefined;
  /** The fast path's summaries of a whole chunk: replicate r's slot s at r·stride + 3s (see `FastPathDraws.simulate`). */
  readonly summaries: Float64Array;
}

/**
 * Random streams one replicate starts at the patient level, in this order: the
 * parameters' stream; then an outcome and a dropout stream for a
 * within-patient design, or an outcome and a dropout stream per arm. The fast
 * path starts none per replicate (see `FastPathDraws`).
 */
function streamStarts(design: DesignKind, armCount: number, fastPath: boolean): number {
  if (fastPath) return 0;
  // The parameters; then per arm its outcomes and its dropout, or, within
  // patients, each site's outcomes and the patients' dropout.
  return 1 + (design === 'within-patient' ? 3 : 2 * armCount);
}

/** Compiles a resolved scenario (one design point) into a plan. */
export function compilePlan(scenario: ResolvedScenario): Plan {
  const { design, endpoint } = scenario;
  const armCount = design.arms.length;
  const sizes = Int32Array.from(design.kind === 'parallel' ? armSizes(design.n, design.allocation) : design.arms.map(() => design.n));
  const control = design.kind === 'single-arm' ? -1 : design.arms.findIndex((a) => a.control);
  const treatments = Int32Array.from(design.arms.map((_, a) => a).filter((a) => a !== control));
  const categories = endpoint.kind === 'ordinal' ? endpoint.categories.length : endpoint.kind === 'binary' ? 2 : 1;
  if (design.kind === 'within-patient' && control !== 1) {
    // Spill-over and the paired differences take arm 0 as active and arm 1 as control.
    throw new Error('a within-patient design lists the active site first and the control site second');
  }
  const params = allocateParameters(armCount, categories);
  fillParameters(scenario, params, centreOf);
  const fastPath = fastPathApplies(scenario);
  const paired = design.kind === 'within-patient';
  const streams = new TrialStreams(streamStarts(design.kind, armCount, fastPath));
  const draws = fastPath ? new FastPathDraws(paired, sizes, typeof design.dropout === 'number' ? design.dropout : undefined) : undefined;
  const draw = (p: Param) => (typeof p === 'number' ? p : drawParameter(streams.parameters, p));
  return {
    scenario,
    design: design.kind,
    endpoint: endpoint.kind,
    sizes,
    control,
    treatments,
    uncertain: hasUncertainParameters(scenario),
    params,
    drawParameters: () => fillParameters(scenario, params, draw),
    decider: createDecider(scenario, control),
    data: new TrialData(Array.from(sizes)),
    streams,
    pValues: new Float64Array(treatments.length),
    tally: new Int32Array(2),
    fastPath: draws,
    summaries: new Float64Array(draws ? CHUNK_SIZE * draws.stride : 0),
  };
}
