/**
 * Degenerate analyses (issue 8): a simulated trial whose analysis cannot be
 * done — too few completers, zero variance, a zero margin, only ties — is
 * counted in `degenerate` and scored as a non-rejection. The point estimate is
 * then a finite power with a finite interval, never a NaN and never a silent
 * 0 %: the count says how many trials were scored that way.
 */
import { describe, expect, it } from 'vitest';
import { runPoint } from '../../src/engine/run-point.js';
import { formatIssues } from '../../src/scenario/format-issues.js';
import { loadScenario } from '../../src/scenario/load.js';

const R = 2000;
const file = (design: object, endpoint: object, analysis: object, fastPath = false) =>
  JSON.stringify({
    format: 'trialsim/1',
    title: 'degenerate',
    design,
    endpoint,
    analysis,
    simulation: { replicates: R, seed: 'degenerate', fastPath },
  });
const par = (n: number, dropout = 0) => ({ kind: 'parallel', arms: [{ id: 't' }, { id: 'c', control: true }], n, dropout });
const within = (n: number, dropout = 0) => ({
  kind: 'within-patient',
  arms: [{ id: 't' }, { id: 'c', control: true }],
  n,
  correlation: 0.5,
  dropout,
});
const single = (n: number, dropout = 0) => ({ kind: 'single-arm', arms: [{ id: 't' }], n, dropout });
const cont = { kind: 'continuous', better: 'higher', arms: { t: { mean: 1, sd: 1 }, c: { mean: 0, sd: 1 } } };
const cont1 = { kind: 'continuous', better: 'higher', arms: { t: { mean: 1, sd: 1 } } };
const bin = (pt: number, pc: number) => ({ kind: 'binary', better: 'higher', arms: { t: { p: pt }, c: { p: pc } } });
const ties = { kind: 'ordinal', better: 'higher', categories: ['none', 'some'], arms: { t: { probs: [1, 0] }, c: { probs: [1, 0] } } };

/**
 * Every test of the catalogue (and both simulation paths of the t-tests) in a
 * setting where its analysis degenerates. `mcnemar-exact` degenerates only
 * when no patient completed (R's binom.test(0, 0) is an error too): without
 * discordant pairs it gives p = 1 by design (see the next tests).
 */
const cases: Array<[string, string]> = [
  ['welch-t, n = 4 with dropout 0.9', file(par(4, 0.9), cont, { test: 'welch-t' })],
  ['welch-t on the fast path', file(par(4, 0.9), cont, { test: 'welch-t' }, true)],
  ['student-t, n = 4 with dropout 0.9', file(par(4, 0.9), cont, { test: 'student-t' })],
  ['student-t on the fast path', file(par(4, 0.9), cont, { test: 'student-t' }, true)],
  ['paired-t, 2 patients with dropout 0.9', file(within(2, 0.9), cont, { test: 'paired-t' })],
  ['paired-t on the fast path', file(within(2, 0.9), cont, { test: 'paired-t' }, true)],
  ['one-sample-t, 2 patients with dropout 0.9', file(single(2, 0.9), cont1, { test: 'one-sample-t' })],
  ['one-sample-t on the fast path', file(single(2, 0.9), cont1, { test: 'one-sample-t' }, true)],
  ['mann-whitney (continuous), n = 4 with dropout 0.9', file(par(4, 0.9), cont, { test: 'mann-whitney' })],
  ['mann-whitney (ordinal), every outcome tied', file(par(20), ties, { test: 'mann-whitney' })],
  ['wilcoxon-signed-rank (within, ordinal), every pair tied', file(within(20), ties, { test: 'wilcoxon-signed-rank' })],
  ['wilcoxon-signed-rank (single arm), 2 patients with dropout 0.9', file(single(2, 0.9), cont1, { test: 'wilcoxon-signed-rank' })],
  ['fisher-exact, an arm with no completers', file(par(4, 0.9), bin(0.5, 0.2), { test: 'fisher-exact' })],
  ['chi-square, p = 0 in both arms (a zero margin)', file(par(20), bin(0, 0), { test: 'chi-square' })],
  ['chi-square with correction, p = 1 in both arms', file(par(20), bin(1, 1), { test: 'chi-square', continuityCorrection: true })],
  ['mcnemar (asymptotic), p = 0 in both arms (no discordant pairs)', file(within(20), bin(0, 0), { test: 'mcnemar' })],
  ['mcnemar (asymptotic), no completers', file(within(2, 0.9), bin(0.5, 0.2), { test: 'mcnemar' })],
  ['mcnemar-exact, no completers', file(within(2, 0.9), bin(0.5, 0.2), { test: 'mcnemar-exact' })],
  [
    'binomial-exact, no completers',
    file(single(2, 0.9), { kind: 'binary', better: 'higher', arms: { t: { p: 0.5 } } }, { test: 'binomial-exact', null: 0.3 }),
  ],
  [
    'three arms (holm), n = 6 with dropout 0.9',
    JSON.stringify({
      format: 'trialsim/1',
      title: 'degenerate',
      design: { kind: 'parallel', arms: [{ id: 'a' }, { id: 'b' }, { id: 'c', control: true }], n: 6, dropout: 0.9 },
      endpoint: { kind: 'continuous', better: 'higher', arms: { a: { mean: 1, sd: 1 }, b: { mean: 1, sd: 1 }, c: { mean: 0, sd: 1 } } },
      analysis: { test: 'welch-t' },
      simulation: { replicates: R, seed: 'degenerate', fastPath: false },
    }),
  ],
];

