import type { SampleSummary } from '../analysis/types.js';
import type { ResolvedScenario } from '../scenario/types.js';
import type { Xorwow } from '../random/xorwow.js';
import { fillStandardNormal } from '../random/normal.js';
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
 * Draws the mean and variance of `k` normal observations directly: the mean
 * is Normal(μ, σ²/k) and (k − 1)s²/σ² is chi-square with k − 1 degrees of
 * freedom, independent of the mean (Cochran's theorem). Exact in
 * distribution, and O(1) instead of O(k). `draws` is scratch for two numbers.
 */
/**
 * Scratch (workers are single-threaded): [0] the normal draw, [1] the
 * chi-square draw, [2] μ, [3] σ. μ and σ travel in the array because V8 boxes
 * double arguments of calls it does not inline, once per simulated trial here.
 */
const draws = new Float64Array(4);

function drawSummary(rng: Xorwow, k: number, draws: Float64Array, out: SampleSummary): void {
  fillStandardNormal(rng, draws, 1);
  if (k > 1) chiSquareInto(rng, k - 1, draws, 1);
  const mean = draws[2];
  const sd = draws[3];
  out.n = k;
  out.mean = k > 0 ? mean + (sd * draws[0]) / Math.sqrt(k) : NaN;
  out.variance = k > 1 ? (sd * sd * draws[1]) / (k - 1) : 0;
}

/**
 * Simulates one trial's per-arm summaries (fast path). Parallel and
 * single-arm designs: one summary per arm. Within-patient designs: the
 * summary of the paired differences (active − control) goes in `out[0]`,
 * their SD being √(σ₁² + σ₂² − 2ρσ₁σ₂). One stream per replicate, started
 * from the chunk stream, serves every arm: the draws are few, and each
 * replicate still starts at a fixed place in the chunk stream.
 *
 * `tables[a]` are the completer tables of the arms (or undefined, see `completerTable`).
 */
export function simulateSummaries(
  streams: TrialStreams,
  scenario: ResolvedScenario,
  sizes: Int32Array,
  params: TrialParameters,
  tables: ReadonlyArray<Float64Array | undefined>,
  scratch: Float64Array,
  out: SampleSummary[],
): void {
  const rng = streams.outcome;
  streams.start(rng);
  if (scenario.design.kind === 'within-patient') {
    const k = completers(rng, sizes[0], params.dropout, tables[0], scratch);
    const s1 = params.sd[0];
    const s2 = params.sd[1];
    draws[2] = params.mean[0] - params.mean[1];
    draws[3] = Math.sqrt(s1 * s1 + s2 * s2 - 2 * params.correlation * s1 * s2);
    drawSummary(rng, k, draws, out[0]);
    return;
  }
  for (let a = 0; a < sizes.length; a++) {
    const k = completers(rng, sizes[a], params.dropout, tables[a], scratch);
    draws[2] = params.mean[a];
    draws[3] = params.sd[a];
    drawSummary(rng, k, draws, out[a]);
  }
}
