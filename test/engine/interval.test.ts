import { describe, expect, it } from 'vitest';
import { monteCarloStandardError, wilsonInterval } from '../../src/engine/interval.js';

describe('Wilson interval', () => {
  it('matches R prop.test(correct = FALSE)$conf.int for 93 of 100', () => {
    // R 4.2.2: prop.test(93, 100, correct = FALSE)$conf.int = 0.8625048526 0.9656807389
    const [lo, hi] = wilsonInterval(93, 100);
    expect(lo).toBeCloseTo(0.8625048526, 9);
    expect(hi).toBeCloseTo(0.9656807389, 9);
  });
  it('stays inside [0, 1] at 0 and at all successes', () => {
    expect(wilsonInterval(0, 50)[0]).toBe(0);
    expect(wilsonInterval(50, 50)[1]).toBe(1);
    expect(wilsonInterval(0, 50)[1]).toBeGreaterThan(0);
  });
  it('MCSE is √(p(1 − p)/R)', () => {
    expect(monteCarloStandardError(9312, 10000)).toBeCloseTo(Math.sqrt((0.9312 * 0.0688) / 10000), 12);
  });
});
