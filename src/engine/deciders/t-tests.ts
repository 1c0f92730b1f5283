import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { Better, SampleSummary, Sides, TestResult } from '../../analysis/types.js';
import { emptyTestResult } from '../../analysis/types.js';
import { welchDf, welchTFromSummary } from '../../analysis/welch-t.js';
import { studentTFromSummary } from '../../analysis/student-t.js';
import { pairedTFromSummary } from '../../analysis/paired-t.js';
import { oneSampleTFromSummary } from '../../analysis/one-sample-t.js';
import type { TrialData } from '../../designs/trial-data.js';
import { ACCEPT, DEGENERATE, REJECT, verdictOf, type Decider, type Verdict } from './decider.js';

/** The t-tests, which share this decider. */
export type TTestId = 'welch-t' | 'student-t' | 'paired-t' | 'one-sample-t';

/** Relative margin around a critical value inside which the exact p-value decides. */
const BAND = 1e-9;

/** Neither verdict is certain from the critical values at hand. */
const UNDECIDED = 2;

/**
 * Largest df with a critical value of its own. Critical values fall with df
 * towards the normal quantile z, so for df above it t(DF_CAP) bounds them from
 * above (a REJECT stays exact) and z, kept in slot DF_CAP + 1, from below (an
 * ACCEPT stays exact); the |t| in between, about 1e-5 of z wide, get the exact
 * p-value. Keeps the table at 800 kB whatever n is (one double per df would
 * be 80 MB per worker at n = 10⁷).
 */
const DF_CAP = 100_000;

/** (10 ε)²: below 10 ε of the largest |mean|, the analysis functions call a standard error degenerate. */
const ESSENTIALLY_CONSTANT = (10 * Number.EPSILON) ** 2;

/*
 * One pass over the data, about the first value: with a shift K taken from the
 * sample, Σ(x − K) and Σ(x − K)² give the mean and variance without the
 * cancellation of the textbook one-pass formula (Chan, Golub & LeVeque 1983:
 * the error grows with (mean − K)²/variance, which is O(1) here). Half the
 * passes of the two-pass method, on the path every simulated trial takes; the
 * rare verdicts near the critical value are settled by exact p-values from
 * these same summaries.
 */

/** Writes [n, mean, variance] of `values` to `m[at..at+3)`. */
function summarise(values: Float64Array, m: Float64Array, at: number): void {
  const n = values.length;
  const shift = n > 0 ? values[0] : 0;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - shift;
    sum += d;
    squares += d * d;
  }
  setSummary(m, at, n, shift, sum, squares);
}

/** Writes [n, mean, variance] of arm `a`'s completers to `m[at..at+3)`: the moments the simulation computed when it did, else from the values. */
function summariseArm(data: TrialData, a: number, m: Float64Array, at: number): void {
  const mean = data.moments[2 * a];
  if (mean !== mean) {
    summarise(data.view(a), m, at);
    return;
  }
  m[at] = data.counts[a];
  m[at + 1] = mean;
  m[at + 2] = data.moments[2 * a + 1];
}

/** Writes [n, mean, variance] of the differences `x[i] − y[i]` to `m[at..at+3)`. */
function summariseDifferences(x: Float64Array, y: Float64Array, m: Float64Array, at: number): void {
  const n = x.length;
  const shift = n > 0 ? x[0] - y[0] : 0;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - y[i] - shift;
    sum += d;
    squares += d * d;
  }
  setSummary(m, at, n, shift, sum, squares);
}

/** The summary from the shifted sums of `summarise`. */
function setSummary(m: Float64Array, at: number, n: number, shift: number, sum: number, squares: number): void {
  m[at] = n;
  m[at + 1] = shift + sum / n;
  // One value has no spread to estimate; 0 keeps (n − 1)·variance = 0 in pooled
  // formulas. Rounding can leave a constant sample a hair below 0.
  m[at + 2] = n > 1 ? Math.max(0, (squares - (sum * sum) / n) / (n - 1)) : 0;
}

