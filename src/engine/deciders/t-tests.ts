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

/** Fills `s` with the mean and variance of `values`. */
function summarise(values: Float64Array, s: SampleSummary): void {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    ss += d * d;
  }
  s.n = n;
  s.mean = mean;
  // One value has no spread to estimate; 0 keeps (n − 1)·variance = 0 in pooled formulas.
  s.variance = n > 1 ? ss / (n - 1) : 0;
}

/** Fills `s` with the mean and variance of the differences `x[i] − y[i]`. */
function summariseDifferences(x: Float64Array, y: Float64Array, s: SampleSummary): void {
  const n = x.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i] - y[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - y[i] - mean;
    ss += d * d;
  }
  s.n = n;
  s.mean = mean;
  s.variance = n > 1 ? ss / (n - 1) : 0;
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
    if (stat >= this.criticalValue(lowDf, alpha) * (1 + BAND)) return REJECT;
    if (stat < this.criticalValue(Math.ceil(this.df), alpha) * (1 - BAND)) return ACCEPT;
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

  /** t(1 − α/sides, df), cached per whole df for the last α used. */
  private criticalValue(df: number, alpha: number): number {
    if (alpha !== this.criticalAlpha) {
      this.criticalAlpha = alpha;
      this.critical = new Float64Array(0);
    }
    if (df >= this.critical.length) {
      const grown = new Float64Array(Math.max(df + 1, 2 * this.critical.length)).fill(NaN);
      grown.set(this.critical);
      this.critical = grown;
    }
    let c = this.critical[df];
    if (c !== c) c = this.critical[df] = tQuantile(1 - alpha / this.sides, df);
    return c;
  }
}

/**
 * A decider for a t-test. `control` is the control arm's index (ignored by the
 * one-sample test); `nullValue` is the one-sample test's null mean.
 */
export function tDecider(test: TTestId, sides: Sides, better: Better, nullValue: number, control: number): TDecider {
  return new TDecider(test, sides, better, nullValue, control);
}