describe('degenerate analyses are counted and scored as non-rejections', () => {
  it.each(cases)('%s', (_, text) => {
    const loaded = loadScenario(text);
    if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
    const r = runPoint(loaded.resolved);
    expect(r.replicates).toBe(R);
    expect(r.degenerate).toBeGreaterThan(0);
    expect(r.successes + r.degenerate).toBeLessThanOrEqual(R);
    for (const x of [r.power, r.mcse, ...r.ci95]) {
      expect(Number.isFinite(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    expect(r.ci95[0]).toBeLessThanOrEqual(r.power);
    expect(r.ci95[1]).toBeGreaterThanOrEqual(r.power);
  });

  it('scores an all-degenerate point as 0 successes with a finite interval (never NaN)', () => {
    const loaded = loadScenario(file(par(20), bin(0, 0), { test: 'chi-square' }));
    if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
    const r = runPoint(loaded.resolved);
    expect([r.successes, r.degenerate, r.power]).toEqual([0, R, 0]);
    expect(r.ci95[1]).toBeGreaterThan(0);
  });

  it('exact tests with nothing to test are not degenerate: Fisher with a zero margin and McNemar without discordant pairs give p = 1, as in R', () => {
    for (const text of [file(par(20), bin(0, 0), { test: 'fisher-exact' }), file(within(20), bin(0, 0), { test: 'mcnemar-exact' })]) {
      const loaded = loadScenario(text);
      if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
      expect(runPoint(loaded.resolved)).toMatchObject({ successes: 0, degenerate: 0, power: 0 });
    }
  });

  it('several comparisons: a trial another comparison made a success is not also counted as degenerate', () => {
    // Three arms of 3 patients, 40 % dropout: one active arm often has fewer than 2 completers,
    // while the other still rejects (means 20 vs 0, SD 1); success = any comparison (Holm).
    const loaded = loadScenario(
      JSON.stringify({
        format: 'trialsim/1',
        title: 'degenerate',
        design: { kind: 'parallel', arms: [{ id: 'a' }, { id: 'b' }, { id: 'c', control: true }], n: 9, dropout: 0.4 },
        endpoint: { kind: 'continuous', better: 'higher', arms: { a: { mean: 20, sd: 1 }, b: { mean: 20, sd: 1 }, c: { mean: 0, sd: 1 } } },
        analysis: { test: 'welch-t', success: 'any' },
        simulation: { replicates: R, seed: 'degenerate', fastPath: false },
      }),
    );
    if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
    const r = runPoint(loaded.resolved);
    expect(r.successes).toBeGreaterThan(0);
    expect(r.degenerate).toBeGreaterThan(0);
    expect(r.successes + r.degenerate).toBeLessThanOrEqual(R);
  });

  it('counts no degenerate trial in a healthy design', () => {
    const loaded = loadScenario(file(par(40, 0.1), cont, { test: 'welch-t' }));
    if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
    expect(runPoint(loaded.resolved).degenerate).toBe(0);
  });
});
