import type { EndpointKind } from '../analysis/catalog.js';
import type { TrialParameters } from '../engine/parameters.js';
import { fillNormal } from '../random/normal.js';
import { fillBernoulli } from '../outcomes/binary.js';
import { fillCategorical } from '../outcomes/ordinal.js';
import { countCompleters } from './dropout.js';
import type { TrialData } from './trial-data.js';
import type { TrialStreams } from './streams.js';

/**
 * Simulates one parallel-group (or single-arm) trial into `data`: for each arm,
 * `sizes[a]` randomized patients, of whom those who complete (random dropout,
 * decided first) get independent outcomes. It starts an outcome and a dropout
 * stream per arm, in arm order. Normal outcomes also give the arm's sample
 * mean and variance (`data.moments`); other endpoints set them to NaN.
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
    const k = params.dropout > 0 ? countCompleters(streams.dropout, n, params.dropout, out) : n;
    data.counts[a] = k;
    if (endpoint === 'continuous') {
      fillNormal(streams.outcome, out, k, params.mean, params.sd, a, data.moments, 2 * a);
      continue;
    }
    data.moments[2 * a] = NaN;
    data.moments[2 * a + 1] = NaN;
    if (endpoint === 'binary') fillBernoulli(streams.outcome, out, k, params.p, a);
    else fillCategorical(streams.outcome, out, k, params.cumulative[a]);
  }
}
