import type { Xorwow } from '../random/xorwow.js';
import type { EndpointKind } from '../analysis/catalog.js';
import type { TrialParameters } from '../engine/parameters.js';
import { fillNormal } from '../outcomes/continuous.js';
import { fillBernoulli } from '../outcomes/binary.js';
import { fillCategorical } from '../outcomes/ordinal.js';
import { keepCompleters } from './dropout.js';
import type { TrialData } from './trial-data.js';
import type { TrialStreams } from './streams.js';

/**
 * Simulates one parallel-group (or single-arm) trial into `data`: for each arm,
 * `sizes[a]` randomized patients with independent outcomes, then random dropout.
 * The chunk stream advances by the same number of draws whatever the outcomes.
 */
export function simulateParallel(
  chunk: Xorwow,
  streams: TrialStreams,
  endpoint: EndpointKind,
  sizes: Int32Array,
  params: TrialParameters,
  data: TrialData,
): void {
  for (let a = 0; a < sizes.length; a++) {
    streams.outcome.reseedFrom(chunk);
    streams.dropout.reseedFrom(chunk);
    const out = data.values[a];
    const n = sizes[a];
    if (endpoint === 'continuous') fillNormal(streams.outcome, out, n, params.mean, params.sd, a);
    else if (endpoint === 'binary') fillBernoulli(streams.outcome, out, n, params.p, a);
    else fillCategorical(streams.outcome, out, n, params.cumulative[a]);
    data.counts[a] = params.dropout > 0 ? keepCompleters(streams.dropout, out, n, params.dropout) : n;
  }
}
