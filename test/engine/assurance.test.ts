import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runPoint } from '../../src/engine/run-point.js';
import { hasUncertainParameters } from '../../src/engine/parameters.js';
import { withoutUncertainty } from '../../src/scenario/without-uncertainty.js';
import type { ResolvedScenario } from '../../src/scenario/types.js';
import { parallelContinuous } from '../helpers/resolved-scenarios.js';

// Reference: scripts/reference/assurance.R (R's integrate() of the exact noncentral-t power over the prior).
const reference = JSON.parse(readFileSync(new URL('../fixtures/assurance/assurance.json', import.meta.url), 'utf8'));

function uncertainEffect(fastPath: boolean): ResolvedScenario {
  const base = parallelContinuous(128, 'student-t', 40_000);
  return {
    ...base,
    endpoint: {
      kind: 'continuous',
      label: 'x',
      better: 'higher',
      arms: { msc: { mean: { dist: 'normal', mean: 0.5, sd: 0.2 }, sd: 1 }, saline: { mean: 0, sd: 1 } },
    },
    simulation: { ...base.simulation, seed: 'assurance', fastPath },
  };
}

describe('assurance (power averaged over an uncertain effect)', () => {
  it('is recognised as uncertain, and its centre is the point estimate', () => {
    expect(hasUncertainParameters(uncertainEffect(true))).toBe(true);
    expect(hasUncertainParameters(withoutUncertainty(uncertainEffect(true)))).toBe(false);
  });

  for (const fastPath of [true, false]) {
    it(`two-sample t, σ = 1, 64 per arm, δ ~ N(0.5, 0.2²): assurance ${reference.assurance.toFixed(4)}, power at δ = 0.5 ${reference.powerAtEstimate.toFixed(4)} (${fastPath ? 'fast path' : 'patient level'})`, () => {
      const assurance = runPoint(uncertainEffect(fastPath));
      const tolerance = (p: number) => 4 * Math.sqrt((p * (1 - p)) / 40_000);
      expect(Math.abs(assurance.power - reference.assurance)).toBeLessThanOrEqual(tolerance(reference.assurance));
      const atEstimate = runPoint(withoutUncertainty(uncertainEffect(fastPath)));
      expect(Math.abs(atEstimate.power - reference.powerAtEstimate)).toBeLessThanOrEqual(tolerance(reference.powerAtEstimate));
      // Uncertainty about a well-powered effect lowers the probability of success.
      expect(assurance.power).toBeLessThan(atEstimate.power);
    });
  }
});
