import type { CheckReport, ExpectationOutcome, FileCheck } from '../run/check-run.js';
import type { Verdict } from '../run/expectations.js';
import { escapeTableCell } from '../text/markdown.js';
import { escapeMarkupText } from '../text/markup.js';
import { fixed, MISSING_NUMBER } from '../text/number.js';

/** Output formats of `trialsim check`. */
export type CheckFormat = 'table' | 'json' | 'markdown';

/** Half-widths `--precision` is suggested at, finest last (trialsim accepts down to 0.0005). */
const PRECISION_STEPS = [0.02, 0.01, 0.005, 0.0025, 0.002, 0.001, 0.0005];

/** The threshold an outcome is judged against. */
function thresholdOf(o: ExpectationOutcome): number {
  return o.spec.kind === 'sampleSize' ? o.spec.power : o.spec.threshold;
}

/**
 * A `--precision` likely to decide an inconclusive expectation: the largest
 * usual half-width below 0.8 × the distance of the estimate from the
 * threshold; undefined when the estimate sits on the threshold (then more
 * replicates may never decide it: the design is on the edge).
 */
export function suggestedPrecision(o: ExpectationOutcome): number | undefined {
  if (o.estimate === null) return undefined;
  const distance = Math.abs(o.estimate - thresholdOf(o));
  return PRECISION_STEPS.find((h) => h <= 0.8 * distance);
}

/** The figure of an outcome with its interval, e.g. `power 0.9642 (95 % CI 0.9604–0.9677; 10000 trials at n = 70)`. */
export function figureText(o: ExpectationOutcome): string {
  const interval = o.ci95 ? `95 % CI ${fixed(o.ci95[0])}–${fixed(o.ci95[1])}` : '';
  if (o.spec.kind === 'sampleSize') {
    const s = o.sampleSize!;
    const found =
      s.n === null ? `power ${o.spec.power} not reached up to n = ${s.maxN}` : `n = ${s.nWithDropout} to randomize (${s.n} analysed)`;
    if (s.budgetAnalysed === null) return `${found}; ${o.note ?? ''}`.trim();
    return `${found}; at ${s.budgetRandomized} randomized (${s.budgetAnalysed} analysed), the most the bound allows: ${o.measured} ${fixed(o.estimate)} (${interval}; ${o.replicates} trials)`;
  }
  return `${o.measured} ${fixed(o.estimate)} (${interval}; ${o.replicates} trials at n = ${o.n})`;
}

/** Why the verdict is what it is, in a few words. */
export function reasonText(o: ExpectationOutcome): string {
  const t = thresholdOf(o);
  const atLeast = o.spec.kind === 'sampleSize' || o.spec.bound === 'atLeast';
  if (o.verdict === 'pass') return `the whole 95 % interval is ${atLeast ? 'at or above' : 'at or below'} ${t}`;
  if (o.verdict === 'fail') {
    if (o.ci95 === null) return o.note ?? 'no design meets the bound';
    return `the whole 95 % interval is ${atLeast ? 'below' : 'above'} ${t}`;
  }
  const h = suggestedPrecision(o);
  return `the 95 % interval contains ${t}: inconclusive \u2014 add replicates${h === undefined ? ' (the estimate is on the threshold: the design is on the edge)' : ` (e.g. --precision ${h})`}`;
}

/** One line of a message: the expectation, the figure and (unless it passed) the reason. */
export function outcomeMessage(o: ExpectationOutcome): string {
  return `${o.expectation}: ${figureText(o)}${o.verdict === 'pass' ? '' : ` \u2014 ${reasonText(o)}`}`;
}

const LABEL: Record<Verdict | 'no-expect' | 'invalid', string> = {
  pass: 'pass',
  fail: 'FAIL',
  inconclusive: 'inconclusive',
  'no-expect': 'no expect',
  invalid: 'INVALID',
};

/** The closing line: counts, and what an exit code means. */
function summaryText(report: CheckReport): string {
  const s = report.summary;
  const parts = [
    `${s.expectations} expectation${s.expectations === 1 ? '' : 's'} in ${s.files} file${s.files === 1 ? '' : 's'}: ${s.passed} passed, ${s.failed} failed, ${s.inconclusive} inconclusive`,
  ];
  if (s.withoutExpect > 0) parts.push(`${s.withoutExpect} file${s.withoutExpect === 1 ? '' : 's'} without expect`);
  if (s.invalid > 0) parts.push(`${s.invalid} invalid file${s.invalid === 1 ? '' : 's'}`);
  return parts.join('; ');
}

/** What the exit code means, when it is not 0. */
function exitText(report: CheckReport): string | undefined {
  const s = report.summary;
  if (report.exitCode === 2) return 'exit 2: some files could not be read or are invalid (their problems are on standard error)';
  if (report.exitCode === 1 && s.failed === 0)
    return 'exit 1: an inconclusive expectation is not evidence that the design holds; add replicates (--precision) or pass --allow-inconclusive';
  if (report.exitCode === 1) return 'exit 1: some expectation failed';
  if (s.inconclusive > 0) return '--allow-inconclusive: inconclusive expectations do not fail the check';
  return undefined;
}

