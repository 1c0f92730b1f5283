import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { Better, SampleSummary, Sides, TestResult } from '../../analysis/types.js';
import { emptyTestResult } from '../../analysis/types.js';
import { welchDf, welchTFromSummary } from '../../analysis/welch-t.js';
import { studentTFromSummary } from '../../analysis/student-t.js';
import { pairedTFromSummary } from '../../analysis/paired-t.js';
import { oneSampleTFromSummary } from '../../analysis/one-sample-t.js';
import type { TrialData } from '../../designs/trial-data.js';
import { ACCEPT, REJECT, verdictOf, type Decider, type Verdict } from './decider.js';

/** The t-tests, which share this decider. */
export type TTestId = 'welch-t' | 'student-t' | 'paired-t' | 'one-sample-t';

/** Relative margin around a critical value inside which the exact p-value decides. */
const BAND = 1e-9;

/** Neither verdict is certain from the critical values at hand. */
const UNDECIDED = 2;

/*
 * One pass over the data, about the first value: with a shift K taken from the
 * sample, Σ(x − K) and Σ(x − K)² give the mean and variance without the
 * cancellation of the textbook one-pass formula (Chan, Golub & LeVeque 1983:
 * the error grows with (mean − K)²/variance, which is O(1) here). Half the
 * passes of the two-pass method, on the path every simulated trial takes; the
 * rare verdicts near the critical value are settled by exact p-values from
 * these same summaries.
 */

/** Fills `s` with the mean and variance of `values`. */
function summarise(values: Float64Array, s: SampleSummary): void {
  const n = values.length;
  const shift = n > 0 ? values[0] : 0;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - shift;
    sum += d;
    squares += d * d;
  }
  setSummary(s, n, shift, sum, squares);
}

/** Fills `s` with the mean and variance of arm `a`'s completers: the moments the simulation computed when it did, else from the values. */
function summariseArm(data: TrialData, a: number, s: SampleSummary): void {
  const mean = data.moments[2 * a];
  if (mean !== mean) {
    summarise(data.view(a), s);
    return;
  }
  s.n = data.counts[a];
  s.mean = mean;
  s.variance = data.moments[2 * a + 1];
}

/** Fills `s` with the mean and variance of the differences `x[i] − y[i]`. */
function summariseDifferences(x: Float64Array, y: Float64Array, s: SampleSummary): void {
  const n = x.length;
  const shift = n > 0 ? x[0] - y[0] : 0;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - y[i] - shift;
    sum += d;
    squares += d * d;
  }
  setSummary(s, n, shift, sum, squares);
}

