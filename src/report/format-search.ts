import { unitDecimals } from '../engine/mde-search.js';
import { fixed, significant } from '../text/number.js';
import type { OutputFormat } from './format-result.js';
import type { MdeResult } from '../run/mde-run.js';
import type { SizeResult } from '../run/size-run.js';
import { alignedTable, csvTable, markdownTable, numberCell, type Table } from './table.js';
import { testLabel } from './test-label.js';

const interval = (ci: [number, number] | null | undefined) => (ci ? `[${fixed(ci[0])}, ${fixed(ci[1])}]` : '');
const perArmText = (perArm: Record<string, number> | undefined) =>
  perArm
    ? Object.entries(perArm)
        .map(([arm, n]) => `${arm} ${n}`)
        .join(', ')
    : '';

/** Swept paths of a set of results (other than the searched quantity). */
function sweptPaths(results: ReadonlyArray<{ set: Record<string, unknown> }>): string[] {
  return [...new Set(results.flatMap((r) => Object.keys(r.set)))];
}

function sizeTable(results: SizeResult[]): Table {
  const paths = sweptPaths(results);
  const quantity = results[0].quantity;
  return {
    header: [
      ...paths,
      'target',
      'n',
      'per arm',
      quantity,
      'ci95 low',
      'ci95 high',
      'n one step below',
      `${quantity} one step below`,
      'n randomized',
      'closed form n',
      'evaluations',
    ],
    rows: results.map((r) => [
      ...paths.map((p) => String(r.set[p] ?? '')),
      String(r.target),
      r.n === null ? `> ${r.maxN}` : String(r.n),
      r.perArm ? Object.values(r.perArm).join('/') : '',
      numberCell(r.power),
      numberCell(r.ci95?.[0]),
      numberCell(r.ci95?.[1]),
      r.nMinus1 === null ? '' : String(r.nMinus1),
      numberCell(r.powerAtNMinus1),
      r.nWithDropout === null ? '' : String(r.nWithDropout),
      r.closedForm?.n === null || r.closedForm === undefined ? '' : String(r.closedForm.n),
      String(r.evaluations),
    ]),
  };
}

function mdeTable(results: MdeResult[]): Table {
  const paths = sweptPaths(results);
  const quantity = results[0].quantity;
  const d = unitDecimals(results[0].resolution);
  return {
    header: [
      ...paths,
      'target',
      'n',
      'effect',
      results[0].parameter === 'mean' ? 'mean' : 'rate',
      quantity,
      'ci95 low',
      'ci95 high',
      `${quantity} one step below`,
      'closed form effect',
      'evaluations',
    ],
    rows: results.map((r) => [
      ...paths.map((p) => String(r.set[p] ?? '')),
      String(r.target),
      String(r.n),
      r.effect === null ? 'not reached' : numberCell(r.effect, d),
      numberCell(r.value, d),
      numberCell(r.power),
      numberCell(r.ci95?.[0]),
      numberCell(r.ci95?.[1]),
      numberCell(r.powerBelow),
      numberCell(r.closedForm?.effect, d),
      String(r.evaluations),
    ]),
  };
}

function provenance(r: SizeResult | MdeResult): string {
  const replicates = r.precision === undefined ? `${r.replicates} replicates per point` : `precision ±${r.precision}`;
  return `${testLabel(r)} \u00b7 ${replicates} \u00b7 seed "${r.seed}" \u00b7 ${r.rng} \u00b7 engine ${r.engine} \u00b7 ${r.workers} worker(s) \u00b7 ${r.elapsedMs} ms`;
}

