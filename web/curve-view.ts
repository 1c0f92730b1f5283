/**
 * The power curve of a run, drawn by the same Observable Plot module as the
 * CLI's `--svg` (src/report/power-curve-plot.ts) into the page's document:
 * Wilson bands, the target line, and on each curve over n the smallest
 * simulated n whose power reaches the target, marked and stated in words.
 */
import { runCurves, type CurveData } from '../src/report/curve-series.js';
import { powerCurvePlot, svgFileText } from '../src/report/power-curve-plot.js';
import type { RunResult } from '../src/run/run-result.js';
import { crossingSentence, targetCrossing } from '../src/report/target-crossing.js';

/** What the page draws: the curves, the x path, and one sentence per curve. */
export interface PageCurves {
  curves: CurveData;
  xPath: string;
  sentences: string[];
}

/** The swept path on the x axis, as `runCurves` picks it. */
export function xPathOf(result: RunResult): string | undefined {
  const paths = [...new Set(result.points.flatMap((p) => Object.keys(p.set)))];
  return paths.includes('design.n') ? 'design.n' : paths[0];
}

/**
 * The curves of a (possibly partial) result with the target crossing marked,
 * plus, for assurance without a second swept path, the power at the estimate
 * as a second line (without a band: it is the same simulation at the centre
 * of every distribution). A reason string when there is nothing to draw.
 */
export function pageCurves(result: RunResult, target: number, options: { partial?: boolean } = {}): PageCurves | string {
  const curves = runCurves(result);
  if (typeof curves === 'string') return curves;
  const xPath = xPathOf(result)!;
  // While a run is under way, nothing is read off the curve yet.
  if (options.partial) return { curves, xPath, sentences: [] };
  const sentences = curves.series.map((s) => crossingSentence(s, { xPath, quantity: result.quantity, target }));
  if (xPath === 'design.n') {
    for (const s of curves.series) {
      const c = targetCrossing(s.points, target);
      if (c?.at) s.marked = { x: c.at.x, label: `n = ${c.at.x}` };
    }
  }
  if (result.quantity === 'assurance' && curves.series.length === 1 && result.points.every((p) => p.powerAtEstimate !== undefined)) {
    curves.series[0].label = 'assurance';
    curves.series.push({
      label: 'power at estimate',
      points: result.points.map((p) => ({
        x: p.set[xPath] as number,
        power: p.powerAtEstimate!,
        ci95: [p.powerAtEstimate!, p.powerAtEstimate!],
      })),
    });
  }
  return { curves, xPath, sentences };
}

/** Draws the curves into the page at `width` px (no title: the page has one). */
export function curveSvg(curves: CurveData, target: number, width: number): SVGSVGElement {
  const height = Math.round(Math.max(260, Math.min(420, width * 0.6)));
  const svg = powerCurvePlot({ document, series: curves.series, xLabel: curves.xLabel, yLabel: curves.yLabel, target, width, height });
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${curves.yLabel} curve: ${curves.xLabel} on the x axis; the table below gives every point.`);
  svg.dataset.testid = 'curve-svg';
  return svg;
}

/** The curves as a standalone SVG file, with title and subtitle, as `trialsim run --svg` draws them. */
export function curveSvgFile(curves: CurveData, target: number): string {
  const svg = powerCurvePlot({
    document,
    series: curves.series,
    xLabel: curves.xLabel,
    yLabel: curves.yLabel,
    title: curves.title,
    subtitle: curves.subtitle,
    target,
  });
  return svgFileText(svg);
}
