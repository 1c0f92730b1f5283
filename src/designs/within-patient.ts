import type { EndpointKind } from '../analysis/catalog.js';
import type { TrialParameters } from '../engine/parameters.js';
import { fillCorrelatedPairs, scaleLatent, thresholdLatent } from '../outcomes/latent.js';
import { countCompleters } from './dropout.js';
import type { TrialData } from './trial-data.js';
import type { TrialStreams } from './streams.js';

/**
 * Simulates one within-patient trial into `data`: `n` patients, each with one
 * site per arm (arm 0 and arm 1 of the design). A patient's two sites share a
 * latent bivariate normal with the design's correlation; continuous outcomes
 * scale it, binary and ordinal outcomes cut it at the arm's thresholds
 * (spill-over is already in `params`). A patient who drops out loses both
 * sites; dropout is decided first, and only completers are simulated (see
 * `countCompleters`). Each site's latent normals come from its own stream, so
 * patient i's pair is the same whatever n is (common random numbers across a
 * sweep). The paired analysis reads the values, so `data.moments` are NaN.
 */
export function simulateWithinPatient(
  streams: TrialStreams,
  endpoint: EndpointKind,
  n: number,
  params: TrialParameters,
  data: TrialData,
): void {
  streams.start(streams.outcome);
  streams.start(streams.secondSite);
  streams.start(streams.dropout);
  const [first, second] = data.values;
  const k = params.dropout > 0 ? countCompleters(streams.dropout, n, params.dropout, first) : n;
  fillCorrelatedPairs(streams.outcome, streams.secondSite, first, second, k, params.correlation);
  for (let a = 0; a < 2; a++) {
    const values = data.values[a];
    if (endpoint === 'continuous') scaleLatent(values, k, params.mean, params.sd, a);
    else thresholdLatent(values, k, params.cuts[a]);
    data.counts[a] = k;
  }
  data.moments.fill(NaN);
}
