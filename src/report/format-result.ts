import type { ReportedPoint, RunResult } from '../run/run-result.js';
import { alignedTable, csvTable, markdownTable, numberCell, type Table } from './table.js';
import { testLabel } from './test-label.js';

/** Output formats of `trialsim run`. */
export type OutputFormat = 'table' | 'json' | 'csv' | 'markdown';

const estimateOf = (p: ReportedPoint) => p.assurance ?? p.power;

function sweptPaths(result: RunResult): string[] {
  return [...new Set(result.points.flatMap((p) => Object.keys(p.set)))];
}

/** The result as a table: one column per swept path, then the estimate and its uncertainty; one row per point. */
function resultTable(result: RunResult): Table {
  const paths = sweptPaths(result);
  const assurance = result.quantity === 'assurance';
  return {
    header: [
      ...paths,
      result.quantity,
      'ci95 low',
      'ci95 high',
      'mcse',
      ...(assurance ? ['power at estimate'] : []),
      'replicates',
      'degenerate',
    ],
    rows: result.points.map((p) => [
      ...paths.map((path) => String(p.set[path])),
      numberCell(estimateOf(p)),
      numberCell(p.ci95[0]),
      numberCell(p.ci95[1]),
      numberCell(p.mcse),
      ...(assurance ? [numberCell(p.powerAtEstimate)] : []),
      String(p.replicates),
      String(p.degenerate),
    ]),
  };
}

/** One line saying how the numbers were made: enough to re-run them. */
function provenance(result: RunResult): string {
  return `${testLabel(result)} · seed "${result.seed}" · ${result.rng} · engine ${result.engine} · ${result.workers} worker(s) · ${result.elapsedMs} ms`;
}

/** A plain-text table for a terminal. */
export function formatTable(result: RunResult): string {
  const notes =
    result.quantity === 'assurance'
      ? ['assurance = probability of success averaged over the uncertain parameters; power at estimate = with each at its centre']
      : [];
  const degenerate = result.points.reduce((s, p) => s + p.degenerate, 0);
  if (degenerate > 0) notes.push(`${degenerate} simulated trial(s) could not be analysed (e.g. zero variance) and were scored as failures`);
  return `${[result.title, provenance(result), '', alignedTable(resultTable(result)), ...notes.map((n) => `\n${n}`)].join('\n')}\n`;
}

/** CSV with a header row; one row per point. */
export function formatCsv(result: RunResult): string {
  return csvTable(resultTable(result));
}

/** A GitHub-flavoured Markdown table with a heading. */
export function formatMarkdown(result: RunResult): string {
  return markdownTable(result.title, provenance(result), resultTable(result));
}

/** The results of several files in one format (JSON: an object for one file, an array for several). */
export function formatResults(results: RunResult[], format: OutputFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`;
    case 'csv':
      return results.map((r) => (results.length > 1 ? `# ${r.title}\n` : '') + formatCsv(r)).join('\n');
    case 'markdown':
      return results.map(formatMarkdown).join('\n');
    case 'table':
      return results.map(formatTable).join('\n');
  }
}
