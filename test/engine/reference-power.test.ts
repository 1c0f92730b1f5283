/**
 * Simulated power against reference values computed outside trialsim: closed forms from R's pwr
 * package, exact enumeration / quadrature in scipy, and large independent R simulations of
 * stats::wilcox.test. Each fixture case holds a complete ResolvedScenario, which is run as is.
 *
 * Tolerance: |p̂ − p_ref| ≤ 4 · √(p_ref (1 − p_ref) / R + referenceMcse²), R = replicates run.
 * Regenerate the fixtures with
 *   Rscript scripts/reference/power-r.R && /usr/bin/python3 scripts/reference/power-exact.py
 */
import { describe, expect, it } from 'vitest';
import { runPoint } from '../../src/engine/run-point.js';
import { fmt, loadFixture, mcTolerance, type PowerFixture } from '../fixtures/power/load.js';

const FILES = ['power-r.json', 'power-exact.json', 'power-r-simulation.json'] as const;

for (const file of FILES) {
  const fixture = loadFixture<PowerFixture>(file);

  describe(`${file} (${fixture.generator.tool}, ${fixture.generator.script})`, () => {
    it('has cases with complete scenarios', () => {
      expect(fixture.cases.length).toBeGreaterThan(0);
      for (const c of fixture.cases) {
        expect(c.scenario.format, c.id).toBe('trialsim/1');
        expect(c.scenario.simulation.replicates, c.id).toBeGreaterThan(0);
        expect(c.power, c.id).toBeGreaterThanOrEqual(0);
        expect(c.power, c.id).toBeLessThanOrEqual(1);
        expect(c.referenceMcse, c.id).toBeGreaterThanOrEqual(0);
      }
    });

    for (const c of fixture.cases) {
      const refText = c.referenceMcse > 0 ? `${fmt(c.power)} ± ${fmt(c.referenceMcse)}` : fmt(c.power);
      it(`${c.id}: ${c.description} — power ${refText} from ${c.source}`, () => {
        const result = runPoint(c.scenario);
        expect(result.replicates).toBeGreaterThanOrEqual(c.scenario.simulation.replicates);
        const tol = mcTolerance(c.power, result.replicates, c.referenceMcse);
        const diff = Math.abs(result.power - c.power);
        expect(
          diff,
          `simulated power ${fmt(result.power)} (${result.successes}/${result.replicates}, ` +
            `${result.degenerate} degenerate) vs reference ${fmt(c.power)}; tolerance ${fmt(tol)}`,
        ).toBeLessThanOrEqual(tol);
      });
    }
  });
}
