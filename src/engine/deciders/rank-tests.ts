import type { Better, Sides, TestResult } from '../../analysis/types.js';
import { emptyTestResult } from '../../analysis/types.js';
import { mannWhitney, mannWhitneyFromCounts } from '../../analysis/mann-whitney.js';
import { wilcoxonSignedRank, wilcoxonSignedRankPaired } from '../../analysis/wilcoxon-signed-rank.js';
import type { TrialData } from '../../designs/trial-data.js';
import { verdictOf, type Decider, type Verdict } from './decider.js';

/** Counts of each category (values are category indices) into `counts`. */
function countCategories(values: Float64Array, counts: Float64Array): void {
  counts.fill(0);
  for (let i = 0; i < values.length; i++) counts[values[i]]++;
}

/**
 * The Wilcoxon–Mann–Whitney test of two parallel arms. Ordinal outcomes are
 * reduced to category counts first, which is all the test needs when every
 * value is a tie with many others.
 */
class MannWhitneyDecider implements Decider {
  private readonly out: TestResult = emptyTestResult();
  private readonly countsX: Float64Array;
  private readonly countsY: Float64Array;

  constructor(
    private readonly options: { sides: Sides; better: Better },
    private readonly control: number,
    private readonly categories: number,
  ) {
    this.countsX = new Float64Array(categories);
    this.countsY = new Float64Array(categories);
  }

  pValue(data: TrialData, treatment: number): number {
    if (this.categories === 0) return mannWhitney(data.view(treatment), data.view(this.control), this.options, this.out).pValue;
    countCategories(data.view(treatment), this.countsX);
    countCategories(data.view(this.control), this.countsY);
    return mannWhitneyFromCounts(this.countsX, this.countsY, this.options, this.out).pValue;
  }

  rejects(data: TrialData, treatment: number, alpha: number): Verdict {
    return verdictOf(this.pValue(data, treatment), alpha);
  }
}

/** The Wilcoxon signed-rank test: of paired sites within patients, or of one arm against the null value. */
class SignedRankDecider implements Decider {
  private readonly out: TestResult = emptyTestResult();

  constructor(
    private readonly options: { sides: Sides; better: Better; nullValue: number },
    private readonly control: number,
  ) {}

  pValue(data: TrialData, treatment: number): number {
    return this.control < 0
      ? wilcoxonSignedRank(data.view(treatment), this.options, this.out).pValue
      : wilcoxonSignedRankPaired(data.view(treatment), data.view(this.control), this.options, this.out).pValue;
  }

  rejects(data: TrialData, treatment: number, alpha: number): Verdict {
    return verdictOf(this.pValue(data, treatment), alpha);
  }
}

/**
 * A decider for the Mann–Whitney test; `categories` is the number of ordinal
 * categories, or 0 for continuous outcomes.
 */
export function mannWhitneyDecider(sides: Sides, better: Better, control: number, categories: number): Decider {
  return new MannWhitneyDecider({ sides, better }, control, categories);
}

/** A decider for the signed-rank test; `control` is −1 for a single arm against `nullValue`. */
export function signedRankDecider(sides: Sides, better: Better, nullValue: number, control: number): Decider {
  return new SignedRankDecider({ sides, better, nullValue }, control);
}
