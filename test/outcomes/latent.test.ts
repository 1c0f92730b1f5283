import { describe, expect, it } from 'vitest';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { seededXorwow } from '../../src/random/xorwow.js';
import { fillCorrelatedPairs, thresholdLatent } from '../../src/outcomes/latent.js';

describe('latent bivariate normal', () => {
  const n = 200_000;
  it('has the requested correlation', () => {
    for (const rho of [0, 0.5, 0.9, -0.3]) {
      const a = new Float64Array(n);
      const b = new Float64Array(n);
      fillCorrelatedPairs(seededXorwow(`rho${rho}`), seededXorwow(`rho${rho} second`), a, b, n, rho);
      let sab = 0,
        saa = 0,
        sbb = 0;
      for (let i = 0; i < n; i++) {
        sab += a[i] * b[i];
        saa += a[i] * a[i];
        sbb += b[i] * b[i];
      }
      const r = sab / Math.sqrt(saa * sbb);
      // SE of r ≈ (1 − ρ²)/√n
      expect(Math.abs(r - rho)).toBeLessThan((4 * (1 - rho * rho)) / Math.sqrt(n) + 1e-4);
    }
  });
  it('cut at Φ⁻¹(1 − p) gives a binary outcome with probability p', () => {
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    fillCorrelatedPairs(seededXorwow('binary'), seededXorwow('binary second'), a, b, n, 0.5);
    const p = 0.621;
    thresholdLatent(a, n, Float64Array.of(normalQuantile(1 - p, 0, 1)));
    const share = a.reduce((s, v) => s + v, 0) / n;
    expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });
});
