import type { EndpointKind } from '../analysis/catalog.js';
import type { TrialParameters } from '../engine/parameters.js';
import { fillNormal } from '../random/normal.js';
import { fillBernoulli } from '../outcomes/binary.js';
import { fillCategorical } from '../outcomes/ordinal.js';
import { keepCompleters } from './dropout.js';
import type { TrialData } from './trial-data.js';
import type { TrialStreams } from './streams.js';

/**
 * Simulates one parallel-group (or single-arm) trial into `data`: for each arm,
 * `sizes[a]` randomized patients with independent outcomes, then random dropout.
 * It starts an outcome and a dropout stream per arm, in arm order.
 */
export function simulateParallel(
  streams: TrialStreams,
  endpoint: EndpointKind,
  sizes: Int32Array,
  params: TrialParameters,
  data: TrialData,
): void {
  for (let a = 0; a < sizes.length; a++) {
    streams.start(streams.outcome);
    streams.start(streams.dropout);
    const out = data.values[a];
    const n = sizes[a];
    if (endpoint === 'continuous') fillNormal(streams.outcome, out, n, params.mean, params.sd, a);
    else if (endpoint === 'binary') fillBernoulli(streams.outcome, out, n, params.p, a);
    else fillCategorical(streams.outcome, out, n, params.cumulative[a]);
    data.counts[a] = params.dropout > 0 ? keepCompleters(streams.dropout, out, n, params.dropout) : n;
  }
}