/** Plain text: one line per expectation (and per file without one), then a summary. */
export function formatCheckTable(report: CheckReport): string {
  const rows: Array<[string, string, string]> = report.files.flatMap((f): Array<[string, string, string]> => {
    if (f.status === 'invalid') return [[LABEL.invalid, f.file, `${f.problems?.length ?? 0} problem(s): ${f.problems?.[0] ?? ''}`]];
    if (f.status === 'no-expect') return [[LABEL['no-expect'], f.file, 'no expect block: nothing to check']];
    return f.outcomes.map((o): [string, string, string] => [LABEL[o.verdict], f.file, outcomeMessage(o)]);
  });
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const lines = rows.map(([v, file, text]) => `${v.padEnd(w0)}  ${file.padEnd(w1)}  ${text}`);
  const footer = [
    `${summaryText(report)} \u00b7 Wilson 95 % intervals \u00b7 engine ${report.engine} \u00b7 ${report.workers} worker(s) \u00b7 ${report.elapsedMs} ms`,
  ];
  const exit = exitText(report);
  if (exit) footer.push(exit);
  return `${[...lines, '', ...footer].join('\n')}\n`;
}

/** Escapes untrusted text for a cell of the GitHub summary table, which renders HTML: markup, pipes and line breaks. */
const cell = (text: string) => escapeTableCell(escapeMarkupText(text));

const ICON: Record<Verdict | 'no-expect' | 'invalid', string> = {
  pass: '\u2705 pass',
  fail: '\u274c fail',
  inconclusive: '\u26a0\ufe0f inconclusive',
  'no-expect': '\u2796 no expect',
  invalid: '\u274c invalid',
};

/** A GitHub-flavoured Markdown summary (for $GITHUB_STEP_SUMMARY): a heading, a table, notes. */
export function formatCheckMarkdown(report: CheckReport): string {
  const s = report.summary;
  const heading = `### trialsim check: ${s.passed} passed, ${s.failed} failed, ${s.inconclusive} inconclusive${s.invalid > 0 ? `, ${s.invalid} invalid` : ''}`;
  const header = '| verdict | scenario | expectation | result | 95 % CI | trials | why |';
  const rule = '| --- | --- | --- | ---: | --- | ---: | --- |';
  const rows = report.files.flatMap((f: FileCheck) => {
    const name = `${cell(f.title ?? f.file)}<br>\`${cell(f.file).replace(/`/g, "'")}\``;
    if (f.status === 'invalid') return [`| ${ICON.invalid} | ${name} | | | | | ${cell((f.problems ?? []).join('; '))} |`];
    if (f.status === 'no-expect') return [`| ${ICON['no-expect']} | ${name} | | | | | no expect block: nothing to check |`];
    return f.outcomes.map((o) => {
      const where = o.spec.kind === 'sampleSize' ? `${o.expectation}` : `${o.expectation} at n = ${o.n}`;
      const result =
        o.spec.kind === 'sampleSize'
          ? o.sampleSize!.n === null
            ? `not reached ≤ ${o.sampleSize!.maxN}`
            : `n = ${o.sampleSize!.nWithDropout} (${o.sampleSize!.n} analysed); ${o.measured} ${fixed(o.estimate)} at ${o.sampleSize!.budgetRandomized ?? MISSING_NUMBER}`
          : `${o.measured} ${fixed(o.estimate)}`;
      const ci = o.ci95 ? `${fixed(o.ci95[0])}–${fixed(o.ci95[1])}` : '';
      return `| ${ICON[o.verdict]} | ${name} | ${cell(where)} | ${cell(result)} | ${ci} | ${o.replicates ?? ''} | ${cell(reasonText(o))} |`;
    });
  });
  const notes = [
    `${summaryText(report)}.`,
    "Each expectation is judged at the file's own design point from the Wilson 95 % interval of the simulated figure: pass when the whole interval meets the bound, fail when it misses it, inconclusive when it contains the threshold.",
    `trialsim engine ${report.engine}, ${report.rng} random streams; the same seed gives the same counts on any machine.`,
  ];
  const exit = exitText(report);
  if (exit) notes.push(exit.replace(/^exit (\d)/, '**exit $1**'));
  return `${[heading, '', header, rule, ...rows, '', ...notes.map((n) => `${n}  `)].join('\n').replace(/ {2}$/, '')}\n`;
}

/** The report as JSON (`--format json`). */
export function formatCheckJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The report in one of the check formats. */
export function formatCheck(report: CheckReport, format: CheckFormat): string {
  switch (format) {
    case 'json':
      return formatCheckJson(report);
    case 'markdown':
      return formatCheckMarkdown(report);
    case 'table':
      return formatCheckTable(report);
  }
}
