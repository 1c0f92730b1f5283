import { describe, expect, it } from 'vitest';
import { simulateWithinPatient } from '../../src/designs/within-patient.js';
import { chunkStream } from '../../src/engine/chunks.js';
import { compilePlan } from '../../src/engine/plan.js';
import type { ResolvedScenario } from '../../src/scenario/types.js';
import { withinPatientContinuous } from '../helpers/resolved-scenarios.js';

/** Both sites' values of the first `replicates` trials of chunk 0, as run-chunk simulates them. */
function trials(n: number, dropout: number, replicates: number): Array<{ active: number[]; control: number[] }> {
  const base = withinPatientContinuous(n, 1, 0.5);
  const scenario: ResolvedScenario = { ...base, design: { ...base.design, dropout }, simulation: { ...base.simulation, fastPath: false } };
  const plan = compilePlan(scenario);
  const chunk = chunkStream('crn', 0);
  return Array.from({ length: replicates }, () => {
    plan.streams.beginReplicate(chunk);
    plan.streams.start(plan.streams.parameters);
    simulateWithinPatient(plan.streams, 'continuous', n, plan.params, plan.data);
    const [active, control] = plan.data.values;
    return { active: Array.from(active.subarray(0, plan.data.counts[0])), control: Array.from(control.subarray(0, plan.data.counts[1])) };
  });
}

describe('simulateWithinPatient', () => {
  it('gives patient i the same pair of sites whatever n is (common random numbers across a sweep)', () => {
    for (const dropout of [0, 0.3]) {
      const small = trials(40, dropout, 20);
      const large = trials(50, dropout, 20);
      let shared = 0;
      let compared = 0;
      small.forEach((s, r) => {
        const l = large[r];
        // The completers among the first 40 patients are the same patients.
        expect(l.active.length).toBeGreaterThanOrEqual(s.active.length);
        for (const site of ['active', 'control'] as const) {
          for (let i = 0; i < s[site].length; i++, compared++) if (l[site][i] === s[site][i]) shared++;
        }
      });
      // Every value the ziggurat settles in a rectangle (≈ 98.5 %) is shared; a miss
      // takes further draws after the batch, which depend on n (test/random/normal.test.ts).
      expect(shared / compared, `dropout ${dropout}`).toBeGreaterThan(0.9);
    }
  });
});
