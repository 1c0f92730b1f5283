import { describe, expect, it } from 'vitest';
import { ordinalFromThresholds } from '../../src/evidence/ordinal-from-thresholds.js';
import { evidenceEntries, getEvidence } from '../../src/evidence/library.js';
import { R } from './r-fixture.js';

describe('ordinalFromThresholds', () => {
  it('TCI alone (001 Table 3: ≥25/50/75 = 55.0/38.5/18.1 %) → <25, 25–49, 50–74, ≥75 = 45.0/16.5/20.4/18.1 %', () => {
    const p = ordinalFromThresholds([0.55, 0.385, 0.181]);
    expect(p).toHaveLength(4);
    [0.45, 0.165, 0.204, 0.181].forEach((q, i) => expect(p[i]).toBeCloseTo(q, 12));
  });

  describe(`matches R (${R.generator.version})`, () => {
    for (const c of R.ordinalFromThresholds) {
      it(`${c.name}: ${c.call}`, () => {
        const p = ordinalFromThresholds(c.atLeast);
        expect(p).toHaveLength(c.probs.length);
        p.forEach((q, i) => expect(q).toBeCloseTo(c.probs[i], 14));
        expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
      });
    }
  });

  it('allows equal neighbours (an empty category) and the boundaries 0 and 1', () => {
    expect(ordinalFromThresholds([1, 0.5, 0.5])).toEqual([0, 0.5, 0, 0.5]);
    expect(ordinalFromThresholds([0, 0, 0])).toEqual([1, 0, 0, 0]);
  });

  it('throws a clear Error when the proportions increase', () => {
    expect(() => ordinalFromThresholds([0.3, 0.4, 0.1])).toThrow(/non-increasing.*proportion 1 \(0\.4\) exceeds proportion 0 \(0\.3\)/);
  });

  it('throws on percentages, values outside [0, 1], NaN and an empty list', () => {
    expect(() => ordinalFromThresholds([55, 38.5, 18.1])).toThrow(/not %/);
    expect(() => ordinalFromThresholds([0.5, -0.1])).toThrow(/proportion 1/);
    expect(() => ordinalFromThresholds([Number.NaN])).toThrow(Error);
    expect(() => ordinalFromThresholds([])).toThrow(/at least one/);
  });

  it('every TCI group of Table 3 in the library gives a valid four-category outcome', () => {
    const stems = new Set(
      evidenceEntries()
        .filter((e) => /^tci-(alone|photo)-.*-25$/.test(e.id))
        .map((e) => e.id.slice(0, -3)),
    );
    expect(stems.size).toBe(8);
    for (const stem of stems) {
      const atLeast = [25, 50, 75].map((t) => {
        const v = getEvidence(`${stem}-${t}`)?.value;
        if (v?.form === 'proportion-ci') return v.estimate;
        if (v?.form === 'x-of-n') return v.arms[0].x / v.arms[0].n;
        throw new Error(`${stem}-${t} is missing or of an unexpected form`);
      });
      const p = ordinalFromThresholds(atLeast);
      expect(
        p.every((q) => q >= 0),
        stem,
      ).toBe(true);
      expect(
        p.reduce((a, b) => a + b, 0),
        stem,
      ).toBeCloseTo(1, 12);
    }
  });
});
