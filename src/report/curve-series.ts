import type { CurveSeries } from './power-curve-plot.js';
import type { RunResult } from '../run/run-result.js';
import type { SizeResult } from '../run/size-run.js';
import { testLabel } from './test-label.js';

/** What to draw for a result: the curves, the x label and the y label. */
export interface CurveData {
  series: CurveSeries[];
  xLabel: string;
  yLabel: string;
  title: string;
  subtitle: string;
}

/** `path = value, …` for a sweep point, without the x path. */
function labelOf(set: Record<string, unknown>, skip: string): string {
  return Object.entries(set)
    .filter(([path]) => path !== skip)
    .map(([path, value]) => `${path} = ${value}`)
    .join(', ');
}

const capitalised = (quantity: string) => quantity.charAt(0).toUpperCase() + quantity.slice(1);

/** The x axis of a sweep's curves: `design.n` when it is swept, else the first swept path. */
function xPathOf(sets: readonly Record<string, unknown>[]): string | undefined {
  const paths = [...new Set(sets.flatMap((set) => Object.keys(set)))];
  return paths.includes('design.n') ? 'design.n' : paths[0];
}

/**
 * Why the points of a sweep (their `set`s) cannot be drawn as curves, or
 * undefined when they can. Known before anything is simulated, so `--svg` can
 * refuse at once.
 */
export function curveProblem(sets: readonly Record<string, unknown>[]): string | undefined {
  const xPath = xPathOf(sets);
  if (xPath === undefined || sets.length < 2) return 'a curve needs a sweep with at least two points (in the file or with --sweep)';
  const bad = sets.find((set) => typeof set[xPath] !== 'number');
  return bad === undefined
    ? undefined
    : `cannot draw ${xPath} = ${JSON.stringify(bad[xPath])}: the x values must be numbers, not expressions`;
}

/**
 * The curves of a `trialsim run` result: x is `design.n` when it is swept,
 * else the first swept path; with a second swept path, one curve per value of
 * it (a family). `markN`, the file's own n, is marked on every curve that has it.
 * Returns a one-line reason instead when the result cannot be drawn.
 */
export function runCurves(result: RunResult, markN?: number): CurveData | string {
  const problem = curveProblem(result.points.map((p) => p.set));
  if (problem !== undefined) return problem;
  const xPath = xPathOf(result.points.map((p) => p.set))!;
  const groups = new Map<string, CurveSeries>();
  for (const p of result.points) {
    const x = p.set[xPath] as number;
    const label = labelOf(p.set, xPath);
    const series = groups.get(label) ?? { ...(label ? { label } : {}), points: [] };
    series.points.push({ x, power: p.assurance ?? p.power ?? NaN, ci95: p.ci95 });
    groups.set(label, series);
  }
  const series = [...groups.values()];
  if (markN !== undefined && xPath === 'design.n') {
    for (const s of series) if (s.points.some((p) => p.x === markN)) s.marked = { x: markN, label: `n = ${markN}` };
  }
  const replicates = Math.max(...result.points.map((p) => p.replicates));
  return {
    series,
    xLabel: xPath === 'design.n' ? 'Patients (design.n)' : xPath,
    yLabel: capitalised(result.quantity),
    title: result.title,
    subtitle: `${testLabel(result)} \u00b7 ${replicates} replicates per point \u00b7 seed "${result.seed}" \u00b7 95 % Wilson bands`,
  };
}

/**
 * The curves of `trialsim size` results (one per design point of a sweep):
 * the simulated power against the analysed n, with the chosen n marked.
 * Each result must carry its `curve`.
 */
export function sizeCurves(results: SizeResult[]): CurveData {
  const first = results[0];
  const series: CurveSeries[] = results.map((r) => {
    const label = labelOf(r.set, 'design.n');
    return {
      ...(results.length > 1 && label ? { label } : {}),
      points: (r.curve ?? r.evaluated).map((p) => ({ x: p.n, power: p.power, ci95: p.ci95 })),
      ...(r.n !== null
        ? {
            marked: {
              x: r.n,
              label: `n = ${r.n}${r.nWithDropout !== null && r.nWithDropout !== r.n ? ` (${r.nWithDropout} randomized)` : ''}`,
            },
          }
        : {}),
    };
  });
  return {
    series,
    xLabel: first.dropout > 0 ? 'Patients analysed (design.n, dropout off)' : 'Patients (design.n)',
    yLabel: capitalised(first.quantity),
    title: first.title,
    subtitle: `${testLabel(first)} \u00b7 ${first.replicates} replicates per point \u00b7 seed "${first.seed}" \u00b7 95 % Wilson bands`,
  };
}
