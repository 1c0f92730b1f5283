import { describe, expect, it } from 'vitest';
import { describeExpectation, expectationPath, expectationsOf, judgeBound } from '../../src/run/expectations.js';
import { summarize, type ExpectationOutcome, type FileCheck } from '../../src/run/check-run.js';
import { suggestedPrecision } from '../../src/report/format-check.js';
import { wilsonInterval } from '../../src/engine/interval.js';

describe('expectations of an expect block', () => {
  it('lists power, assurance and sample size in a fixed order', () => {
    const list = expectationsOf({
      sampleSize: { power: 0.9, atMost: 60 },
      assurance: { atMost: 0.95 },
      power: { atMost: 0.9, atLeast: 0.8 },
    });
    expect(list.map(describeExpectation)).toEqual([
      'power \u2265 0.8',
      'power \u2264 0.9',
      'assurance \u2264 0.95',
      'sample size for power 0.9 \u2264 60',
    ]);
    expect(list.map(expectationPath)).toEqual([
      'expect.power.atLeast',
      'expect.power.atMost',
      'expect.assurance.atMost',
      'expect.sampleSize',
    ]);
    expect(expectationsOf(undefined)).toEqual([]);
    expect(expectationsOf({})).toEqual([]);
  });
});

describe('verdicts from the Wilson 95 % interval', () => {
  it('passes when the whole interval meets the bound, fails when it misses it, else inconclusive', () => {
    expect(judgeBound([0.81, 0.83], 'atLeast', 0.8)).toBe('pass');
    expect(judgeBound([0.8, 0.83], 'atLeast', 0.8)).toBe('pass');
    expect(judgeBound([0.77, 0.79], 'atLeast', 0.8)).toBe('fail');
    expect(judgeBound([0.79, 0.81], 'atLeast', 0.8)).toBe('inconclusive');
    expect(judgeBound([0.77, 0.8], 'atLeast', 0.8)).toBe('inconclusive');
    expect(judgeBound([0.6, 0.69], 'atMost', 0.7)).toBe('pass');
    expect(judgeBound([0.6, 0.7], 'atMost', 0.7)).toBe('pass');
    expect(judgeBound([0.71, 0.73], 'atMost', 0.7)).toBe('fail');
    expect(judgeBound([0.69, 0.71], 'atMost', 0.7)).toBe('inconclusive');
  });

  it('atLeast 0 always passes; atLeast 1 is at best inconclusive, since no simulation shows a power of exactly 1', () => {
    expect(judgeBound(wilsonInterval(0, 1000), 'atLeast', 0)).toBe('pass');
    expect(judgeBound(wilsonInterval(1000, 1000), 'atLeast', 1)).toBe('inconclusive');
    expect(judgeBound(wilsonInterval(1000, 1000), 'atMost', 1)).toBe('pass');
  });

  it('a power 3 standard errors from the threshold is decided; one on the threshold is not', () => {
    const R = 10_000;
    const se = Math.sqrt((0.8 * 0.2) / R);
    expect(judgeBound(wilsonInterval(Math.round((0.8 + 3 * se) * R), R), 'atLeast', 0.8)).toBe('pass');
    expect(judgeBound(wilsonInterval(Math.round((0.8 - 3 * se) * R), R), 'atLeast', 0.8)).toBe('fail');
    expect(judgeBound(wilsonInterval(8000, R), 'atLeast', 0.8)).toBe('inconclusive');
  });

  it('suggests a --precision finer than the distance to the threshold, none when the estimate is on it', () => {
    const outcome = (estimate: number): ExpectationOutcome => ({
      path: 'expect.power.atLeast',
      expectation: 'power \u2265 0.8',
      spec: { kind: 'bound', quantity: 'power', bound: 'atLeast', threshold: 0.8 },
      verdict: 'inconclusive',
      measured: 'power',
      estimate,
      ci95: [estimate - 0.02, estimate + 0.02],
      replicates: 1000,
      successes: Math.round(estimate * 1000),
      n: 100,
    });
    expect(suggestedPrecision(outcome(0.815))).toBe(0.01);
    expect(suggestedPrecision(outcome(0.806))).toBe(0.0025);
    expect(suggestedPrecision(outcome(0.8))).toBeUndefined();
  });
});

describe('exit codes of a check', () => {
  const file = (status: FileCheck['status'], verdicts: Array<'pass' | 'fail' | 'inconclusive'> = []): FileCheck => ({
    file: 'x.json',
    status,
    outcomes: verdicts.map((verdict) => ({ verdict }) as ExpectationOutcome),
  });
  it('0 when all pass (files without expect do not fail), 1 on a failure, 2 on invalid input', () => {
    expect(summarize([file('checked', ['pass', 'pass']), file('no-expect')], false).exitCode).toBe(0);
    expect(summarize([file('checked', ['pass', 'fail'])], false).exitCode).toBe(1);
    expect(summarize([file('checked', ['fail']), file('invalid')], false).exitCode).toBe(2);
  });
  it('inconclusive fails unless allowed; a failure fails either way', () => {
    expect(summarize([file('checked', ['pass', 'inconclusive'])], false).exitCode).toBe(1);
    expect(summarize([file('checked', ['pass', 'inconclusive'])], true).exitCode).toBe(0);
    expect(summarize([file('checked', ['fail', 'inconclusive'])], true).exitCode).toBe(1);
    expect(summarize([file('checked', ['pass', 'inconclusive', 'fail']), file('no-expect')], false).summary).toEqual({
      files: 2,
      expectations: 3,
      passed: 1,
      failed: 1,
      inconclusive: 1,
      withoutExpect: 1,
      invalid: 0,
    });
  });
});
