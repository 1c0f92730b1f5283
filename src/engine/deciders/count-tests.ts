import type { Better, Sides, TestResult } from '../../analysis/types.js';
import { emptyTestResult } from '../../analysis/types.js';
import { fisherExact } from '../../analysis/fisher-exact.js';
import { chiSquare } from '../../analysis/chi-square.js';
import { mcnemarExact } from '../../analysis/mcnemar-exact.js';
import { mcnemar } from '../../analysis/mcnemar.js';
import { binomialExact } from '../../analysis/binomial-exact.js';
import type { TrialData } from '../../designs/trial-data.js';
import { verdictOf, type Decider, type Verdict } from './decider.js';
import { PValueMemo } from './p-value-memo.js';

/** Number of responders (values equal to 1) in a binary sample. */
function responders(values: Float64Array): number {
  let x = 0;
  for (let i = 0; i < values.length; i++) x += values[i];
  return x;
}

/** Shared shape: compute the counts of a trial, then look the p-value up. */
abstract class CountDecider implements Decider {
  protected readonly memo = new PValueMemo();
  protected readonly out: TestResult = emptyTestResult();
  protected readonly compute: () => number = () => this.exact();

  abstract pValue(data: TrialData, treatment: number): number;

  rejects(data: TrialData, treatment: number, alpha: number): Verdict {
    return verdictOf(this.pValue(data, treatment), alpha);
  }

  /** The p-value of the counts last stored, from the analysis function. */
  protected abstract exact(): number;
}

/** Fisher's exact test or the chi-square test on the responders of two parallel arms. */
class TwoProportionDecider extends CountDecider {
  private x1 = 0;
  private n1 = 0;
  private x2 = 0;
  private n2 = 0;

  constructor(
    private readonly test: 'fisher-exact' | 'chi-square',
    private readonly options: { sides: Sides; better: Better; continuityCorrection: boolean },
    private readonly control: number,
  ) {
    super();
  }

  pValue(data: TrialData, treatment: number): number {
    const t = data.view(treatment);
    const c = data.view(this.control);
    this.n1 = t.length;
    this.n2 = c.length;
    this.x1 = responders(t);
    this.x2 = responders(c);
    return this.memo.get(this.n1 * 1_000_003 + this.n2, this.x1 * (this.n2 + 1) + this.x2, this.compute);
  }

  protected exact(): number {
    const { x1, n1, x2, n2, options, out } = this;
    return this.test === 'fisher-exact' ? fisherExact(x1, n1, x2, n2, options, out).pValue : chiSquare(x1, n1, x2, n2, options, out).pValue;
  }
}

/** McNemar's tests on the discordant pairs of a within-patient binary trial. */
class McNemarDecider extends CountDecider {
  private b = 0;
  private c = 0;

  constructor(
    private readonly test: 'mcnemar-exact' | 'mcnemar',
    private readonly options: { sides: Sides; better: Better; continuityCorrection: boolean },
    private readonly control: number,
  ) {
    super();
  }

  pValue(data: TrialData, treatment: number): number {
    const t = data.view(treatment);
    const c = data.view(this.control);
    // No patient left: there is nothing to test (R's binom.test(0, 0) is an error too).
    if (t.length === 0) return NaN;
    let b = 0;
    let cc = 0;
    for (let i = 0; i < t.length; i++) {
      if (t[i] > c[i]) b++;
      else if (t[i] < c[i]) cc++;
    }
    this.b = b;
    this.c = cc;
    // The p-value depends on (b, c) only, whatever the number of pairs.
    return this.memo.get(b, cc, this.compute);
  }

  protected exact(): number {
    return this.test === 'mcnemar-exact'
      ? mcnemarExact(this.b, this.c, this.options, this.out).pValue
      : mcnemar(this.b, this.c, this.options, this.out).pValue;
  }
}

/** The exact binomial test of a single arm's response rate against the null rate. */
class BinomialDecider extends CountDecider {
  private x = 0;
  private n = 0;

  constructor(private readonly options: { sides: Sides; better: Better; nullValue: number }) {
    super();
  }

  pValue(data: TrialData, treatment: number): number {
    const values = data.view(treatment);
    this.n = values.length;
    this.x = responders(values);
    return this.memo.get(this.n, this.x, this.compute);
  }

  protected exact(): number {
    return binomialExact(this.x, this.n, this.options, this.out).pValue;
  }
}

/** A decider for Fisher's exact or the chi-square test of two proportions. */
export function twoProportionDecider(
  test: 'fisher-exact' | 'chi-square',
  sides: Sides,
  better: Better,
  continuityCorrection: boolean,
  control: number,
): Decider {
  return new TwoProportionDecider(test, { sides, better, continuityCorrection }, control);
}

/** A decider for the exact or asymptotic McNemar test. */
export function mcnemarDecider(
  test: 'mcnemar-exact' | 'mcnemar',
  sides: Sides,
  better: Better,
  continuityCorrection: boolean,
  control: number,
): Decider {
  return new McNemarDecider(test, { sides, better, continuityCorrection }, control);
}

/** A decider for the exact binomial test against `nullValue`. */
export function binomialDecider(sides: Sides, better: Better, nullValue: number): Decider {
  return new BinomialDecider({ sides, better, nullValue });
}