/** The summary from the shifted sums of `summarise`. */
function setSummary(s: SampleSummary, n: number, shift: number, sum: number, squares: number): void {
  s.n = n;
  s.mean = shift + sum / n;
  // One value has no spread to estimate; 0 keeps (n − 1)·variance = 0 in pooled
  // formulas. Rounding can leave a constant sample a hair below 0.
  s.variance = n > 1 ? Math.max(0, (squares - (sum * sum) / n) / (n - 1)) : 0;
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
 */
export class TDecider implements Decider {
  private readonly x: SampleSummary = { n: 0, mean: 0, variance: 0 };
  private readonly y: SampleSummary = { n: 0, mean: 0, variance: 0 };
  private readonly out: TestResult = emptyTestResult();
  private critical = new Float64Array(0);
  private criticalAlpha = NaN;
  private readonly options: { sides: Sides; better: Better; nullValue: number };
  private t = 0;
  /** Bounds on the test's df: equal except for Welch's test. */
  private minDf = 0;
  private maxDf = 0;

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
    return this.exactPValue();
  }

  rejects(data: TrialData, treatment: number, alpha: number): Verdict {
    this.summarise(data, treatment);
    return this.decide(alpha);
  }

  /**
   * The p-value from summaries simulated directly (the fast path): `summaries`
   * holds [n, mean, variance] of arm a at index 3a; `treatment` is the
   * treatment arm (or the paired differences), `control` the control arm.
   */
  pValueFromSummaries(summaries: Float64Array, treatment: number, control: number): number {
    this.load(summaries, treatment, control);
    return this.exactPValue();
  }

  /** The verdict from summaries simulated directly (the fast path), laid out as for `pValueFromSummaries`. */
  rejectsFromSummaries(summaries: Float64Array, treatment: number, control: number, alpha: number): Verdict {
    this.load(summaries, treatment, control);
    return this.decide(alpha);
  }

  private load(summaries: Float64Array, treatment: number, control: number): void {
    const { x, y } = this;
    x.n = summaries[3 * treatment];
    x.mean = summaries[3 * treatment + 1];
    x.variance = summaries[3 * treatment + 2];
    y.n = summaries[3 * control];
    y.mean = summaries[3 * control + 1];
    y.variance = summaries[3 * control + 2];
  }

  private decide(alpha: number): Verdict {
    if (!this.statistic()) return verdictOf(this.exactPValue(), alpha);
    const stat = this.sides === 2 ? Math.abs(this.t) : this.better === 'higher' ? this.t : -this.t;
    let verdict = this.compare(stat, this.minDf, this.maxDf, alpha);
    if (verdict === UNDECIDED && this.minDf !== this.maxDf) {
      const { x, y } = this;
      const df = welchDf(x.variance, x.n, y.variance, y.n);
      verdict = this.compare(stat, Math.floor(df), Math.ceil(df), alpha);
    }
    return verdict === UNDECIDED ? verdictOf(this.exactPValue(), alpha) : verdict;
  }

  /** The verdict when `stat` is clear of the critical values of every df in [low, high], else UNDECIDED. */
  private compare(stat: number, low: number, high: number, alpha: number): Verdict | typeof UNDECIDED {
    this.ensureCriticalValues(low, high, alpha);
    // Read from the table here rather than through a getter: V8 boxes a double
    // returned from a call it does not inline, twice per simulated trial.
    const critical = this.critical;
    if (stat >= critical[low] * (1 + BAND)) return REJECT;
    if (stat < critical[high] * (1 - BAND)) return ACCEPT;
    return UNDECIDED;
  }

  private summarise(data: TrialData, treatment: number): void {
    if (this.test === 'paired-t') summariseDifferences(data.view(treatment), data.view(this.control), this.x);
    else summariseArm(data, treatment, this.x);
    if (this.test === 'welch-t' || this.test === 'student-t') summariseArm(data, this.control, this.y);
  }

  /** Computes t and df from the summaries; false when they are not usable (left to the exact function). */
  private statistic(): boolean {
    const { x, y } = this;
    let se2: number;
    switch (this.test) {
      case 'welch-t':
        se2 = x.variance / x.n + y.variance / y.n;
        this.t = (x.mean - y.mean) / Math.sqrt(se2);
        // Welch–Satterthwaite df always lie in this range.
        this.minDf = Math.min(x.n, y.n) - 1;
        this.maxDf = x.n + y.n - 2;
        break;
      case 'student-t': {
        const df = x.n + y.n - 2;
        const pooled = ((x.n - 1) * x.variance + (y.n - 1) * y.variance) / df;
        se2 = pooled * (1 / x.n + 1 / y.n);
        this.t = (x.mean - y.mean) / Math.sqrt(se2);
        this.minDf = this.maxDf = df;
        break;
      }
      default:
        se2 = x.variance / x.n;
        this.t = (x.mean - (this.test === 'one-sample-t' ? this.nullValue : 0)) / Math.sqrt(se2);
        this.minDf = this.maxDf = x.n - 1;
    }
    return x.n >= 2 && se2 > 0 && Number.isFinite(this.t) && this.minDf >= 1;
  }

  private exactPValue(): number {
    const { x, y, out, options } = this;
    switch (this.test) {
      case 'welch-t':
        return welchTFromSummary(x, y, options, out).pValue;
      case 'student-t':
        return studentTFromSummary(x, y, options, out).pValue;
      case 'paired-t':
        return pairedTFromSummary(x, options, out).pValue;
      case 'one-sample-t':
        return oneSampleTFromSummary(x, options, out).pValue;
    }
  }

  /** Makes `critical[df]` = t(1 − α/sides, df) for df = `low` and `high`; the table is kept per α. */
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
    if (critical[high] !== critical[high]) critical[high] = tQuantile(1 - alpha / this.sides, high);
  }
}

/**
 * A decider for a t-test. `control` is the control arm's index (ignored by the
 * one-sample test); `nullValue` is the one-sample test's null mean.
 */
export function tDecider(test: TTestId, sides: Sides, better: Better, nullValue: number, control: number): TDecider {
  return new TDecider(test, sides, better, nullValue, control);
}
