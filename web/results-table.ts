/**
 * The results table: one row per design point with its swept values, the
 * power (or assurance), its 95 % interval and Monte-Carlo standard error.
 * Built with textContent only: titles and sweep values come from shared,
 * untrusted scenario files.
 */
import type { ReportedPoint, RunResult } from '../src/run/run-result.js';
import { testLabel } from '../src/report/test-label.js';
import { fixed } from '../src/text/number.js';

/** Swept paths, in the order they first appear. */
function sweptPaths(result: RunResult): string[] {
  return [...new Set(result.points.flatMap((p) => Object.keys(p.set)))];
}

/** One line saying how the numbers were made: enough to re-run them. */
export function provenanceLine(result: RunResult): string {
  const workers = `${result.workers} worker${result.workers === 1 ? '' : 's'}`;
  return `${testLabel(result)} · seed "${result.seed}" · ${result.rng} · engine ${result.engine} · ${workers} · ${result.elapsedMs} ms`;
}

interface Column {
  header: string;
  /** A short explanation (the header's `title`). */
  description?: string;
  cell(point: ReportedPoint): string;
  numeric: boolean;
}

function columnsOf(result: RunResult): Column[] {
  const swept: Column[] = sweptPaths(result).map((path) => ({
    header: path,
    cell: (p) => (p.set[path] === undefined ? '' : String(p.set[path])),
    numeric: true,
  }));
  const assurance = result.quantity === 'assurance';
  const estimate: Column = assurance
    ? {
        header: 'Assurance',
        description: 'probability of success averaged over the uncertain parameters',
        cell: (p) => fixed(p.assurance),
        numeric: true,
      }
    : { header: 'Power', description: 'share of simulated trials that succeeded', cell: (p) => fixed(p.power), numeric: true };
  return [
    ...swept,
    estimate,
    {
      header: '95 % CI',
      description: 'Wilson interval of the estimate',
      cell: (p) => `${fixed(p.ci95[0])} – ${fixed(p.ci95[1])}`,
      numeric: true,
    },
    { header: 'MCSE', description: 'Monte-Carlo standard error', cell: (p) => fixed(p.mcse), numeric: true },
    ...(assurance
      ? [
          {
            header: 'Power at estimate',
            description: 'power with every uncertain parameter at its centre',
            cell: (p: ReportedPoint) => fixed(p.powerAtEstimate),
            numeric: true,
          },
        ]
      : []),
    { header: 'Replicates', cell: (p) => String(p.replicates), numeric: true },
  ];
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

/** Options of `resultsTable`. */
export interface TableOptions {
  /** Rows to mark, e.g. the point where the curve first reaches the target, with what the mark means. */
  marks?: ReadonlyMap<number, string>;
}

/** The table of `result` in a keyboard-scrollable region (one row per design point). */
export function resultsTable(result: RunResult, options: TableOptions = {}): HTMLElement {
  const columns = columnsOf(result);
  // With a sweep, the first swept value names the row.
  const rowHeader = sweptPaths(result).length > 0;
  const table = element('table');
  table.dataset.testid = 'results-table';
  table.append(element('caption', `${result.quantity === 'assurance' ? 'Assurance' : 'Power'} at each design point`, 'visually-hidden'));

  const headRow = element('tr');
  for (const c of columns) {
    const th = element('th', c.header, c.numeric ? 'num' : undefined);
    th.scope = 'col';
    if (c.description) th.title = c.description;
    headRow.append(th);
  }
  if (options.marks) headRow.append(Object.assign(element('th', 'Note'), { scope: 'col' }));
  const head = element('thead');
  head.append(headRow);
  table.append(head);

  const body = element('tbody');
  result.points.forEach((point, index) => {
    const row = element('tr');
    row.dataset.testid = 'result-row';
    columns.forEach((c, i) => {
      const cell = element(rowHeader && i === 0 ? 'th' : 'td', c.cell(point), c.numeric ? 'num' : undefined);
      if (rowHeader && i === 0) cell.scope = 'row';
      row.append(cell);
    });
    if (options.marks) {
      const mark = options.marks.get(index);
      row.append(element('td', mark ?? '', 'note'));
      if (mark) row.classList.add('marked');
    }
    body.append(row);
  });
  table.append(body);

  const scroller = element('div', undefined, 'table-scroll');
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', 'Results table');
  scroller.append(table);
  return scroller;
}

/** Replaces the content of `container` by the title, provenance and table of `result` (and a note on degenerate trials, if any). */
export function renderResults(container: HTMLElement, result: RunResult): void {
  container.replaceChildren(
    element('h3', result.title, 'result-title'),
    element('p', provenanceLine(result), 'provenance'),
    resultsTable(result),
    ...degenerateNote(result),
  );
}

/** A note on trials that could not be analysed, when there were any. */
export function degenerateNote(result: RunResult): HTMLElement[] {
  const degenerate = result.points.reduce((s, p) => s + p.degenerate, 0);
  return degenerate > 0
    ? [element('p', `${degenerate} simulated trial(s) could not be analysed (e.g. zero variance) and were scored as failures.`, 'note')]
    : [];
}
