/** The status sentences of runs and searches, and the partial result a growing curve is drawn from. */
import type { PointResult } from '../../src/engine/point-result.js';
import { reportPoint, type RunResult } from '../../src/run/run-result.js';
import { type PreparedRun, runHeader } from '../../src/run/scenario-run.js';
import type { SizeResult } from '../../src/run/size-run.js';

const count = new Intl.NumberFormat('en');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The message of an error of any kind. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "Running 8 design points × 10,000 simulated trials on 4 workers…" */
export function runningText(prepared: PreparedRun, workers: number): string {
  const first = prepared.simulated[0];
  const replicates =
    first.precision === undefined
      ? `${count.format(prepared.points[0].scenario.simulation.replicates)} simulated trials`
      : `trials added until ±${first.precision}`;
  const twice = prepared.uncertain ? ' (twice: assurance and power at the estimate)' : '';
  return `Running ${plural(prepared.points.length, 'design point')} × ${replicates}${twice} on ${plural(workers, 'worker')}…`;
}

/** "Done: 8 design points in 1,234 ms." */
export function runDoneText(result: RunResult): string {
  return `Done: ${plural(result.points.length, 'design point')} in ${count.format(result.elapsedMs)} ms.`;
}

/** The status line while a size search runs. */
export function sizeRunningText(target: number): string {
  return `Searching for the smallest n reaching ${target} (every step simulates a few sizes)…`;
}

/** "Done: the search simulated 7 sizes in 1,234 ms." */
export function sizeDoneText(r: SizeResult): string {
  return `Done: the search simulated ${r.evaluations} sizes in ${count.format(r.elapsedMs)} ms.`;
}

/** The message of a scenario (file or link) that opened but cannot run. */
export function cannotRunText(opening: string, issueCount: number, first: string): string {
  return `${opening} cannot run yet: ${plural(issueCount, 'problem')}, listed above the results and shown at the fields they concern. First: ${first}`;
}

/** A result of the points simulated so far (the main quantity only), for drawing the curve as it grows. */
export function partialResult(
  prepared: PreparedRun,
  results: ReadonlyArray<PointResult | undefined>,
  title: string,
  workers: number,
): RunResult {
  // Points not simulated yet stay in, without an estimate, so the axes span the whole curve from the start.
  const points = prepared.points.map((p, i) => {
    const r = results[i];
    if (!r) return { set: p.set, replicates: 0, successes: 0, degenerate: 0, power: NaN, ci95: [NaN, NaN] as [number, number], mcse: NaN };
    const reported = reportPoint(p.set, r);
    return prepared.uncertain ? { ...reported, power: undefined, assurance: r.power } : reported;
  });
  return { ...runHeader(prepared), title, workers, elapsedMs: 0, points };
}
