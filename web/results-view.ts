/**
 * The results of a run: the curve with the target crossing in words, the
 * file's own expectation, the table of points, and the sample-size
 * justification for a protocol with its sources.
 */
import type { DesignPoint } from '../src/scenario/design-points.js';
import type { ScenarioFile } from '../src/scenario/types.js';
import { ownPointIndex } from '../src/run/own-design.js';
import { justification } from '../src/report/justification.js';
import { citationOf } from '../src/report/path-provenance.js';
import type { RunResult } from '../src/run/run-result.js';
import { targetCrossing } from '../src/report/target-crossing.js';
import { fixed } from '../src/text/number.js';
import { curveSvg, pageCurves, type PageCurves } from './curve-view.js';
import { h } from './dom.js';
import { degenerateNote, provenanceLine, resultsTable } from './results-table.js';

/** What a finished run is drawn from. */
export interface RunContext {
  result: RunResult;
  /** The validated file as run, and its design points (settings applied), in the order of `result.points`. */
  file: ScenarioFile;
  points: readonly DesignPoint[];
  target: number;
}

/** The index of the point to justify: the file's own design (`own`), else the first that reaches the target. */
function justifiedIndex(result: RunResult, own: number, curves: PageCurves | string, target: number): number {
  if (own >= 0) return own;
  if (typeof curves === 'string') return result.points.length === 1 ? 0 : -1;
  const first = curves.curves.series[0];
  const c = first && targetCrossing(first.points, target);
  return c?.at ? result.points.findIndex((p) => p.set[curves.xPath] === c.at!.x && Object.keys(p.set).length === 1) : -1;
}

/** The figure: the plot at the width of `container`, and its sentences as the caption. */
export function curveFigure(curves: PageCurves | string, target: number, width: number, partial?: string): HTMLElement {
  if (typeof curves === 'string') return h('p', { className: 'hint no-curve' }, `No curve: ${curves}.`);
  const caption = h('figcaption', { 'data-testid': 'curve-words' });
  for (const s of curves.sentences) caption.append(h('p', {}, s));
  if (partial) caption.prepend(h('p', { className: 'partial' }, partial));
  return h(
    'figure',
    { className: 'curve', 'data-testid': 'curve' },
    h('div', { className: 'curve-plot' }, curveSvg(curves.curves, target, width)),
    caption,
  );
}

/** The sentence on the file's `expect` block at its own design point, if it has one that applies. */
function expectationText(ctx: RunContext, own: number): string | undefined {
  const { result, file } = ctx;
  const bounds = file.expect?.[result.quantity];
  if (!bounds || own < 0) return undefined;
  const point = result.points[own];
  const estimate = point.assurance ?? point.power;
  if (estimate === undefined) return undefined;
  const parts: string[] = [];
  let met = true;
  if (bounds.atLeast !== undefined) {
    parts.push(`≥ ${bounds.atLeast}`);
    met &&= estimate >= bounds.atLeast;
  }
  if (bounds.atMost !== undefined) {
    parts.push(`≤ ${bounds.atMost}`);
    met &&= estimate <= bounds.atMost;
  }
  if (parts.length === 0) return undefined;
  const where =
    Object.entries(point.set)
      .map(([p, v]) => `${p} = ${v}`)
      .join(', ') || 'its design';
  return `The file expects ${result.quantity} ${parts.join(' and ')} at its own design point (${where}): ${fixed(estimate, 3)} — ${met ? 'met' : 'not met'}.`;
}

