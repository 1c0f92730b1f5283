/**
 * The noncentral t tail (numerical integration over the chi scale) against R's
 * stats::pt(q, df, ncp, lower.tail = FALSE), including large df, where stdlib's
 * incomplete gamma function is not accurate enough to integrate the other way.
 * Fixture: scripts/reference/size-closed-forms.R.
 */
import { describe, expect, it } from 'vitest';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { noncentralTLower, noncentralTPower, noncentralTUpper } from '../../src/engine/noncentral-t.js';
import { loadSizeFixture, type ClosedFormsFixture } from '../fixtures/size/load.js';

const fixture = loadSizeFixture<ClosedFormsFixture>('closed-forms-r.json');

describe(`noncentral t against stats::pt (${fixture.generator.tool})`, () => {
  for (const c of fixture.noncentralT) {
    it(`P(T > ${c.q}; df ${c.df}, ncp ${c.ncp}) = ${c.upper.toPrecision(10)}`, () => {
      expect(Math.abs(noncentralTUpper(c.q, c.df, c.ncp) - c.upper)).toBeLessThan(1e-9);
    });
  }

  it('reduces to the central t when ncp = 0, and mirrors for the lower tail', () => {
    // Central: P(T > 2.1; 15) from the t CDF's quantile round trip.
    const q = tQuantile(0.975, 15);
    expect(noncentralTUpper(q, 15, 0)).toBeCloseTo(0.025, 10);
    expect(noncentralTLower(1.3, 12, 0.7)).toBeCloseTo(noncentralTUpper(1.3, 12, -0.7), 14);
  });

  it('gives the two-sided power of pwr::pwr.t2n.test', () => {
    for (const c of fixture.t2nPower) {
      const df = c.n1 + c.n2 - 2;
      const ncp = c.d / Math.sqrt(1 / c.n1 + 1 / c.n2);
      expect(Math.abs(noncentralTPower(tQuantile(0.975, df), df, ncp, 2) - c.power), `${c.n1} vs ${c.n2}, d = ${c.d}`).toBeLessThan(1e-9);
    }
  });

  it('rejects invalid arguments with NaN', () => {
    expect(noncentralTUpper(-1, 10, 1)).toBeNaN();
    expect(noncentralTUpper(1, 0, 1)).toBeNaN();
    // Below 1 df the quadrature cannot integrate the pole of S's density at 0
    // (R's pt(2, 0.6, 1, lower.tail = FALSE) is 0.451665): no value, not a wrong one.
    expect(noncentralTUpper(2, 0.6, 1)).toBeNaN();
    expect(noncentralTUpper(1, 10, Number.NaN)).toBeNaN();
  });
});
