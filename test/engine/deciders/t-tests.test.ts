/**
 * The t decider must give exactly the verdict of the analysis functions
 * (src/analysis/welch-t.ts, student-t.ts, paired-t.ts, one-sample-t.ts, whose
 * p-values are checked against R's t.test in test/analysis) — including for
 * statistics a hair from the critical value, where its cached critical values
 * and its one-pass summaries must defer to the exact p-value.
 */
import { describe, expect, it } from 'vitest';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { tDecider, type TTestId } from '../../../src/engine/deciders/t-tests.js';
import { ACCEPT, REJECT } from '../../../src/engine/deciders/decider.js';
import { welchT } from '../../../src/analysis/welch-t.js';
import { studentT } from '../../../src/analysis/student-t.js';
import { pairedT } from '../../../src/analysis/paired-t.js';
import { oneSampleT } from '../../../src/analysis/one-sample-t.js';
import { TrialData } from '../../../src/designs/trial-data.js';
import { seededXorwow } from '../../../src/random/xorwow.js';
import { fillStandardNormal } from '../../../src/random/normal.js';
import { simulateParallel } from '../../../src/designs/parallel.js';
import { TrialStreams } from '../../../src/designs/streams.js';
import { allocateParameters } from '../../../src/engine/parameters.js';

const ALPHA = 0.05;
const options = { sides: 2 as const, better: 'higher' as const, nullValue: 0 };

/** A trial of `n` and `m` patients with normal data around `offset` (arm 0 twice as spread). */
function fillTrial(rng: ReturnType<typeof seededXorwow>, n: number, m: number, offset: number, data: TrialData): void {
  const [x, y] = data.values;
  fillStandardNormal(rng, x, n);
  fillStandardNormal(rng, y, m);
  for (let i = 0; i < n; i++) x[i] = offset + 2 * x[i];
  for (let i = 0; i < m; i++) y[i] = offset + y[i];
  data.counts[0] = n;
  data.counts[1] = m;
}

function reference(test: TTestId, x: Float64Array, y: Float64Array) {
  switch (test) {
    case 'welch-t':
      return welchT(x, y, options);
    case 'student-t':
      return studentT(x, y, options);
    case 'paired-t':
      return pairedT(x, y, options);
    case 'one-sample-t':
      return oneSampleT(x, options);
  }
}

/**
 * Shifts arm 0 so that the test's statistic becomes `target`: a shift of arm 0
 * moves every t statistic here linearly and leaves its df alone.
 */
function moveStatisticTo(test: TTestId, data: TrialData, target: number): void {
  const x = data.values[0];
  const n = data.counts[0];
  const t0 = reference(test, data.view(0), data.view(1)).statistic;
  for (let i = 0; i < n; i++) x[i] += 1;
  const perUnit = reference(test, data.view(0), data.view(1)).statistic - t0;
  const shift = (target - t0) / perUnit - 1;
  for (let i = 0; i < n; i++) x[i] += shift;
}

