import { describe, expect, it } from 'vitest';
import { crossingSentence, targetCrossing } from '../../src/report/target-crossing.js';

const point = (x: number, power: number, half = 0.008) => ({ x, power, ci95: [power - half, power + half] as [number, number] });
const curve = [point(40, 0.7929), point(20, 0.4698), point(50, 0.8817), point(30, 0.6676)];

describe('where a power curve reaches a target', () => {
  it('finds the smallest simulated x at or above the target, and the point before it', () => {
    expect(targetCrossing(curve, 0.8)).toEqual({ at: curve[2], before: curve[0], last: curve[2], reaching: [50] });
    expect(targetCrossing(curve, 0.4)?.before).toBeUndefined();
    expect(targetCrossing(curve, 0.95)?.at).toBeUndefined();
    expect(targetCrossing([], 0.8)).toBeUndefined();
  });

  it('says it in words for a curve over n, with the intervals', () => {
    expect(crossingSentence({ points: curve }, { xPath: 'design.n', quantity: 'power', target: 0.8 })).toBe(
      'Power first reaches 80 % at n = 50 (0.882, 95 % CI 0.874–0.890); at n = 40 it is 0.793 (95 % CI 0.785–0.801).',
    );
    expect(crossingSentence({ points: curve, label: 'rho = 0.5' }, { xPath: 'design.n', quantity: 'assurance', target: 0.9 })).toBe(
      'rho = 0.5: Assurance stays below 90 % up to the largest n simulated: 0.882 at n = 50 (95 % CI 0.874–0.890). A larger trial is needed.',
    );
    expect(crossingSentence({ points: curve }, { xPath: 'design.n', quantity: 'power', target: 0.4 })).toMatch(
      /^Power is at least 40 % already at the smallest n simulated, n = 20/,
    );
  });

  it('warns when the interval at the crossing still includes the target', () => {
    expect(
      crossingSentence({ points: [point(40, 0.79), point(50, 0.805, 0.01)] }, { xPath: 'design.n', quantity: 'power', target: 0.8 }),
    ).toContain('The interval at n = 50 still includes 80 %: more replicates would settle it.');
  });

  it('lists the values that reach the target for other swept paths', () => {
    const rho = [point(0, 0.7), point(0.3, 0.85), point(0.5, 0.9)];
    expect(crossingSentence({ points: rho }, { xPath: 'design.correlation', quantity: 'power', target: 0.8 })).toBe(
      'Power is at least 80 % at design.correlation = 0.3, 0.5.',
    );
    expect(crossingSentence({ points: rho }, { xPath: 'design.correlation', quantity: 'power', target: 0.5 })).toBe(
      'Power is at least 50 % at every simulated design.correlation.',
    );
    expect(crossingSentence({ points: rho }, { xPath: 'design.correlation', quantity: 'power', target: 0.95 })).toBe(
      'Power stays below 95 % at every simulated design.correlation (highest 0.900).',
    );
  });
});
