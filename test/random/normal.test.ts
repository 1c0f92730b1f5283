import { describe, expect, it } from 'vitest';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { seededXorwow } from '../../src/random/xorwow.js';
import { standardNormal } from '../../src/random/normal.js';

/** Kolmogorov–Smirnov distance of a sample to the standard normal CDF. */
function ksDistance(sample: Float64Array): number {
  const sorted = Float64Array.from(sample).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = normalCdf(sorted[i], 0, 1);
    d = Math.max(d, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
  }
  return d;
}

describe('standardNormal (ziggurat)', () => {
  const n = 400_000;
  const rng = seededXorwow('normal');
  const sample = new Float64Array(n);
  for (let i = 0; i < n; i++) sample[i] = standardNormal(rng);

  it('passes a Kolmogorov–Smirnov test against the normal CDF (stdlib)', () => {
    // 1 % critical value of the KS statistic: 1.628 / √n.
    expect(ksDistance(sample)).toBeLessThan(1.628 / Math.sqrt(n));
  });

  it('has mean 0, variance 1, skewness 0 and kurtosis 3 within sampling error', () => {
    let m1 = 0, m2 = 0, m3 = 0, m4 = 0;
    for (const x of sample) {
      m1 += x; m2 += x * x; m3 += x ** 3; m4 += x ** 4;
    }
    m1 /= n; m2 /= n; m3 /= n; m4 /= n;
    expect(Math.abs(m1)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(m2 - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(m3)).toBeLessThan(4 * Math.sqrt(15 / n));
    expect(Math.abs(m4 - 3)).toBeLessThan(4 * Math.sqrt(96 / n));
  });

  it('reaches the tail beyond the ziggurat base at the normal rate', () => {
    // P(|Z| > 3.442619855899) = 2·(1 − Φ(R)) ≈ 5.76e-4
    const p = 2 * normalCdf(-3.442619855899, 0, 1);
    const observed = sample.filter((x) => Math.abs(x) > 3.442619855899).length / n;
    expect(Math.abs(observed - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });
});
