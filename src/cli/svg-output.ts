import { parseHTML } from 'linkedom';
import type { CurveData } from '../report/curve-series.js';
import { powerCurvePlot, svgFileText } from '../report/power-curve-plot.js';

/**
 * Renders curves to the text of a standalone SVG file in Node: linkedom
 * supplies the document that Observable Plot draws into (the browser passes
 * its own `document` to the same `powerCurvePlot`). The commands import this
 * module dynamically, only for `--svg` and `report`: linkedom and Plot are
 * the slowest modules of the CLI to load.
 */
export function renderCurveSvg(curves: CurveData, target?: number): string {
  const { document } = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>');
  const svg = powerCurvePlot({
    document: document as unknown as Document,
    series: curves.series,
    xLabel: curves.xLabel,
    yLabel: curves.yLabel,
    title: curves.title,
    subtitle: curves.subtitle,
    ...(target === undefined ? {} : { target }),
  });
  return svgFileText(svg);
}
