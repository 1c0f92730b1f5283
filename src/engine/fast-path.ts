import type { ResolvedScenario } from '../scenario/types.js';
import type { Xorwow } from '../random/xorwow.js';
import { standardNormal } from '../random/normal.js';
import { chiSquareInto } from '../random/distributions.js';
import type { TrialStreams } from '../designs/streams.js';
import type { TrialParameters } from './parameters.js';
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';

/** The tests the fast path serves: every t-test works from means and variances alone. */
const T_TESTS: ReadonlySet<string> = new Set(['welch-t', 'student-t', 'paired-t', 'one-sample-t']);

/**
 * Whether a scenario can be simulated through its sufficient statistics: a
 * normal endpoint analysed by a t-test, unless the scenario or the user turned
 * the fast path off.
 */
export function fastPathApplies(scenario: ResolvedScenario): boolean {
  return scenario.simulation.fastPath && scenario.endpoint.kind === 'continuous' && T_TESTS.has(scenario.analysis.test);
}

/**
 * Cumulative probabilities of the number of completers, Binomial(n, 1 − dropout),
 * for drawing it by inversion with one uniform. Computed with stdlib's binomial CDF
 * once per plan; `undefined` when dropout is uncertain (drawn per replicate).
 */
export function completerTable(n: number, dropout: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) table[k] = binomialCdf(k, n, 1 - dropout);
  table[n] = 1;
  return table;
}

/** Completers among `n` patients: by inversion of `table` when given, else by counting one uniform per patient. */
function completers(rng: Xorwow, n: number, dropout: number, table: Float64Array | undefined, scratch: Float64Array): number {
  if (dropout <= 0) return n;
  if (table) {
    const u = rng.uniform();
    let k = 0;
    while (u >= table[k]) k++;
    return k;
  }
  rng.fillUniform(scratch, n);
  let kept = 0;
  for (let i = 0; i < n; i++) if (scratch[i] >= dropout) kept++;
  return kept;
}

/**
 * Writes the size, mean and variance of `k` normal observations to
 * `summaries[at..at+3)`, reading their mean and SD from `summaries[at + 1]`
 * and `summaries[at + 2]` first (the caller puts them there). The mean is Normal(μ, σ²/k) and
 * (k − 1)s²/σ² is chi-square with k − 1 degrees of freedom, independent of the
 * mean (Cochran's theorem): exact in distribution, and O(1) instead of O(k).
 * Numbers travel through the arrays because V8 boxes the double arguments of
 * calls it does not inline, once per arm of every trial here.
 */
function drawSummary(rng: Xorwow, k: number, summaries: Float64Array, at: number): void {
  const mean = summaries[at + 1];
  const sd = summaries[at + 2];
  const z = standardNormal(rng);
  summaries[at] = k;
  summaries[at + 1] = k > 0 ? mean + (sd * z) / Math.sqrt(k) : NaN;
  if (k > 1) {
    chiSquareInto(rng, k - 1, summaries, at + 2);
    summaries[at + 2] *= (sd * sd) / (k - 1);
  } else {
    summaries[at + 2] = 0;
  }
}

/**
 * Simulates one trial's per-arm summaries (fast path) into `summaries`, three
 * numbers per arm: [n, mean, variance] of arm a at index 3a. Parallel and
 * single-arm designs: one summary per arm. Within-patient (`paired`) designs:
 * the summary of the paired differences (active − control) at index 0, their
 * SD being √(σ₁² + σ₂² − 2ρσ₁σ₂). One stream per replicate, started from the
 * chunk stream, serves every arm: the draws are few, and each replicate still
 * starts at a fixed place in the chunk stream.
 *
 * `tables[a]` are the completer tables of the arms (or undefined, see `completerTable`).
 */
export function simulateSummaries(
  streams: TrialStreams,
  paired: boolean,
  sizes: Int32Array,
  params: TrialParameters,
  tables: ReadonlyArray<Float64Array | undefined>,
  scratch: Float64Array,
  summaries: Float64Array,
): void {
  const rng = streams.outcome;
  streams.start(rng);
  if (paired) {
    const k = completers(rng, sizes[0], params.dropout, tables[0], scratch);
    const s1 = params.sd[0];
    const s2 = params.sd[1];
    summaries[1] = params.mean[0] - params.mean[1];
    summaries[2] = Math.sqrt(s1 * s1 + s2 * s2 - 2 * params.correlation * s1 * s2);
    drawSummary(rng, k, summaries, 0);
    return;
  }
  for (let a = 0; a < sizes.length; a++) {
    const k = completers(rng, sizes[a], params.dropout, tables[a], scratch);
    summaries[3 * a + 1] = params.mean[a];
    summaries[3 * a + 2] = params.sd[a];
    drawSummary(rng, k, summaries, 3 * a);
  }
}
