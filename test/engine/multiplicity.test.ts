import { describe, expect, it } from 'vitest';
import { trialSucceeds } from '../../src/engine/multiplicity.js';

const ps = (...p: number[]) => Float64Array.from(p);

describe('trialSucceeds', () => {
  it('any: min p ≤ α/k for Holm and Bonferroni, ≤ α without adjustment', () => {
    expect(trialSucceeds(ps(0.03, 0.2), 0.05, 'holm', 'any')).toBe(false);
    expect(trialSucceeds(ps(0.024, 0.2), 0.05, 'holm', 'any')).toBe(true);
    expect(trialSucceeds(ps(0.03, 0.2), 0.05, 'none', 'any')).toBe(true);
  });
  it("all: Holm's step-down (p(1) ≤ α/2, p(2) ≤ α) is less strict than Bonferroni", () => {
    expect(trialSucceeds(ps(0.04, 0.02), 0.05, 'holm', 'all')).toBe(true);
    expect(trialSucceeds(ps(0.04, 0.02), 0.05, 'bonferroni', 'all')).toBe(false);
    expect(trialSucceeds(ps(0.03, 0.03), 0.05, 'holm', 'all')).toBe(false);
    expect(trialSucceeds(ps(0.04, 0.06), 0.05, 'none', 'all')).toBe(false);
  });
});