/** Draws a finished run into `container`. Returns the curves (for the SVG export), or a reason there are none. */
export function renderRun(container: HTMLElement, ctx: RunContext, width: number): PageCurves | string {
  const { result, file, points, target } = ctx;
  const curves = pageCurves(result, target);
  const own = ownPointIndex(file, points);
  const nodes: (HTMLElement | undefined)[] = [
    h('h3', { className: 'result-title' }, result.title),
    h('p', { className: 'provenance', 'data-testid': 'provenance' }, provenanceLine(result)),
  ];
  if (result.quantity === 'assurance') {
    nodes.push(
      h(
        'p',
        { className: 'quantity-note', 'data-testid': 'quantity-note' },
        h('strong', {}, 'Assurance, not power: '),
        'some parameters are uncertain (distributions), so each simulated trial draws them anew. Assurance is the probability that the trial succeeds averaged over that uncertainty; ',
        h('em', {}, 'power at estimate'),
        ' is the power with every distribution at its centre.',
      ),
    );
  } else {
    nodes.push(
      h(
        'p',
        { className: 'quantity-note', 'data-testid': 'quantity-note' },
        h('strong', {}, 'Power: '),
        'the share of simulated trials whose analysis succeeds, with every parameter fixed at its value.',
      ),
    );
  }
  nodes.push(curveFigure(curves, target, width));
  const expectation = expectationText(ctx, own);
  if (expectation) nodes.push(h('p', { className: 'expectation', 'data-testid': 'expectation' }, expectation));

  const marks = new Map<number, string>();
  if (typeof curves !== 'string') {
    for (const s of curves.curves.series) {
      if (!s.marked) continue;
      const i = result.points.findIndex(
        (p) =>
          p.set[curves.xPath] === s.marked!.x &&
          (!s.label ||
            curves.curves.series.length === 1 ||
            Object.entries(p.set)
              .filter(([k]) => k !== curves.xPath)
              .map(([k, v]) => `${k} = ${v}`)
              .join(', ') === s.label),
      );
      if (i >= 0) marks.set(i, `first ≥ ${target}`);
    }
  }
  if (own >= 0) marks.set(own, marks.has(own) ? `${marks.get(own)}; the file's design` : "the file's design");
  nodes.push(h('h4', {}, 'Every simulated point'), resultsTable(result, { marks }), ...degenerateNote(result));

  const j = justifiedIndex(result, own, curves, target);
  nodes.push(h('h4', { id: 'justification-heading' }, 'Sample-size justification'));
  if (j >= 0) {
    const text = justification(file, points[j].scenario, result, result.points[j]);
    const copy = h('button', { type: 'button', className: 'small', 'data-testid': 'copy-justification' }, 'Copy paragraph');
    const para = h('p', { className: 'justification', 'data-testid': 'justification' }, text);
    copy.addEventListener('click', () => {
      void navigator.clipboard?.writeText(text).then(
        () => (copy.textContent = 'Copied'),
        () => selectText(para),
      );
    });
    nodes.push(h('blockquote', { className: 'justification-box', 'aria-labelledby': 'justification-heading' }, para), copy);
  } else {
    nodes.push(
      h(
        'p',
        { className: 'hint' },
        "The file's own design is not among the simulated points; add its value to the sweep to get a justification paragraph.",
      ),
    );
  }
  nodes.push(sourcesList(file));
  container.replaceChildren(...nodes.filter((n): n is HTMLElement => n !== undefined));
  return curves;
}

/** Selects the text of an element (when the clipboard is not available, the user can copy it). */
function selectText(el: HTMLElement): void {
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** Every cited source of the file, with the paper's words, and every assumption. */
function sourcesList(file: ScenarioFile): HTMLElement {
  const section = h('div', { className: 'sources' }, h('h4', {}, 'Where the numbers come from'));
  const sources = file.sources ?? [];
  if (sources.length === 0 && (file.assumptions ?? []).length === 0) {
    section.append(h('p', { className: 'hint' }, 'This scenario cites no sources and lists no assumptions.'));
    return section;
  }
  const list = h('ul', { className: 'source-list' });
  for (const s of sources) {
    const { citation, quote } = citationOf(s.evidence);
    const item = h('li', {}, h('strong', {}, citation), ` [${s.evidence}]`, s.paths?.length ? ` — supplies ${s.paths.join(', ')}` : '');
    if (quote) item.append(h('blockquote', {}, `“${quote}”`));
    list.append(item);
  }
  for (const a of file.assumptions ?? [])
    list.append(h('li', {}, h('span', { className: 'tag assumption' }, 'Assumed'), ` ${a.path}: ${a.note}`));
  section.append(list);
  return section;
}