/** Label/value lines, aligned. */
function block(lines: Array<[string, string]>): string {
  const width = Math.max(...lines.map(([label]) => label.length));
  return lines.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

/** One size result as a labelled block, for a terminal. */
function sizeBlock(r: SizeResult): string {
  const q = r.quantity;
  const lines: Array<[string, string]> = [[`target ${q}`, String(r.target)]];
  if (r.n === null) {
    const last = r.evaluated.at(-1);
    // A power still near α at the largest n means nothing to detect, not too low a bound.
    const advice =
      last !== undefined && last.power < 2 * r.alpha
        ? `the ${q} stays near \u03b1 = ${r.alpha}: is there an effect to detect?`
        : 'raise --max-n';
    lines.push(['n', `not reached with n \u2264 ${r.maxN} (largest tried: ${last?.n}, ${q} ${fixed(last?.power)}); ${advice}`]);
  } else {
    lines.push([r.dropout > 0 ? 'n analysed' : 'n', `${r.n}${r.perArm ? `  (${perArmText(r.perArm)})` : ''}`]);
    lines.push([`${q} at n`, `${fixed(r.power)}  ${interval(r.ci95)}`]);
    if (r.nMinus1 !== null) lines.push([`${q} at n\u2212step = ${r.nMinus1}`, `${fixed(r.powerAtNMinus1)}  ${interval(r.ci95AtNMinus1)}`]);
    if (r.dropout > 0) {
      lines.push([
        'n to randomize',
        `${r.nWithDropout}${r.perArmWithDropout ? `  (${perArmText(r.perArmWithDropout)})` : ''}  for dropout ${significant(r.dropout, 4)}`,
      ]);
      lines.push([`${q} at that n, dropout on`, `${fixed(r.powerAtNWithDropout)}  ${interval(r.ci95AtNWithDropout)}`]);
    }
  }
  if (r.closedForm) {
    lines.push([
      'closed form',
      r.closedForm.n === null
        ? `not reached (${r.closedForm.method})`
        : `n = ${r.closedForm.n}, power ${fixed(r.closedForm.power)}  (${r.closedForm.method})`,
    ]);
  }
  const check = r.powerAtNWithDropout === undefined ? '' : `; dropout check at ${r.nWithDropout}`;
  lines.push([
    'evaluations',
    `${r.evaluations} design points in ${r.rounds} rounds (search: ${r.evaluated.map((p) => `${p.n}\u2192${fixed(p.power, 3)}`).join(', ')}${check})`,
  ]);
  return block(lines);
}

/** One mde result as a labelled block, for a terminal. */
function mdeBlock(r: MdeResult): string {
  const q = r.quantity;
  const d = unitDecimals(r.resolution);
  const what = r.parameter === 'mean' ? 'mean' : 'rate';
  const lines: Array<[string, string]> = [
    [`target ${q}`, String(r.target)],
    [
      'n',
      `${r.n}${r.perArm ? `  (${perArmText(r.perArm)})` : ''}${r.dropout > 0 ? `, dropout ${significant(r.dropout, 4)} simulated` : ''}`,
    ],
  ];
  if (r.effect === null) {
    lines.push(['effect', `not reached: even the largest effect tried gives ${q} below the target`]);
  } else {
    lines.push([
      'smallest effect',
      `${fixed(r.effect, d)}  (${r.path.replace(/^endpoint\.arms\./, '')} = ${fixed(r.value, d)} vs ${r.reference.name} ${r.reference.value})`,
    ]);
    lines.push([`${q} at effect`, `${fixed(r.power)}  ${interval(r.ci95)}`]);
    if (r.effectBelow !== null) lines.push([`${q} at ${fixed(r.effectBelow, d)}`, `${fixed(r.powerBelow)}  ${interval(r.ci95Below)}`]);
  }
  lines.push(['file\u2019s effect', fixed(r.fileEffect, d)]);
  if (r.closedForm)
    lines.push([
      'closed form',
      `${fixed(r.closedForm.effect, d)} (${what} ${fixed(r.closedForm.value, d)}), power ${fixed(r.closedForm.power)}  (${r.closedForm.method})`,
    ]);
  lines.push([
    'evaluations',
    `${r.evaluations} design points in ${r.rounds} rounds: ${r.evaluated.map((p) => `${fixed(p.effect, d)}\u2192${fixed(p.power, 3)}`).join(', ')}`,
  ]);
  return block(lines);
}

/** Wraps text at `width` columns (for the method paragraph). */
function wrap(text: string, width = 100): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.join('\n');
}

/**
 * Results of `trialsim size` in an output format. JSON: one object for a
 * single design point (the DESIGN.md shape), an array for a sweep. Table: a
 * labelled block for one point, one row per point for a sweep. CSV and
 * Markdown: one row per point.
 */
export function formatSizeResults(results: SizeResult[], format: OutputFormat): string {
  return formatSearch(results, format, sizeTable, sizeBlock);
}

/** Results of `trialsim mde` in an output format (as `formatSizeResults`). */
export function formatMdeResults(results: MdeResult[], format: OutputFormat): string {
  return formatSearch(results, format, mdeTable, mdeBlock);
}

function formatSearch<R extends SizeResult | MdeResult>(
  results: R[],
  format: OutputFormat,
  table: (rs: R[]) => Table,
  single: (r: R) => string,
): string {
  const first = results[0];
  // The method text of a point with dropout explains both counts of n; without dropout any point's will do.
  const method = (results.find((r) => r.dropout > 0) ?? first).method;
  switch (format) {
    case 'json':
      return `${JSON.stringify(results.length === 1 ? first : results, null, 2)}\n`;
    case 'csv':
      return csvTable(table(results));
    case 'markdown':
      return `${markdownTable(first.title, provenance(first), table(results))}\n${method}\n`;
    case 'table':
      return `${[
        first.title,
        provenance(first),
        '',
        results.length === 1 ? single(first) : alignedTable(table(results)),
        '',
        wrap(method),
      ].join('\n')}\n`;
  }
}