describe('t decider', () => {
  const tests: TTestId[] = ['welch-t', 'student-t', 'paired-t', 'one-sample-t'];

  it.each(tests)('%s: every verdict equals p ≤ α of the analysis function, also at the critical value', (test) => {
    const rng = seededXorwow(`decider ${test}`);
    const decider = tDecider(test, 2, 'higher', 0, 1);
    const data = new TrialData([40, 40]);
    let checked = 0;
    let rejected = 0;
    for (const n of [2, 3, 7, 35]) {
      for (const offset of [0, 1e6]) {
        for (let r = 0; r < 200; r++) {
          // Two-sample tests also get unequal arms (Welch's df then moves furthest from n − 1).
          fillTrial(rng, n, test === 'welch-t' || test === 'student-t' ? n + (r % 3) * 2 : n, offset, data);
          // Half the trials anywhere, half within 1e-12 of the exact critical value.
          const df = reference(test, data.view(0), data.view(1)).df!;
          const critical = tQuantile(1 - ALPHA / 2, df);
          moveStatisticTo(test, data, r % 2 === 0 ? 4 * (rng.uniform() - 0.5) : critical * (1 + (rng.uniform() - 0.5) * 2e-12));
          const p = reference(test, data.view(0), data.view(1)).pValue;
          const verdict = decider.rejects(data, 0, ALPHA);
          expect(verdict).toBe(p <= ALPHA ? REJECT : ACCEPT);
          expect(decider.pValue(data, 0)).toBeCloseTo(p, 9);
          checked++;
          if (verdict === REJECT) rejected++;
        }
      }
    }
    // Both verdicts occurred, so the comparison was not vacuous.
    expect(rejected).toBeGreaterThan(checked / 5);
    expect(rejected).toBeLessThan((4 * checked) / 5);
  });

  it('keeps the variance of data far from zero exact to ~1e-9 in one pass (shifted sums)', () => {
    const decider = tDecider('one-sample-t', 2, 'higher', 1e9, 1);
    const data = new TrialData([4, 4]);
    data.values[0].set([1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4]);
    data.counts[0] = 4;
    // mean 1e9 + 2.5, variance 5/3: t = 2.5 / √(5/12)
    const p = oneSampleT(data.view(0), { ...options, nullValue: 1e9 }).pValue;
    expect(decider.pValue(data, 0)).toBeCloseTo(p, 12);
  });

  it.each(['welch-t', 'student-t', 'one-sample-t'] as const)(
    '%s: on simulated trials it reads the moments computed while generating, and still gives the verdict of the analysis function on the values',
    (test) => {
      const decider = tDecider(test, 2, 'higher', 0, 1);
      const params = allocateParameters(2, 1);
      params.mean.set([0.5, 0]);
      params.sd.set([2, 1]);
      const data = new TrialData([35, 35]);
      const streams = new TrialStreams(5);
      const chunk = seededXorwow(`simulated ${test}`);
      let rejected = 0;
      for (const dropout of [0, 0.3]) {
        params.dropout = dropout;
        for (let r = 0; r < 500; r++) {
          streams.beginReplicate(chunk);
          streams.start(streams.parameters);
          simulateParallel(streams, 'continuous', Int32Array.of(35, 35), params, data);
          expect(data.moments[0]).not.toBeNaN();
          const p = reference(test, data.view(0), data.view(1)).pValue;
          const verdict = decider.rejects(data, 0, ALPHA);
          expect(verdict).toBe(p <= ALPHA ? REJECT : ACCEPT);
          expect(decider.pValue(data, 0)).toBeCloseTo(p, 9);
          if (verdict === REJECT) rejected++;
        }
      }
      expect(rejected).toBeGreaterThan(50);
      expect(rejected).toBeLessThan(950);
    },
  );

  it.each(tests)(
    '%s: tallyFromSummaries counts exactly the p ≤ α of the exact p-values, degenerate and essentially constant summaries included',
    (test) => {
      const rng = seededXorwow(`tally ${test}`);
      const decider = tDecider(test, 2, 'higher', 0, 1);
      const replicates = 3000;
      const summaries = new Float64Array(replicates * 6);
      for (let r = 0; r < replicates; r++) {
        for (let arm = 0; arm < 2; arm++) {
          const at = 6 * r + 3 * arm;
          // Mostly ordinary samples; now and then one value, no spread, or a spread
          // lost in rounding against the means (R's "data are essentially constant").
          const n = r % 97 === 0 ? 1 : 2 + Math.floor(rng.uniform() * 40);
          summaries[at] = n;
          summaries[at + 1] = r % 83 === 0 ? 1000 - 0.001 * arm : arm === 0 ? 4 * (rng.uniform() - 0.3) : 0;
          summaries[at + 2] = r % 89 === 0 ? 0 : r % 83 === 0 ? 1e-26 : 0.5 + 8 * rng.uniform();
        }
      }
      let rejections = 0;
      let degenerate = 0;
      for (let r = 0; r < replicates; r++) {
        const p = decider.pValueFromSummaries(summaries, 6 * r, 0, 1);
        if (p !== p) degenerate++;
        else if (p <= ALPHA) rejections++;
      }
      const tally = new Int32Array(2);
      decider.tallyFromSummaries(summaries, 6, replicates, 0, 1, ALPHA, tally);
      expect([tally[0], tally[1]]).toEqual([rejections, degenerate]);
      expect(rejections).toBeGreaterThan(replicates / 10);
      expect(degenerate).toBeGreaterThan(0);
    },
  );

  it.each(tests)('%s: beyond 100 000 df (one critical value per df would be 80 MB at n = 10⁷) the verdicts still equal p ≤ α', (test) => {
    const rng = seededXorwow(`large df ${test}`);
    const decider = tDecider(test, 2, 'higher', 0, 1);
    const replicates = 2000;
    const summaries = new Float64Array(replicates * 6);
    const z = 1.959963984540054;
    for (let r = 0; r < replicates; r++) {
      const n = 100_000 + Math.floor(rng.uniform() * 400_000);
      for (let arm = 0; arm < 2; arm++) {
        const at = 6 * r + 3 * arm;
        summaries[at] = n;
        summaries[at + 2] = 1;
      }
      // |t| within a relative 1e-4 of z, half of them within 1e-6: the band between t(100 000) and z.
      const se = test === 'welch-t' || test === 'student-t' ? Math.sqrt(2 / n) : Math.sqrt(1 / n);
      const spread = r % 2 === 0 ? 1e-4 : 1e-6;
      summaries[6 * r + 1] = z * se * (1 + spread * (2 * rng.uniform() - 1));
    }
    let rejections = 0;
    for (let r = 0; r < replicates; r++) if (decider.pValueFromSummaries(summaries, 6 * r, 0, 1) <= ALPHA) rejections++;
    const tally = new Int32Array(2);
    decider.tallyFromSummaries(summaries, 6, replicates, 0, 1, ALPHA, tally);
    expect([tally[0], tally[1]]).toEqual([rejections, 0]);
    expect(rejections).toBeGreaterThan(replicates / 10);
    expect(rejections).toBeLessThan(replicates - replicates / 10);
  });
});
