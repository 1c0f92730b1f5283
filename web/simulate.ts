/**
 * Running a scenario text in the page. The work is done by
 * src/report/scenario-run.ts, which `trialsim run` uses too, so the page and
 * the CLI give the same counts for the same scenario, replicates and seed.
 */
import { designPoints } from '../src/scenario/design-points.js';
import { formatIssue } from '../src/scenario/format-issues.js';
import { prepareRun as prepareDesignPoints, type PreparedRun } from '../src/report/scenario-run.js';
import type { RunSettings } from './run-settings.js';

export { simulateRun, type PointRunner, type PreparedRun } from '../src/report/scenario-run.js';

/**
 * Validates and expands a scenario text and applies the run settings. Returns
 * one formatted line per problem when it cannot run.
 */
export function prepareRun(
  text: string,
  settings: RunSettings = {},
): { ok: true; run: PreparedRun; scenarioSettings: { replicates: number; seed: string } } | { ok: false; messages: string[] } {
  const loaded = designPoints(text);
  if (!loaded.ok) return { ok: false, messages: loaded.issues.map(formatIssue) };
  if (loaded.points.length === 0) return { ok: false, messages: ['sweep: the scenario has no design point to run'] };
  // Replicates and seed as the file gives them, before the run settings: shown as placeholders.
  const { replicates, seed } = loaded.points[0].scenario.simulation;
  return { ok: true, run: prepareDesignPoints(loaded.points, settings), scenarioSettings: { replicates, seed } };
}
