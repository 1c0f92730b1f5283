import type { ReportedPoint, RunResult } from '../run/run-result.js';
import { testLabel } from './test-label.js';

/** Output formats of `trialsim run`. */
export type OutputFormat = 'table' | 'json' | 'csv' | 'markdown';

const fixed = (x: number, digits = 4) => (Number.isFinite(x) ? x.toFixed(digits) : 'NaN');
const estimateOf = (p: ReportedPoint) => p.assurance ?? p.power ?? NaN;

/** Column names: one per swept path, then the estimate and its uncertainty. */
function columns(result: RunResult): string[] {
  const paths = sweptPaths(result);
  const extra = result.quantity === 'assurance' ? ['power at estimate'] : [];
  return [...paths, result.quantity, 'ci95 low', 'ci95 high', 'mcse', ...extra, 'replicates', 'degenerate'];
}

function sweptPaths(result: RunResult): string[] {
  return [...new Set(result.points.flatMap((p) => Object.keys(p.set)))];
}

function rows(result: RunResult): string[][] {
  const paths = sweptPaths(result);
  return result.points.map((p) => [
    ...paths.map((path) => String(p.set[path])),
    fixed(estimateOf(p)),
    fixed(p.ci95[0]),
    fixed(p.ci95[1]),
    fixed(p.mcse),
    ...(result.quantity === 'assurance' ? [fixed(p.powerAtEstimate ?? NaN)] : []),
    String(p.replicates),
    String(p.degenerate),
  ]);
}

/** One line saying how the numbers were made: enough to re-run them. */
function provenance(result: RunResult): string {
  return `${testLabel(result)} · seed "${result.seed}" · ${result.rng} · engine ${result.engine} · ${result.workers} worker(s) · ${result.elapsedMs} ms`;
}

/** A plain-text table for a terminal. */
export function formatTable(result: RunResult): string {
  const header = columns(result);
  const body = rows(result);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  const notes =
    result.quantity === 'assurance'
      ? ['assurance = probability of success averaged over the uncertain parameters; power at estimate = with each at its centre']
      : [];
  const degenerate = result.points.reduce((s, p) => s + p.degenerate, 0);
  if (degenerate > 0) notes.push(`${degenerate} simulated trial(s) could not be analysed (e.g. zero variance) and were scored as failures`);
  return `${[result.title, provenance(result), '', line(header), ...body.map(line), ...notes.map((n) => `\n${n}`)].join('\n')}\n`;
}

/** CSV with a header row; one row per point. */
export function formatCsv(result: RunResult): string {
  const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return `${[columns(result), ...rows(result)].map((r) => r.map(quote).join(',')).join('\n')}\n`;
}

/** A GitHub-flavoured Markdown table with a heading. */
export function formatMarkdown(result: RunResult): string {
  const header = columns(result);
  const escapeCell = (c: string) => c.replace(/\|/g, '\\|');
  return `${[
    `### ${escapeCell(result.title)}`,
    '',
    provenance(result),
    '',
    `| ${header.map(escapeCell).join(' | ')} |`,
    `| ${header.map(() => '---:').join(' | ')} |`,
    ...rows(result).map((r) => `| ${r.map(escapeCell).join(' | ')} |`),
  ].join('\n')}\n`;
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
