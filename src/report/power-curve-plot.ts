import * as Plot from '@observablehq/plot';

/** One simulated point of a curve. */
export interface CurvePoint {
  x: number;
  /** Power (or assurance). */
  power: number;
  /** Wilson 95 % interval. */
  ci95: [number, number];
}

/** One curve: a sweep over x at fixed values of everything else. */
export interface CurveSeries {
  /** Names the curve in a family, e.g. `correlation = 0.5`; omit for a single curve. */
  label?: string;
  points: CurvePoint[];
  /** A point to mark, e.g. the sample size a search chose or the file's n. */
  marked?: { x: number; label: string };
}

/** What to draw. */
export interface PowerCurvePlotOptions {
  /** The document to create elements in: `window.document` in a browser, linkedom's in Node. */
  document: Document;
  series: CurveSeries[];
  /** Axis label of x, e.g. `Patients randomized (design.n)`. */
  xLabel: string;
  /** `Power` or `Assurance`. */
  yLabel?: string;
  /** The power to reach: a horizontal line. */
  target?: number;
  /** A title drawn inside the SVG. */
  title?: string;
  /** A smaller line under the title (seed, replicates, test). */
  subtitle?: string;
  width?: number;
  height?: number;
}

/** A row of the flattened data: Plot marks take arrays of plain objects. */
interface Row {
  series: string;
  x: number;
  power: number;
  low: number;
  high: number;
}

/** Colours of the curves of a family (Observable 10), in series order. */
const PALETTE = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e', '#9498a0'];

/**
 * Draws power curves with their Wilson 95 % bands, the target line and the
 * marked points, with Observable Plot, into `options.document`. Takes the
 * document as a parameter and touches no DOM global, so the same code renders
 * in the browser and, through linkedom, in the CLI. Every mark's group has a class
 * (`wilson-band`, `power-curve`, `target`, `chosen`, …) that stylesheets and
 * tests can address, and the main ones an `aria-description` for screen readers. Returns the `<svg>` element.
 */
