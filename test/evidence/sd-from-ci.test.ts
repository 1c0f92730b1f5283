import { describe, expect, it } from 'vitest';
import { sdFromCI } from '../../src/evidence/sd-from-ci.js';
import { getEvidence } from '../../src/evidence/library.js';
import { R, relClose } from './r-fixture.js';

describe('sdFromCI', () => {
  it('recovers the SD of change of rdeb-bebss (003: −5.6, 95% CI −7.39 to −3.86, n = 6)', () => {
    // R: Rscript -e 'print((3.53/2)*sqrt(6)/qt(0.975,5), digits=10)'  →  1.681856355
    expect(sdFromCI(-7.39, -3.86, 6)).toBeCloseTo(1.681856355, 9);
  });

  it('works straight from the library entry', () => {
    const v = getEvidence('rdeb-bebss')?.value;
    if (v?.form !== 'mean-change-ci') throw new Error('rdeb-bebss should be a mean-change-ci entry');
    expect(sdFromCI(v.lower, v.upper, v.n, v.level)).toBeCloseTo(1.681856355, 9);
  });

  describe(`matches R (${R.generator.version})`, () => {
    for (const c of R.sdFromCI) {
      it(`${c.name}: ${c.call}`, () => {
        expect(relClose(sdFromCI(c.lower, c.upper, c.n, c.level), c.sd, 1e-10)).toBe(true);
      });
    }
  });

  it('rejects an empty or reversed interval, n < 2, a fractional n and a level outside (0, 1)', () => {
    expect(() => sdFromCI(1, 1, 6)).toThrow(RangeError);
    expect(() => sdFromCI(2, 1, 6)).toThrow(/lower < upper/);
    expect(() => sdFromCI(0, 1, 1)).toThrow(/n must be an integer ≥ 2/);
    expect(() => sdFromCI(0, 1, 6.5)).toThrow(RangeError);
    expect(() => sdFromCI(0, 1, 6, 95)).toThrow(/level/);
    expect(() => sdFromCI(Number.NaN, 1, 6)).toThrow(RangeError);
  });
});
