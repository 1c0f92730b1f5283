import type { ResolvedScenario } from '../scenario/types.js';
import { Xorwow } from '../random/xorwow.js';
import { fillStandardNormal } from '../random/normal.js';
import { chiSquareInto, marsagliaTsangAccepts } from '../random/distributions.js';
import type { TrialParameters } from './parameters.js';
import { CHUNK_SIZE } from './chunks.js';
import { countCompleters } from '../designs/dropout.js';
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
 * for drawing it by inversion with one uniform. Computed with stdlib's binomial
 * CDF once per plan.
 */
function completerTable(n: number, dropout: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) table[k] = binomialCdf(k, n, 1 - dropout);
  table[n] = 1;
  return table;
}

/**
 * The sufficient-statistics fast path: each simulated trial is its per-arm
 * summaries (completers, mean, variance) drawn directly. For k normal
 * observations the mean is Normal(μ, σ²/k) and (k − 1)s²/σ² is chi-square with
 * k − 1 degrees of freedom, independent of the mean (Cochran's theorem): exact
 * in distribution, and O(1) per arm instead of O(k).
 *
 * Parallel and single-arm designs have one summary slot per arm; within-patient
 * (paired) designs one slot, the paired differences (active − control), whose
 * SD is √(σ₁² + σ₂² − 2ρσ₁σ₂).
 *
 * Random numbers: a trial needs only a handful, so starting per-replicate
 * streams (as the patient level does) would cost more than drawing them.
 * Instead, each chunk starts three streams from the chunk stream and draws, in
 * batches, one number per replicate and slot from each: the standard normal of
 * the mean, the first (normal, uniform) proposal of the chi-square's
 * Marsaglia–Tsang sampler, and, with a fixed dropout, the uniform that gives the
 * number of completers by inversion. None of these depends on n, so every point
 * of a sweep sees the same numbers for replicate r (common random numbers); the
 * rare rejected proposal (well under 1 %) and shapes below 1 draw afresh from
 * the chi-square stream, and an uncertain dropout counts completers one
 * uniform per patient from the dropout stream.
 */
export class FastPathDraws {
  private readonly meanStream = new Xorwow();
  private readonly chiSquareStream = new Xorwow();
  private readonly dropoutStream = new Xorwow();
  private readonly meanNormals: Float64Array;
  private readonly proposalNormals: Float64Array;
  private readonly proposalUniforms: Float64Array;
  private readonly dropoutUniforms: Float64Array;
  private readonly patientUniforms: Float64Array;
  /** Per slot, the completer table of a fixed dropout > 0 (else undefined). */
  private readonly tables: Float64Array[] | undefined;

  /**
   * @param paired one slot for the paired differences instead of one per arm
   * @param sizes patients randomized per arm (within-patient: patients, in each entry)
   * @param fixedDropout the design's dropout when it is a number; undefined when it is drawn per replicate
   */
  constructor(
    private readonly paired: boolean,
    private readonly sizes: Int32Array,
    fixedDropout: number | undefined,
  ) {
    const slots = this.slotCount;
    this.meanNormals = new Float64Array(CHUNK_SIZE * slots);
    this.proposalNormals = new Float64Array(CHUNK_SIZE * slots);
    this.proposalUniforms = new Float64Array(CHUNK_SIZE * slots);
    this.tables =
      fixedDropout !== undefined && fixedDropout > 0
        ? Array.from(sizes.subarray(0, slots), (n) => completerTable(n, fixedDropout))
        : undefined;
    this.dropoutUniforms = new Float64Array(this.tables ? CHUNK_SIZE * slots : 0);
    this.patientUniforms = new Float64Array(fixedDropout === undefined ? Math.max(...sizes) : 0);
  }

  /** Summary slots per replicate. */
  get slotCount(): number {
    return this.paired ? 1 : this.sizes.length;
  }

  /**
   * Starts the chunk's streams from `chunk` and draws the numbers of all its
   * replicates. Always a whole chunk's worth, even for a shorter last chunk: the
   * normals' rare ziggurat misses are finished after their batch, so drawing
   * fewer would change some of them, and replicate r would depend on the run's length.
   */
  beginChunk(chunk: Xorwow): void {
    this.meanStream.reseedFrom(chunk);
    this.chiSquareStream.reseedFrom(chunk);
    this.dropoutStream.reseedFrom(chunk);
    const count = CHUNK_SIZE * this.slotCount;
    fillStandardNormal(this.meanStream, this.meanNormals, count);
    fillStandardNormal(this.chiSquareStream, this.proposalNormals, count);
    this.chiSquareStream.fillUniform(this.proposalUniforms, count);
    if (this.tables) this.dropoutStream.fillUniform(this.dropoutUniforms, count);
  }

