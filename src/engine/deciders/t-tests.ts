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
 * with critical values t(1 − α/sides, df) cached per whole df; Welch's
 * fractional df lies between two whole ones, and since the critical value falls
 * as df grows, |t| above crit(⌊df⌋) rejects and below crit(⌈df⌉) accepts. Only in
 * that thin band, or when the data look degenerate, is the exact p-value of the
 * analysis function computed, so every verdict equals `pValue <= alpha`.
 */
export class TDecider implements Decider {
  private readonly x: SampleSummary = { n: 0, mean: 0, variance: 0 };
  private readonly y: SampleSummary = { n: 0, mean: 0, variance: 0 };
  private readonly out: TestResult = emptyTestResult();
  private critical = new Float64Array(0);
  private criticalAlpha = NaN;
  private readonly options: { sides: Sides; better: Better; nullValue: number };
  private t = 0;
  private df = 0;

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

  /** The p-value from summaries simulated directly (the fast path): `x` treatment or differences, `y` control. */
  pValueFromSummaries(x: SampleSummary, y: SampleSummary): number {
    this.copy(x, y);
    return this.exactPValue();
  }

  /** The verdict from summaries simulated directly (the fast path). */
  rejectsFromSummaries(x: SampleSummary, y: SampleSummary, alpha: number): Verdict {
    this.copy(x, y);
    return this.decide(alpha);
  }

  private copy(x: SampleSummary, y: SampleSummary): void {
    this.x.n = x.n;
    this.x.mean = x.mean;
    this.x.variance = x.variance;
    this.y.n = y.n;
    this.y.mean = y.mean;
    this.y.variance = y.variance;
  }

  private decide(alpha: number): Verdict {
    if (!this.statistic()) return verdictOf(this.exactPValue(), alpha);
    const stat = this.sides === 2 ? Math.abs(this.t) : this.better === 'higher' ? this.t : -this.t;
    const lowDf = Math.floor(this.df);
    const highDf = Math.ceil(this.df);
    this.ensureCriticalValues(lowDf, highDf, alpha);
    // Read from the table here rather than through a getter: V8 boxes a double
    // returned from a call it does not inline, twice per simulated trial.
    const critical = this.critical;
    if (stat >= critical[lowDf] * (1 + BAND)) return REJECT;
    if (stat < critical[highDf] * (1 - BAND)) return ACCEPT;
    return verdictOf(this.exactPValue(), alpha);
  }

  private summarise(data: TrialData, treatment: number): void {
    if (this.test === 'paired-t') summariseDifferences(data.view(treatment), data.view(this.control), this.x);
    else summarise(data.view(treatment), this.x);
    if (this.test === 'welch-t' || this.test === 'student-t') summarise(data.view(this.control), this.y);
  }

  /** Computes t and df from the summaries; false when they are not usable (left to the exact function). */
  private statistic(): boolean {
    const { x, y } = this;
    let se2: number;
    switch (this.test) {
      case 'welch-t':
        se2 = x.variance / x.n + y.variance / y.n;
        this.t = (x.mean - y.mean) / Math.sqrt(se2);
        this.df = welchDf(x.variance, x.n, y.variance, y.n);
        break;
      case 'student-t': {
        this.df = x.n + y.n - 2;
        const pooled = ((x.n - 1) * x.variance + (y.n - 1) * y.variance) / this.df;
        se2 = pooled * (1 / x.n + 1 / y.n);
        this.t = (x.mean - y.mean) / Math.sqrt(se2);
        break;
      }
      default:
        this.df = x.n - 1;
        se2 = x.variance / x.n;
        this.t = (x.mean - (this.test === 'one-sample-t' ? this.nullValue : 0)) / Math.sqrt(se2);
    }
    return x.n >= 2 && se2 > 0 && Number.isFinite(this.t) && this.df >= 1;
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
