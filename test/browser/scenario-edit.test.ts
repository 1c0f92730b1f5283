import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import {
  addArm,
  blankScenario,
  dropDanglingReferences,
  removeArm,
  removeAt,
  renameArm,
  setAt,
  setCategories,
  setControl,
  setDesignKind,
  setEndpointKind,
  setSweep,
  suggestSweepValues,
  sweepCandidates,
} from '../../web/scenario-edit.js';

const read = (file: string) =>
  JSON.parse(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const NCT = read('nct06764329-hair-count.json');
const ORDINAL = read('vitiligo-tci-vs-vehicle-ordinal.json');
/** What the validator says of edited data. */
const issues = (data: unknown) => {
  const r = loadScenario(JSON.stringify(data));
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.allowed}`);
};

describe('form edits of a scenario (web/scenario-edit.ts)', () => {
  it('the blank scenario is valid', () => {
    expect(issues(blankScenario())).toEqual([]);
  });

  it('sets and removes values by path without touching the input, creating missing objects', () => {
    const before = JSON.stringify(NCT);
    const edited = setAt(NCT, 'design.n', 80) as typeof NCT;
    expect((edited.design as { n: number }).n).toBe(80);
    expect(JSON.stringify(NCT)).toBe(before);
    expect(setAt({}, 'simulation.seed', 'x')).toEqual({ simulation: { seed: 'x' } });
    expect(setAt({ a: [1, 2] }, 'a[1]', 5)).toEqual({ a: [1, 5] });
    expect(removeAt({ a: { b: 1, c: 2 } }, 'a.b')).toEqual({ a: { c: 2 } });
    expect(removeAt({ a: [1, 2, 3] }, 'a[1]')).toEqual({ a: [1, 3] });
  });

  it('never writes through a prototype, whatever the path or the data', () => {
    const hostile = JSON.parse('{"__proto__": {"x": 1}, "design": {"n": 2}}');
    for (const path of ['__proto__.polluted', 'constructor.prototype.polluted', 'design.__proto__.polluted', 'prototype']) {
      expect(setAt(hostile, path, 'yes')).toBe(hostile);
    }
    const kept = setAt(hostile, 'design.n', 3) as Record<string, unknown>;
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect(Object.hasOwn(kept, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // An arm id that names a prototype key is refused as an endpoint key.
    const renamed = renameArm(NCT, 0, '__proto__') as { endpoint: { arms: Record<string, unknown> } };
    expect(Object.keys(renamed.endpoint.arms)).toEqual(['msc', 'saline']);
    expect(({} as Record<string, unknown>).mean).toBeUndefined();
  });

  it.each(['within-patient', 'single-arm', 'parallel'] as const)('changing the design to %s keeps the scenario valid', (kind) => {
    const edited = setDesignKind(NCT, kind);
    expect(issues(edited)).toEqual([]);
    expect(issues(setDesignKind(edited, 'parallel'))).toEqual([]);
  });

  it('a within-patient design gets a correlation, loses allocation and takes a paired test', () => {
    const w = setDesignKind(NCT, 'within-patient') as Record<string, any>;
    expect(w.design).toMatchObject({ kind: 'within-patient', correlation: 0.5 });
    expect(w.design.allocation).toBeUndefined();
    expect(w.analysis.test).toBe('paired-t');
    // The allocation assumption went with the allocation.
    expect(w.assumptions.map((a: { path: string }) => a.path)).not.toContain('design.allocation');
  });

  it('a single-arm design keeps the treated arm and drops the control values and their sources', () => {
    const s = setDesignKind(NCT, 'single-arm') as Record<string, any>;
    expect(s.design.arms).toEqual([{ id: 'msc', label: 'MSC' }]);
    expect(Object.keys(s.endpoint.arms)).toEqual(['msc']);
    expect(s.analysis.test).toBe('one-sample-t');
    expect(s.sources[0].paths).toEqual(['endpoint.arms.msc.mean', 'endpoint.arms.msc.sd']);
  });

  it.each(['binary', 'ordinal', 'continuous'] as const)('changing the endpoint to %s gives every arm values and a fitting test', (kind) => {
    const edited = setEndpointKind(NCT, kind) as Record<string, any>;
    expect(issues(edited)).toEqual([]);
    expect(edited.endpoint.kind).toBe(kind);
    // The cited endpoint values are gone, and so are their sources; the design source stays.
    if (kind !== 'continuous') expect(edited.sources.map((s: { evidence: string }) => s.evidence)).toEqual(['nct06764329-design']);
  });

  it('adds, removes and renames arms, moving values and references along', () => {
    const three = addArm(NCT) as Record<string, any>;
    expect(three.design.arms).toHaveLength(3);
    expect(three.design.allocation).toEqual([1, 1, 1]);
    expect(three.endpoint.arms.arm3).toEqual(NCT.endpoint && (NCT.endpoint as any).arms.msc);
    expect(issues(three)).toEqual([]);
    expect(issues(removeArm(three, 2))).toEqual([]);
    expect(removeArm(NCT, 0)).toBe(NCT); // two arms stay
    const noControl = removeArm(three, 1) as Record<string, any>;
    expect(noControl.design.arms.filter((a: { control?: boolean }) => a.control)).toHaveLength(1);

    const renamed = renameArm(NCT, 0, 'bmmsc') as Record<string, any>;
    expect(Object.keys(renamed.endpoint.arms)).toEqual(['bmmsc', 'saline']);
    expect(renamed.sources[0].paths).toContain('endpoint.arms.bmmsc.mean');
    expect(renamed.assumptions.map((a: { path: string }) => a.path)).toContain('endpoint.arms.bmmsc.mean');
    expect(issues(renamed)).toEqual([]);
    // An invalid id changes only the id; the validator says what is wrong.
    const bad = renameArm(NCT, 0, '1 bad') as Record<string, any>;
    expect(Object.keys(bad.endpoint.arms)).toEqual(['msc', 'saline']);
    expect(issues(bad)[0]).toMatch(/^design\.arms\[0\]\.id/);
  });

  it('moves the control', () => {
    const moved = setControl(NCT, 0) as Record<string, any>;
    expect(moved.design.arms).toEqual([
      { id: 'msc', label: 'MSC', control: true },
      { id: 'saline', label: 'Saline' },
    ]);
  });

  it('resizes ordinal probabilities with the categories', () => {
    const five = setCategories(ORDINAL, ['a', 'b', 'c', 'd', 'e']) as Record<string, any>;
    expect(five.endpoint.arms.tci.probs).toHaveLength(5);
    expect(five.endpoint.arms.tci.probs[4]).toBe(0);
    const two = setCategories(ORDINAL, ['low', 'high']) as Record<string, any>;
    expect(two.endpoint.arms.vehicle.probs).toEqual(['1 - veh25', 'veh25 - veh50']);
    // Sources that pointed at the removed probabilities lose those paths.
    expect(two.sources.flatMap((s: { paths: string[] }) => s.paths)).not.toContain('endpoint.arms.tci.probs[2]');
  });

  it('lists the paths a sweep may vary and suggests values around the current one', () => {
    expect(sweepCandidates(NCT)).toEqual([
      'design.allocation[0]',
      'design.allocation[1]',
      'design.n',
      'design.dropout',
      'endpoint.arms.msc.mean',
      'endpoint.arms.msc.sd',
      'endpoint.arms.saline.mean',
      'endpoint.arms.saline.sd',
      'analysis.alpha',
    ]);
    expect(sweepCandidates(ORDINAL).slice(0, 6)).toEqual(['let.tci25', 'let.tci50', 'let.tci75', 'let.veh25', 'let.veh50', 'let.veh75']);
    expect(suggestSweepValues(NCT, 'design.n')).toEqual([22, 36, 50, 60, 70, 84, 106, 140]);
    expect(suggestSweepValues(NCT, 'design.dropout')).toEqual([0, 0.1, 0.2, 0.3]);
    expect(suggestSweepValues(NCT, 'endpoint.arms.msc.mean')).toEqual([1.95, 2.92, 3.89, 4.86, 5.83]);
  });

  it('replaces the sweep, and removes it when no row is left', () => {
    const grid = setSweep(NCT, [
      { path: 'design.n', values: [40, 60] },
      { path: 'design.dropout', values: [0, 0.2] },
    ]) as Record<string, any>;
    expect(grid.sweep).toEqual({ 'design.n': [40, 60], 'design.dropout': [0, 0.2] });
    expect(issues(grid)).toEqual([]);
    expect((setSweep(NCT, []) as Record<string, unknown>).sweep).toBeUndefined();
  });

  it('drops only the references that an edit broke', () => {
    const before = { sources: [{ evidence: 'e', paths: ['a.b', 'gone.already'] }], a: { b: 1 }, sweep: { 'a.b': [1] } };
    const after = { ...before, a: {} };
    expect(dropDanglingReferences(before, after)).toEqual({ sources: [{ evidence: 'e', paths: ['gone.already'] }], a: {} });
  });
});
