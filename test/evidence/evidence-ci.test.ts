import { describe, expect, it } from 'vitest';
import { evidenceCI } from '../../src/evidence/evidence-ci.js';

describe('evidenceCI', () => {
  it('gives a mean change with its CI as a value (rdeb-bebss, 003)', () => {
    expect(evidenceCI('rdeb-bebss')).toEqual({ estimate: -5.6, lower: -7.39, upper: -3.86, unit: 'value' });
  });

  it('gives a pooled rate with its CI as a proportion (tci-photo-all-25, 001 Table 3: 89.5, 81.1–97.9 %)', () => {
    const ci = evidenceCI('tci-photo-all-25')!;
    expect(ci.unit).toBe('proportion');
    expect(ci.estimate).toBeCloseTo(0.895, 12);
    expect(ci.lower).toBeCloseTo(0.811, 12);
    expect(ci.upper).toBeCloseTo(0.979, 12);
  });

  it('is undefined for entries without a CI and for unknown ids', () => {
    expect(evidenceCI('aga-hair-count')).toBeUndefined();
    expect(evidenceCI('ncecs-vs-ha')).toBeUndefined();
    expect(evidenceCI('nct06764329-design')).toBeUndefined();
    expect(evidenceCI('no-such-entry')).toBeUndefined();
  });
});
