import { describe, expect, it } from 'vitest';
import { seededXorwow } from '../../src/random/xorwow.js';
import { beta, drawParameter, gamma } from '../../src/random/distributions.js';

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let s = 0,
    s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  return { mean: s / n, variance: s2 / n - (s / n) ** 2 };
}

describe('parameter distributions', () => {
  const n = 200_000;
  it('gamma(shape) has mean and variance equal to shape, also for shape < 1', () => {
    for (const shape of [0.4, 1, 3.5]) {
      const rng = seededXorwow(`gamma${shape}`);
      const m = moments(() => gamma(rng, shape), n);
      expect(Math.abs(m.mean - shape)).toBeLessThan(4 * Math.sqrt(shape / n));
      expect(Math.abs(m.variance / shape - 1)).toBeLessThan(0.03);
    }
  });

  it('beta(a, b) has mean a/(a+b) and variance ab/((a+b)²(a+b+1))', () => {
    const [a, b] = [17.9, 2.1];
    const rng = seededXorwow('beta');
    const m = moments(() => beta(rng, a, b), n);
    const mean = a / (a + b);
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(Math.abs(m.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / n));
    expect(Math.abs(m.variance / variance - 1)).toBeLessThan(0.03);
  });

  it('normal and lognormal parameters have their stated moments', () => {
    const rng = seededXorwow('param');
    const normal = moments(() => drawParameter(rng, { dist: 'normal', mean: 0.5, sd: 0.2 }), n);
    expect(Math.abs(normal.mean - 0.5)).toBeLessThan((4 * 0.2) / Math.sqrt(n));
    const logn = moments(() => drawParameter(rng, { dist: 'lognormal', meanlog: 0, sdlog: 0.25 }), n);
    expect(Math.abs(logn.mean - Math.exp(0.25 ** 2 / 2))).toBeLessThan(0.003);
  });
});