/**
 * Decides t-tests without a t CDF in the common case. The statistic is compared
 * with critical values t(1 − α/sides, df) cached per whole df, which fall as df
 * grows. Welch's fractional df is not even computed at first: it lies in
 * [min(nx, ny) − 1, nx + ny − 2], so |t| above the critical value of the lower
 * end rejects and below that of the upper end accepts, whatever df is. Only
 * between the two (about 1 % of trials) is df computed, and |t| above
 * crit(⌊df⌋) rejects, below crit(⌈df⌉) accepts. Only in the thin band left, or
 * when the data look degenerate, is the exact p-value of the analysis function
 * computed, so every verdict equals `pValue <= alpha`.
 *
 * Summaries travel as [n, mean, variance] triples in Float64Arrays, never in
 * object fields or arguments, which V8 would box: this runs once per simulated trial.
 */
export class TDecider implements Decider {
  /** The summaries `rejects` and `pValue` compute from data: the first sample at 0, the second at 3. */
  private readonly own = new Float64Array(6);
  private readonly x: SampleSummary = { n: 0, mean: 0, variance: 0 };
  private readonly y: SampleSummary = { n: 0, mean: 0, variance: 0 };
  private readonly out: TestResult = emptyTestResult();
  private critical = new Float64Array(0);
  private criticalAlpha = NaN;
  private readonly options: { sides: Sides; better: Better; nullValue: number };

  constructor(
    private readonly test: TTestId,
    private readonly sides: Sides,
    private readonly better: Better,
    private readonly nullValue: number,
    private readonly control: number,
  ) {
    this.options = { sides, better, nullValue };
  }

  pValue(data: TrialData, treatment: number): number {
    this.summarise(data, treatment);
    return this.exactPValue(this.own, 0, 3);
  }

  rejects(data: TrialData, treatment: number, alpha: number): Verdict {
    this.summarise(data, treatment);
    return this.decide(this.own, 0, 3, alpha);
  }

  /**
   * The p-value from summaries simulated directly (the fast path): from index
   * `at`, `summaries` holds [n, mean, variance] of arm a at `at + 3a`;
   * `treatment` is the treatment arm (or the paired differences), `control`
   * the control arm.
   */
  pValueFromSummaries(summaries: Float64Array, at: number, treatment: number, control: number): number {
    return this.exactPValue(summaries, at + 3 * treatment, at + 3 * control);
  }

  /**
   * Tallies the verdicts of `length` replicates whose summaries lie `stride`
   * apart from index 0 of `summaries`, laid out as for `pValueFromSummaries`:
   * rejections to `tally[0]`, degenerate trials to `tally[1]`. The fast path's
   * loop over a chunk, kept here so that the decision inlines into it.
   */
  tallyFromSummaries(
    summaries: Float64Array,
    stride: number,
    length: number,
    treatment: number,
    control: number,
    alpha: number,
    tally: Int32Array,
  ): void {
    let rejections = 0;
    let degenerate = 0;
    for (let r = 0, at = 0; r < length; r++, at += stride) {
      const verdict = this.decide(summaries, at + 3 * treatment, at + 3 * control, alpha);
      if (verdict === REJECT) rejections++;
      else if (verdict === DEGENERATE) degenerate++;
    }
    tally[0] = rejections;
    tally[1] = degenerate;
  }

  /** The verdict for the summaries at `m[xi..xi+3)` (and, for two samples, `m[yi..yi+3)`). */
  private decide(m: Float64Array, xi: number, yi: number, alpha: number): Verdict {
    const nx = m[xi];
    const meanX = m[xi + 1];
    const varianceX = m[xi + 2];
    let se2: number;
    let t: number;
    let minDf: number;
    let maxDf: number;
    // The largest |mean|: a standard error below 10 ε of it is R's "data are essentially constant".
    let scale = Math.abs(meanX);
    if (this.test === 'welch-t' || this.test === 'student-t') {
      const ny = m[yi];
      scale = Math.max(scale, Math.abs(m[yi + 1]));
      const varianceY = m[yi + 2];
      if (this.test === 'welch-t') {
        se2 = varianceX / nx + varianceY / ny;
        // Welch–Satterthwaite df always lie in this range.
        minDf = Math.min(nx, ny) - 1;
        maxDf = nx + ny - 2;
      } else {
        minDf = maxDf = nx + ny - 2;
        se2 = (((nx - 1) * varianceX + (ny - 1) * varianceY) / maxDf) * (1 / nx + 1 / ny);
      }
      t = (meanX - m[yi + 1]) / Math.sqrt(se2);
    } else {
      se2 = varianceX / nx;
      t = (meanX - (this.test === 'one-sample-t' ? this.nullValue : 0)) / Math.sqrt(se2);
      minDf = maxDf = nx - 1;
    }
    // Unusable summaries (too few values, no spread, a spread lost in rounding) are left to the exact function.
    if (nx >= 2 && se2 > 0 && se2 >= ESSENTIALLY_CONSTANT * scale * scale && Number.isFinite(t) && minDf >= 1) {
      const stat = this.sides === 2 ? Math.abs(t) : this.better === 'higher' ? t : -t;
      let verdict = this.compare(stat, minDf, maxDf, alpha);
      if (verdict === UNDECIDED && minDf !== maxDf) {
        const df = welchDf(varianceX, nx, m[yi + 2], m[yi]);
        verdict = this.compare(stat, Math.floor(df), Math.ceil(df), alpha);
      }
      if (verdict !== UNDECIDED) return verdict;
    }
    return verdictOf(this.exactPValue(m, xi, yi), alpha);
  }

