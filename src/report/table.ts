import { csvField } from '../text/csv.js';
import { escapeTableCell } from '../text/markdown.js';
import { fixed } from '../text/number.js';

/** A table of text cells: the header row and the body rows (every row as long as the header). */
export interface Table {
  header: string[];
  rows: string[][];
}

/**
 * A number in a cell of a result table (CSV, aligned or Markdown): `digits`
 * decimals, and an empty cell when there is no finite number to show.
 */
export function numberCell(x: number | null | undefined, digits = 4): string {
  return fixed(x, digits, '');
}

/** The table aligned for a terminal: every column right-aligned to its widest cell, two spaces apart. */
export function alignedTable(table: Table): string {
  const widths = table.header.map((h, i) => Math.max(h.length, ...table.rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  return [line(table.header), ...table.rows.map(line)].join('\n');
}

/** The table as CSV, header row first, one line per row. */
export function csvTable(table: Table): string {
  return `${[table.header, ...table.rows].map((r) => r.map(csvField).join(',')).join('\n')}\n`;
}

/** A GitHub-flavoured Markdown table under a `###` heading and a line of provenance; numbers right-aligned. */
export function markdownTable(title: string, line: string, table: Table): string {
  return `${[
    `### ${escapeTableCell(title)}`,
    '',
    line,
    '',
    `| ${table.header.map(escapeTableCell).join(' | ')} |`,
    `| ${table.header.map(() => '---:').join(' | ')} |`,
    ...table.rows.map((r) => `| ${r.map(escapeTableCell).join(' | ')} |`),
  ].join('\n')}\n`;
}
