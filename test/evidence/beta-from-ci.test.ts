import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { describe, expect, it } from 'vitest';
import { betaFromCI } from '../../src/evidence/beta-from-ci.js';
import { getEvidence } from '../../src/evidence/library.js';
import { R, relClose } from './r-fixture.js';

/** The entry's estimate and CI, which must be a proportion-ci entry. */
function proportionCI(id: string): [number, number, number] {
  const v = getEvidence(id)?.value;
  if (v?.form !== 'proportion-ci') throw new Error(`${id} should be a proportion-ci entry`);
  return [v.estimate, v.lower, v.upper];
}

describe('betaFromCI', () => {
  it('TCI + phototherapy ≥25% (001 Table 3: 89.5, 81.1–97.9): mean is the estimate, 2.5/97.5% quantiles close to the CI', () => {
    const fit = betaFromCI(...proportionCI('tci-photo-all-25'));
    expect(fit.alpha / (fit.alpha + fit.beta)).toBeCloseTo(0.895, 12);
    // A symmetric Wald CI this close to 1 is not exactly a beta's: the best fit is within 2 points of each limit.
    expect(Math.abs(betaQuantile(0.025, fit.alpha, fit.beta) - 0.811)).toBeLessThan(0.02);
    expect(Math.abs(betaQuantile(0.975, fit.alpha, fit.beta) - 0.979)).toBeLessThan(0.02);
    expect(fit.mismatch).toBeLessThan(0.02);
    // R: beta_fit(0.895, 0.811, 0.979) in test/evidence/reference/helpers.R → alpha 49.1531, beta 5.7666
    expect(fit.alpha).toBeCloseTo(49.1531, 3);
    expect(fit.beta).toBeCloseTo(5.7666, 3);
  });

  it('recovers an asymmetric beta exactly: Beta(2, 18) from R qbeta(c(0.025, 0.975), 2, 18) = 0.01301216437, 0.2602806542', () => {
    const fit = betaFromCI(0.1, 0.01301216437, 0.2602806542);
    expect(fit.alpha).toBeCloseTo(2, 6);
    expect(fit.beta).toBeCloseTo(18, 5);
    expect(fit.mismatch).toBeLessThan(1e-9);
    expect(fit.fitted.lower).toBeCloseTo(0.01301216437, 9);
    expect(fit.fitted.upper).toBeCloseTo(0.2602806542, 9);
  });

  describe(`matches R (${R.generator.version}), same algorithm with qbeta and optimize`, () => {
    for (const c of R.betaFromCI) {
      it(`${c.name}: ${c.call}`, () => {
        const fit = betaFromCI(c.estimate, c.lower, c.upper, c.level, { minShape: c.minShape });
        expect(relClose(fit.alpha, c.alpha, 1e-6)).toBe(true);
        expect(relClose(fit.beta, c.beta, 1e-6)).toBe(true);
        expect(relClose(fit.kappa, c.kappa, 1e-6)).toBe(true);
        expect(fit.fitted.lower).toBeCloseTo(c.fittedLower, 7);
        expect(fit.fitted.upper).toBeCloseTo(c.fittedUpper, 7);
        expect(fit.mismatch).toBeCloseTo(c.mismatch, 7);
      });
    }
  });

  it('returns the best fit and a large mismatch for a CI no beta matches (tci-photo-face-neck-50: 81.5, 10.3–92.7)', () => {
    const fit = betaFromCI(...proportionCI('tci-photo-face-neck-50'));
    expect(Number.isFinite(fit.alpha) && Number.isFinite(fit.beta)).toBe(true);
    expect(fit.alpha / fit.kappa).toBeCloseTo(0.815, 12);
    expect(fit.mismatch).toBeGreaterThan(0.3);
    // The best fit wants an unbounded density at 1; minShape = 1 (default) holds beta at 1.
    expect(fit.beta).toBeCloseTo(1, 6);
  });

  it('flags the asymmetric face-and-neck CI (tci-alone-face-neck-25: 73.1, 32.6–83.5) with a mismatch > 0.1', () => {
    expect(betaFromCI(...proportionCI('tci-alone-face-neck-25')).mismatch).toBeGreaterThan(0.1);
  });

  it('holds both shapes ≥ minShape: Beta(0.5, 20) is recovered only when minShape allows it', () => {
    const lo = betaQuantile(0.025, 0.5, 20);
    const hi = betaQuantile(0.975, 0.5, 20);
    const held = betaFromCI(0.5 / 20.5, lo, hi);
    expect(held.alpha).toBeCloseTo(1, 6);
    expect(held.mismatch).toBeGreaterThan(0.03);
    const free = betaFromCI(0.5 / 20.5, lo, hi, 0.95, { minShape: 0.1 });
    expect(free.alpha).toBeCloseTo(0.5, 6);
    expect(free.mismatch).toBeLessThan(1e-8);
  });

  it('fits a CI whose lower limit is printed as 0 (tci-alone-hands-feet-50: 1.71, 0.00–4.6)', () => {
    const fit = betaFromCI(...proportionCI('tci-alone-hands-feet-50'));
    expect(fit.fitted.lower).toBeGreaterThan(0);
    expect(fit.fitted.upper).toBeCloseTo(0.046, 2);
    expect(fit.mismatch).toBeLessThan(0.005);
  });

  it('fits every proportion-ci entry of the library to finite shapes with the estimate as mean', () => {
    for (const id of ['tci-alone-all-25', 'tci-alone-children-75', 'tci-alone-trunk-extremities-75', 'tci-photo-trunk-extremities-25']) {
      const [m, lo, hi] = proportionCI(id);
      const fit = betaFromCI(m, lo, hi);
      expect(fit.alpha / fit.kappa, id).toBeCloseTo(m, 12);
      expect(fit.alpha, id).toBeGreaterThanOrEqual(1 - 1e-9);
      expect(fit.beta, id).toBeGreaterThanOrEqual(1 - 1e-9);
    }
  });

  it('rejects percentages, reversed limits, limits outside [0, 1] and bad levels or minShape', () => {
    expect(() => betaFromCI(89.5, 81.1, 97.9)).toThrow(/not %/);
    expect(() => betaFromCI(0.5, 0.6, 0.4)).toThrow(RangeError);
    expect(() => betaFromCI(0.5, -0.1, 0.9)).toThrow(RangeError);
    expect(() => betaFromCI(0, 0, 0.1)).toThrow(RangeError);
    expect(() => betaFromCI(0.5, 0.4, 0.6, 1)).toThrow(/level/);
    expect(() => betaFromCI(0.5, 0.4, 0.6, 0.95, { minShape: 0 })).toThrow(/minShape/);
  });
});