  /** Numbers per replicate in the summaries `simulate` writes: [n, mean, variance] per slot. */
  get stride(): number {
    return 3 * this.slotCount;
  }

  /**
   * Simulates replicates `from … to − 1` of the chunk with parameters `params`
   * into `summaries`: replicate r's slot s at index r·stride + 3s, as [n, mean,
   * variance]. One call for the whole chunk when the parameters are fixed (the
   * loop then stays in this method); one per replicate when they are drawn.
   *
   * The variance is σ²/(k − 1) times a chi-square with k − 1 df, 2·Gamma((k − 1)/2):
   * the chunk's first Marsaglia–Tsang proposal when it is accepted, else (and
   * for shapes below 1, which the method needs boosted) a fresh draw from the
   * chi-square stream (`drawRejected`). Rejection sampling keeps proposals
   * independently until one is accepted, so a fresh draw after a rejection has
   * the same law.
   */
  simulate(from: number, to: number, params: TrialParameters, summaries: Float64Array): void {
    const slots = this.slotCount;
    const stride = 3 * slots;
    const { meanNormals, proposalNormals, proposalUniforms } = this;
    let rejected = false;
    for (let s = 0; s < slots; s++) {
      let mean: number;
      let sd: number;
      if (this.paired) {
        const s1 = params.sd[0];
        const s2 = params.sd[1];
        mean = params.mean[0] - params.mean[1];
        sd = Math.sqrt(s1 * s1 + s2 * s2 - 2 * params.correlation * s1 * s2);
      } else {
        mean = params.mean[s];
        sd = params.sd[s];
      }
      // Constants of the last number of completers k (the same in every replicate without dropout).
      let lastK = -1;
      let inverseSqrtK = 0;
      let varianceScale = 0;
      let d = 0;
      let c = 0;
      for (let r = from; r < to; r++) {
        const j = r * slots + s;
        const at = r * stride + 3 * s;
        const k = this.completers(j, s, params.dropout);
        summaries[at] = k;
        if (k === 0) {
          summaries[at + 1] = NaN;
          summaries[at + 2] = 0;
          continue;
        }
        if (k !== lastK) {
          lastK = k;
          inverseSqrtK = 1 / Math.sqrt(k);
          varianceScale = (sd * sd) / (k - 1);
          d = (k - 1) / 2 - 1 / 3;
          c = 1 / Math.sqrt(9 * d);
        }
        summaries[at + 1] = mean + sd * meanNormals[j] * inverseSqrtK;
        if (k === 1) {
          summaries[at + 2] = 0;
          continue;
        }
        if (k >= 3) {
          const x = proposalNormals[j];
          let v = 1 + c * x;
          if (v > 0) {
            v = v * v * v;
            // 1 − uniform lies in (0, 1]: its logarithm is finite.
            if (marsagliaTsangAccepts(x, 1 - proposalUniforms[j], v, d)) {
              summaries[at + 2] = 2 * d * v * varianceScale;
              continue;
            }
          }
        }
        // Rejected: marked with the negated scale (a variance is never negative)
        // and drawn below, in replicate order whatever the loop order here.
        summaries[at + 2] = -varianceScale;
        rejected = true;
      }
    }
    if (rejected) this.drawRejected(from, to, summaries);
  }

  /**
   * Draws the variances left marked by `simulate` from the chi-square stream,
   * in replicate-then-slot order, so that replicate r's numbers depend neither
   * on the order of the loops above nor on how many replicates the chunk has.
   */
  private drawRejected(from: number, to: number, summaries: Float64Array): void {
    const slots = this.slotCount;
    for (let at = 3 * slots * from; at < 3 * slots * to; at += 3) {
      const scale = -summaries[at + 2];
      if (!(scale > 0)) continue;
      chiSquareInto(this.chiSquareStream, summaries[at] - 1, summaries, at + 2);
      summaries[at + 2] *= scale;
    }
  }

  /** Completers of slot `s` in draw `j`: all when nothing drops out; by inversion of a fixed dropout's table; else one uniform per patient. */
  private completers(j: number, s: number, dropout: number): number {
    const n = this.sizes[s];
    if (dropout <= 0) return n;
    if (this.tables) {
      // The smallest k with u < P(K ≤ k), by bisection: the same k as a linear scan.
      const table = this.tables[s];
      const u = this.dropoutUniforms[j];
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (u < table[mid]) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    }
    return countCompleters(this.dropoutStream, n, dropout, this.patientUniforms);
  }
}
