import { describe, expect, it } from 'vitest';
import { normalFromCI } from '../../src/evidence/normal-from-ci.js';
import { R, relClose } from './r-fixture.js';

describe('normalFromCI', () => {
  it('centres on the estimate with sd = width / (2·z): rdeb-bebss (003)', () => {
    // R: (-3.86 - -7.39) / (2 * qnorm(0.975)) = 0.9005267515
    const d = normalFromCI(-5.6, -7.39, -3.86);
    expect(d.mean).toBe(-5.6);
    expect(d.sd).toBeCloseTo(0.9005267515, 9);
  });

  describe(`matches R (${R.generator.version})`, () => {
    for (const c of R.normalFromCI) {
      it(`${c.name}: ${c.call}`, () => {
        const d = normalFromCI(c.estimate, c.lower, c.upper, c.level);
        expect(d.mean).toBe(c.mean);
        expect(relClose(d.sd, c.sd, 1e-12)).toBe(true);
      });
    }
  });

  it('keeps the estimate as the mean of an asymmetric CI (tci-alone-face-neck-25: 73.1, 32.6–83.5)', () => {
    const d = normalFromCI(0.731, 0.326, 0.835);
    expect(d.mean).toBe(0.731);
    expect(d.sd).toBeCloseTo((0.835 - 0.326) / (2 * 1.959963984540054), 12);
  });

  it('rejects lower ≥ upper, non-finite numbers and a level outside (0, 1)', () => {
    expect(() => normalFromCI(0, 1, 1)).toThrow(RangeError);
    expect(() => normalFromCI(0, 1, -1)).toThrow(/lower < upper/);
    expect(() => normalFromCI(Number.POSITIVE_INFINITY, -1, 1)).toThrow(RangeError);
    expect(() => normalFromCI(0, -1, 1, 1)).toThrow(/level/);
  });
});
