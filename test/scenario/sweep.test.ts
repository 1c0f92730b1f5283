import { describe, expect, it } from 'vitest';
import { applySweepPoint, expandSweep, resolveSweepPoint, sweepAxes } from '../../src/scenario/sweep.js';
import type { ScenarioFile } from '../../src/scenario/types.js';
import { loose, parallelContinuous, parallelOrdinal } from './examples.js';

describe('sweepAxes / expandSweep', () => {
  it('gives one point with an empty set without a sweep', () => {
    const f = parallelOrdinal();
    expect(sweepAxes(f)).toEqual([]);
    expect(expandSweep(f)).toEqual([{ set: {} }]);
  });

  it('gives one point per value of a single path', () => {
    const f = parallelContinuous();
    expect(sweepAxes(f)).toEqual([{ path: 'design.n', values: [20, 30, 40, 50, 60, 70, 80, 100, 120] }]);
    expect(expandSweep(f).map((p) => p.set)).toEqual([20, 30, 40, 50, 60, 70, 80, 100, 120].map((n) => ({ 'design.n': n })));
  });

  it('makes a grid of two paths, the first path outer', () => {
    const f = loose(parallelContinuous()) as ScenarioFile;
    f.sweep = { 'design.n': [40, 80], 'endpoint.arms.msc.mean': [3, 'm + 1', 5] };
    expect(sweepAxes(f).map((a) => a.path)).toEqual(['design.n', 'endpoint.arms.msc.mean']);
    expect(expandSweep(f).map((p) => p.set)).toEqual([
      { 'design.n': 40, 'endpoint.arms.msc.mean': 3 },
      { 'design.n': 40, 'endpoint.arms.msc.mean': 'm + 1' },
      { 'design.n': 40, 'endpoint.arms.msc.mean': 5 },
      { 'design.n': 80, 'endpoint.arms.msc.mean': 3 },
      { 'design.n': 80, 'endpoint.arms.msc.mean': 'm + 1' },
      { 'design.n': 80, 'endpoint.arms.msc.mean': 5 },
    ]);
  });

  it('builds set objects with own keys only', () => {
    const f = loose(parallelContinuous()) as ScenarioFile;
    f.sweep = JSON.parse('{"__proto__": [1]}');
    const [point] = expandSweep(f);
    expect(Object.keys(point.set)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(point.set)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)[0]).toBeUndefined();
  });
});

describe('applySweepPoint / resolveSweepPoint', () => {
  it('puts the values in place without modifying the file', () => {
    const f = parallelContinuous();
    const before = JSON.stringify(f);
    const g = applySweepPoint(f, { set: { 'design.n': 40, 'endpoint.arms.msc.mean': 5 } });
    expect(JSON.stringify(f)).toBe(before);
    expect(g.design.n).toBe(40);
    expect((g.endpoint.arms as Record<string, { mean: unknown }>).msc.mean).toBe(5);
  });

  it('re-evaluates expressions that depend on a swept let value', () => {
    const f = loose(parallelContinuous()) as ScenarioFile;
    f.let = { perArm: 35 };
    f.design.n = '2 * perArm';
    f.sweep = { 'let.perArm': [10, 20] };
    const ns = expandSweep(f).map((p) => {
      const r = resolveSweepPoint(f, p);
      return r.ok ? r.value.design.n : NaN;
    });
    expect(ns).toEqual([20, 40]);
  });
});