  /** The verdict when `stat` is clear of the critical values of every df in [low, high], else UNDECIDED. */
  private compare(stat: number, lowDf: number, highDf: number, alpha: number): Verdict | typeof UNDECIDED {
    const low = Math.min(lowDf, DF_CAP);
    const high = highDf > DF_CAP ? DF_CAP + 1 : highDf;
    this.ensureCriticalValues(low, high, alpha);
    // Read from the table here rather than through a getter: V8 boxes a double
    // returned from a call it does not inline, twice per simulated trial.
    const critical = this.critical;
    if (stat >= critical[low] * (1 + BAND)) return REJECT;
    if (stat < critical[high] * (1 - BAND)) return ACCEPT;
    return UNDECIDED;
  }

  private summarise(data: TrialData, treatment: number): void {
    if (this.test === 'paired-t') summariseDifferences(data.view(treatment), data.view(this.control), this.own, 0);
    else summariseArm(data, treatment, this.own, 0);
    if (this.test === 'welch-t' || this.test === 'student-t') summariseArm(data, this.control, this.own, 3);
  }

  /** The exact p-value of the analysis function for the summaries at `m[xi..]` and `m[yi..]`. */
  private exactPValue(m: Float64Array, xi: number, yi: number): number {
    const { x, y, out, options } = this;
    x.n = m[xi];
    x.mean = m[xi + 1];
    x.variance = m[xi + 2];
    switch (this.test) {
      case 'paired-t':
        return pairedTFromSummary(x, options, out).pValue;
      case 'one-sample-t':
        return oneSampleTFromSummary(x, options, out).pValue;
    }
    y.n = m[yi];
    y.mean = m[yi + 1];
    y.variance = m[yi + 2];
    return this.test === 'welch-t' ? welchTFromSummary(x, y, options, out).pValue : studentTFromSummary(x, y, options, out).pValue;
  }

  /** Makes `critical[df]` = t(1 − α/sides, df) for df = `low` and `high` (slot DF_CAP + 1: the normal quantile); the table is kept per α. */
  private ensureCriticalValues(low: number, high: number, alpha: number): void {
    if (alpha !== this.criticalAlpha) {
      this.criticalAlpha = alpha;
      this.critical = new Float64Array(0);
    }
    if (high >= this.critical.length) {
      const grown = new Float64Array(Math.max(high + 1, 2 * this.critical.length)).fill(NaN);
      grown.set(this.critical);
      this.critical = grown;
    }
    const critical = this.critical;
    if (critical[low] !== critical[low]) critical[low] = tQuantile(1 - alpha / this.sides, low);
    if (critical[high] !== critical[high])
      critical[high] = high > DF_CAP ? normalQuantile(1 - alpha / this.sides, 0, 1) : tQuantile(1 - alpha / this.sides, high);
  }
}

/**
 * A decider for a t-test. `control` is the control arm's index (ignored by the
 * one-sample test); `nullValue` is the one-sample test's null mean.
 */
export function tDecider(test: TTestId, sides: Sides, better: Better, nullValue: number, control: number): TDecider {
  return new TDecider(test, sides, better, nullValue, control);
}