export function powerCurvePlot(options: PowerCurvePlotOptions): SVGSVGElement {
  const { document, series, target } = options;
  const family = series.length > 1;
  const names = series.map((s, i) => s.label ?? `curve ${i + 1}`);
  const rows: Row[] = series.flatMap((s, i) =>
    [...s.points].sort((a, b) => a.x - b.x).map((p) => ({ series: names[i], x: p.x, power: p.power, low: p.ci95[0], high: p.ci95[1] })),
  );
  const colour = (i: number) => PALETTE[i % PALETTE.length];
  const colourOf = new Map(names.map((name, i) => [name, colour(i)]));
  const stroke = (d: Row) => colourOf.get(d.series)!;
  const marked = series.flatMap((s, i) => {
    if (!s.marked) return [];
    const row = rows.find((r) => r.series === names[i] && r.x === s.marked!.x);
    return [{ series: names[i], x: s.marked.x, power: row?.power ?? NaN, label: s.marked.label }];
  });
  const top = options.title ? (options.subtitle ? 56 : 40) : 20;
  const marks: Plot.Markish[] = [
    Plot.areaY(rows, {
      x: 'x',
      y1: 'low',
      y2: 'high',
      z: 'series',
      fill: stroke,
      fillOpacity: 0.22,
      curve: 'linear',
      className: 'wilson-band',
      ariaDescription: 'Wilson 95 % interval of each simulated point',
    }),
    Plot.lineY(rows, {
      x: 'x',
      y: 'power',
      z: 'series',
      stroke,
      strokeWidth: 1.75,
      className: 'power-curve',
      ariaDescription: 'simulated power at each point',
    }),
    Plot.dot(rows, { x: 'x', y: 'power', fill: stroke, r: 2, className: 'simulated-points' }),
  ];
  if (target !== undefined) {
    marks.push(
      Plot.ruleY([target], {
        stroke: '#c0392b',
        strokeDasharray: '5,4',
        strokeWidth: 1.25,
        className: 'target',
        ariaDescription: 'target power',
      }),
      Plot.text([target], {
        y: (d: number) => d,
        frameAnchor: 'left',
        dx: 4,
        dy: -7,
        text: (d: number) => `target ${d}`,
        fill: '#c0392b',
        className: 'target-label',
      }),
    );
  }
  if (marked.length > 0) {
    marks.push(
      Plot.ruleX(marked, {
        x: 'x',
        y1: 0,
        y2: 'power',
        stroke: (d: { series: string }) => colourOf.get(d.series)!,
        strokeDasharray: '2,3',
        className: 'chosen',
        ariaDescription: 'the chosen sample size',
      }),
      Plot.dot(marked, {
        x: 'x',
        y: 'power',
        r: 4.5,
        stroke: (d: { series: string }) => colourOf.get(d.series)!,
        fill: 'white',
        strokeWidth: 2,
        className: 'chosen-point',
      }),
      // One label per distinct mark (a family often marks the same n on every curve): on the highest curve.
      Plot.text(
        marked.filter((m) => !marked.some((o) => o.x === m.x && o.label === m.label && o.power > m.power)),
        { x: 'x', y: 'power', text: 'label', dx: 7, dy: 12, textAnchor: 'start', className: 'chosen-label' },
      ),
    );
  }
  if (family) {
    // A family gets labels at the right end of each curve instead of an HTML legend, so the output stays pure SVG.
    marks.push(
      Plot.text(endLabels(rows, names), {
        x: 'x',
        y: 'y',
        text: 'series',
        fill: stroke,
        dx: 6,
        textAnchor: 'start',
        className: 'curve-labels',
      }),
    );
  }
  if (options.title) {
    marks.push(
      Plot.text([options.title], {
        frameAnchor: 'top-left',
        dy: -top + 14,
        fontSize: 13,
        fontWeight: 'bold',
        textAnchor: 'start',
        className: 'title',
      }),
    );
  }
  if (options.subtitle) {
    marks.push(
      Plot.text([options.subtitle], { frameAnchor: 'top-left', dy: -top + 31, fill: '#555', textAnchor: 'start', className: 'subtitle' }),
    );
  }
  const longestLabel = family ? Math.max(...names.map((n) => n.length)) : 0;
  return Plot.plot({
    document,
    width: options.width ?? 720,
    height: options.height ?? 420,
    marginTop: top,
    marginLeft: 50,
    marginRight: family ? Math.min(220, 20 + 6 * longestLabel) : 20,
    marginBottom: 40,
    style: { background: 'white', fontSize: '11px' },
    x: { label: options.xLabel, labelAnchor: 'center', labelOffset: 34, nice: true },
    y: { label: options.yLabel ?? 'Power', domain: [0, 1], grid: true, labelAnchor: 'center', labelOffset: 40 },
    marks,
  }) as unknown as SVGSVGElement;
}

/** Least vertical distance between two curve labels, in power units (about 14 px at the default height). */
const LABEL_GAP = 0.04;

/**
 * One label per curve at its right end, moved apart vertically (in power
 * units) so that curves ending close together keep readable labels.
 */
function endLabels(rows: Row[], names: string[]): Array<{ series: string; x: number; y: number }> {
  const ends = names
    .map((name) => rows.filter((r) => r.series === name).at(-1))
    .filter((r): r is Row => r !== undefined)
    .map((r) => ({ series: r.series, x: r.x, y: r.power }))
    .sort((a, b) => b.y - a.y);
  for (let i = 1; i < ends.length; i++) ends[i].y = Math.min(ends[i].y, ends[i - 1].y - LABEL_GAP);
  return ends;
}

/**
 * The `<svg>` element as a standalone SVG file: with the SVG namespace
 * declared (DOM serializers omit it on an element created in an HTML
 * document) and an XML declaration.
 */
export function svgFileText(svg: SVGSVGElement): string {
  if (!svg.getAttribute('xmlns')) svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.outerHTML}\n`;
}
