/**
 * The results column: the curve growing while a run is under way, the last
 * completed run (drawn by the lazily loaded drawing code, see views.ts),
 * marked when the scenario has changed since, redrawn on resize and on a new
 * target; and the CSV and SVG exports of what is shown.
 */
import { formatCsv } from '../../src/report/format-result.js';
import type { PageController } from '../controller/page-controller.js';
import type { PageSnapshot } from '../controller/page-types.js';
import type { PageCurves } from '../curve-view.js';
import { byId, download, h, slug } from '../dom.js';

/** The drawing code (Observable Plot, the curve, the table): views.ts, loaded in parallel with the first run. */
export type Drawing = typeof import('../views.js');

/** Draws results into the page once `drawing` has loaded; `onFirstCurve` is called when the first complete curve is on the page. */
export function mountResultsPanel(controller: PageController, drawing: Promise<Drawing>, onFirstCurve: () => void): void {
  const resultsRegion = byId('results', HTMLDivElement);
  const exportCsv = byId('export-csv', HTMLButtonElement);
  const exportSvg = byId('export-svg', HTMLButtonElement);
  let draw: Drawing | undefined;
  /** The curves drawn for the shown run (for the SVG export), or why there are none. */
  let curves: PageCurves | string = '';
  let drawnResult: unknown;
  let firstCurve = false;

  /** Width for the plot: the results column's width. */
  const plotWidth = () => Math.max(300, Math.min(820, Math.floor(resultsRegion.clientWidth || 640)));

  /** Says so above the results when the scenario has changed since they were computed. */
  function markStale(state: PageSnapshot): void {
    resultsRegion.querySelector('.stale')?.remove();
    if (!controller.stale || !resultsRegion.querySelector('.result-title')) return;
    const text = state.autoRun
      ? 'The scenario has changed since these results were computed; they will be re-run.'
      : 'The scenario has changed since these results were computed: press Run.';
    resultsRegion.prepend(h('p', { className: 'stale', 'data-testid': 'stale' }, text));
  }

  /** Draws the run under way (its points so far) or else the last completed run. */
  function render(state: PageSnapshot): void {
    if (!draw) return;
    const { partial, shown } = state;
    if (partial) {
      const partialCurves = draw.pageCurves(partial.result, partial.target, { partial: true });
      resultsRegion.replaceChildren(
        h('h3', { className: 'result-title' }, partial.title),
        draw.curveFigure(partialCurves, partial.target, plotWidth(), `Simulating: ${partial.done} of ${partial.total} points so far…`),
      );
      return;
    }
    if (!shown) {
      resultsRegion.replaceChildren(h('p', { className: 'hint' }, 'Press Run to simulate the scenario.'));
      return;
    }
    curves = draw.renderRun(resultsRegion, { ...shown, target: state.target }, plotWidth());
    if (drawnResult !== shown.result) {
      drawnResult = shown.result;
      exportCsv.disabled = false;
      exportSvg.disabled = typeof curves === 'string';
      if (!firstCurve && typeof curves !== 'string') {
        firstCurve = true;
        onFirstCurve();
      }
    }
    markStale(state);
  }

  drawing.then(
    (d) => {
      draw = d;
      if (controller.state.shown || controller.state.partial) render(controller.state);
    },
    () => undefined, // The entry reports it.
  );

  controller.subscribe((changes, state) => {
    if (changes.has('results')) render(state);
    else if (changes.has('scenario') || changes.has('autoRun')) markStale(state);
  });

  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  let lastWidth = 0;
  new ResizeObserver(() => {
    const w = plotWidth();
    if (Math.abs(w - lastWidth) < 24) return;
    lastWidth = w;
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      const { state } = controller;
      if (state.shown && state.status !== 'running') render(state);
    }, 150);
  }).observe(resultsRegion);

  exportCsv.addEventListener('click', () => {
    const shown = controller.state.shown;
    if (shown) download(`${slug(shown.result.title)}.csv`, formatCsv(shown.result), 'text/csv');
  });
  exportSvg.addEventListener('click', () => {
    const shown = controller.state.shown;
    if (shown && draw && typeof curves !== 'string')
      download(`${slug(shown.result.title)}.svg`, draw.curveSvgFile(curves.curves, controller.state.target), 'image/svg+xml');
  });
}
