import { TESTS } from '../analysis/catalog.js';
import { armSizes } from '../designs/arm-sizes.js';
import { CHUNK_SIZE } from '../engine/chunks.js';
import { ENGINE_VERSION } from '../engine/version.js';
import { RNG_NAME } from '../random/xorwow.js';
import { centreOf } from '../scenario/param-centre.js';
import type { Param, ResolvedScenario } from '../scenario/types.js';
import { figureText, reasonText } from './format-check.js';
import { citedSources, fromCIOnly, numberSources, type CitedSource, type NumberSource } from './number-sources.js';
import type { ReportData } from '../run/report-run.js';
import type { ReportedPoint } from '../run/run-result.js';

/** Inline text: plain, code, or strong. */
export type Inline = string | { code: string } | { strong: string };

/** One block of a report, rendered to HTML or Markdown. */
export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; id?: string }
  | { kind: 'paragraph'; content: Inline[]; className?: string }
  | { kind: 'quote'; text: string; cite?: string }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; header: string[]; rows: Inline[][][]; numeric?: boolean[]; className?: string }
  | { kind: 'figure'; caption: string }
  | { kind: 'pre'; text: string; language?: string; caption?: string };

/** What the report is made from besides the simulated data. */
export interface ReportMeta {
  /** The command that made the report, as typed (`trialsim report …`). */
  commandLine: string;
  /** The scenario file's text, embedded verbatim. */
  text: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  /** `--precision`, when given (adaptive replicates). */
  precision?: number;
}

const fixed = (x: number | null | undefined, digits = 4) =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits);
const pct = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : `${(100 * x).toFixed(digits)} %`;
const num = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6))));

/** A parameter in words: a number, or its distribution and centre. */
export function paramText(p: Param): string {
  if (typeof p === 'number') return num(p);
  const centre = num(centreOf(p));
  switch (p.dist) {
    case 'normal':
      return `Normal(mean ${num(p.mean)}, SD ${num(p.sd)}), centre ${centre}`;
    case 'beta':
      return `Beta(${num(p.alpha)}, ${num(p.beta)}), centre ${centre}`;
    case 'lognormal':
      return `log-normal(meanlog ${num(p.meanlog)}, sdlog ${num(p.sdlog)}), mean ${centre}`;
  }
}

/** The design as table rows. */
function designRows(s: ResolvedScenario): Inline[][][] {
  const { design, endpoint, analysis } = s;
  const armLabel = (id: string) => design.arms.find((a) => a.id === id)?.label ?? id;
  const rows: Inline[][][] = [];
  const arms = design.arms.map((a) => `${a.label}${a.control ? ' (control)' : ''}`).join('; ');
  if (design.kind === 'parallel') {
    const sizes = armSizes(design.n, design.allocation);
    rows.push([['Design'], [`parallel groups, randomized ${design.allocation.map(num).join(':')}`]]);
    rows.push([['Arms'], [arms]]);
    rows.push([['Patients randomized (design.n)'], [`${design.n} (${design.arms.map((a, i) => `${sizes[i]} ${a.label}`).join(', ')})`]]);
  } else if (design.kind === 'within-patient') {
    rows.push([['Design'], ['within-patient: every patient has one site per arm']]);
    rows.push([['Sites'], [arms]]);
    rows.push([['Patients (design.n)'], [String(design.n)]]);
    rows.push([['Correlation between a patient\u2019s sites'], [paramText(design.correlation)]]);
    rows.push([['Spill-over (share of the active effect reaching the control site)'], [paramText(design.spillover)]]);
  } else {
    rows.push([['Design'], ['single arm']]);
    rows.push([['Arm'], [arms]]);
    rows.push([['Patients (design.n)'], [String(design.n)]]);
  }
  rows.push([['Dropout (lost before the endpoint)'], [paramText(design.dropout)]]);
  rows.push([
    ['Endpoint'],
    [
      `${endpoint.label} (${endpoint.kind}${endpoint.kind === 'ordinal' ? `: ${endpoint.categories.join(' / ')}` : ''}; ${endpoint.better} is better)`,
    ],
  ]);
  for (const [id, arm] of Object.entries(endpoint.arms)) {
    const text =
      'mean' in arm
        ? `mean ${paramText(arm.mean)}; SD ${paramText(arm.sd)}`
        : 'p' in arm
          ? `response rate ${paramText(arm.p)}`
          : `category probabilities ${arm.probs.map(paramText).join(' / ')}`;
    rows.push([[`Assumed outcome: ${armLabel(id)}`], [text]]);
  }
  const test = TESTS.find((t) => t.id === analysis.test)?.name ?? analysis.test;
  rows.push([
    ['Analysis'],
    [`${test} (`, { code: analysis.test }, `), ${analysis.sides === 2 ? 'two-sided' : 'one-sided'} \u03b1 = ${analysis.alpha}`],
  ]);
  if (design.kind === 'single-arm') rows.push([['Null value tested against'], [num(analysis.null)]]);
  if (design.arms.length > 2)
    rows.push([['Several arms'], [`${analysis.multiplicity} adjustment; success when ${analysis.success} comparison(s) succeed`]]);
  return rows;
}

/** One row of the number-sources table. */
function sourceRow(r: NumberSource, cited: Map<string, CitedSource>): Inline[][] {
  const written = typeof r.written === 'number' ? num(r.written) : r.written;
  const value: Inline[] =
    r.used !== undefined ? [{ code: written }, ` = ${num(r.used)}`] : [typeof r.written === 'number' ? written : { code: written }];
  let source: Inline[];
  switch (r.kind) {
    case 'evidence': {
      const papers = (r.evidence ?? []).map((id) => {
        const c = cited.get(id);
        return c?.found ? `${c.document!.short}, ${c.section} [${id}]` : `[${id}] (not in the evidence library)`;
      });
      source = [{ strong: 'Source: ' }, papers.join('; '), ...(r.assumption ? [' ', { strong: 'Also assumed: ' }, r.assumption] : [])];
      break;
    }
    case 'assumption':
      source = [{ strong: 'Assumption: ' }, r.assumption ?? ''];
      break;
    case 'computed':
      source = ['Computed from the values it names (see their rows).'];
      break;
    case 'analysis':
      source = ['Analysis plan: a choice of the design, not an estimate.'];
      break;
    case 'unsourced':
      source = [{ strong: 'No source given: ' }, 'the file neither cites nor labels this number.'];
      break;
  }
  return [[{ code: r.path }], value, source];
}

/** The estimate at a reported point, with its interval. */
function pointText(result: { quantity: string }, p: ReportedPoint): string {
  const estimate = p.assurance ?? p.power ?? NaN;
  const atEstimate = p.assurance !== undefined ? `; power at the point estimates ${fixed(p.powerAtEstimate)}` : '';
  return `${result.quantity} ${fixed(estimate)} (95 % CI ${fixed(p.ci95[0])}\u2013${fixed(p.ci95[1])}; ${p.replicates.toLocaleString('en-US')} simulated trials)${atEstimate}`;
}

/**
 * The report as blocks: the question, the answer, the design, where every
 * number comes from, the sources quoted, the power curve, the sample size,
 * the `expect` verdicts, the justification paragraph and the reproducibility
 * block with the scenario file itself.
 */
export function reportBlocks(data: ReportData, meta: ReportMeta): ReportBlock[] {
  const { scenario, designPoint, design, sizes, check } = data;
  const resolved = designPoint.scenario;
  const rows = numberSources(scenario, resolved);
  const cited = [...citedSources(scenario), ...fromCIOnly(scenario, rows)];
  const citedById = new Map(cited.map((c) => [c.id, c]));
  const blocks: ReportBlock[] = [];
  const p0 = design.points[0];

  blocks.push({ kind: 'heading', level: 1, text: scenario.title });
  blocks.push({
    kind: 'paragraph',
    className: 'byline',
    content: [`Sample-size report from the scenario file `, { code: data.file }, ` \u00b7 trialsim engine ${ENGINE_VERSION}`],
  });

  blocks.push({ kind: 'heading', level: 2, text: 'The question', id: 'question' });
  blocks.push({ kind: 'paragraph', content: [scenario.description ?? 'The scenario file has no description.'] });

  blocks.push({ kind: 'heading', level: 2, text: 'Answer', id: 'answer' });
  const answer: Inline[][] = [[`At the design in the file (n = ${resolved.design.n}): `, { strong: pointText(design, p0) }, '.']];
  for (const s of sizes) {
    answer.push(
      s.n === null
        ? [`${s.quantity} ${s.target}: `, { strong: `not reached up to n = ${s.maxN}` }, '.']
        : [
            `${s.quantity === 'assurance' ? 'Assurance' : 'Power'} ${s.target}: `,
            { strong: `${s.nWithDropout} patients to randomize` },
            s.nWithDropout !== s.n ? ` (${s.n} analysed, ${pct(s.dropout, 0)} dropout)` : '',
            ` \u2014 simulated ${s.quantity} at n = ${s.n}: ${fixed(s.power)} (95 % CI ${fixed(s.ci95?.[0])}\u2013${fixed(s.ci95?.[1])}).`,
          ],
    );
  }
  for (const o of check.outcomes)
    answer.push([
      `Promise `,
      { code: o.path },
      ` (${o.expectation}): `,
      { strong: o.verdict === 'inconclusive' ? 'inconclusive' : o.verdict },
      ` \u2014 ${reasonText(o)}.`,
    ]);
  blocks.push({ kind: 'list', items: answer });

  blocks.push({ kind: 'heading', level: 2, text: 'Design', id: 'design' });
  blocks.push({
    kind: 'table',
    header: ['', 'as simulated at the file\u2019s design point'],
    rows: designRows(resolved),
    className: 'design',
  });

  blocks.push({ kind: 'heading', level: 2, text: 'Assumptions: the source of every number', id: 'assumptions' });
  blocks.push({
    kind: 'paragraph',
    content: [
      'Every number of the scenario\u2019s ',
      { code: 'let' },
      ', ',
      { code: 'design' },
      ', ',
      { code: 'endpoint' },
      ' and ',
      { code: 'analysis' },
      ' blocks, with the paper it is taken from (',
      { code: 'sources' },
      ') or the file\u2019s reason for assuming it (',
      { code: 'assumptions' },
      ').',
    ],
  });
  blocks.push({
    kind: 'table',
    header: ['value', 'as written', 'source'],
    rows: rows.map((r) => sourceRow(r, citedById)),
    className: 'sources',
  });
  const unsourced = rows.filter((r) => r.kind === 'unsourced');
  if (unsourced.length > 0)
    blocks.push({
      kind: 'paragraph',
      className: 'warning',
      content: [
        { strong: `${unsourced.length} number(s) without a source or an assumption: ` },
        unsourced.map((r) => r.path).join(', '),
        '.',
      ],
    });

  blocks.push({ kind: 'heading', level: 2, text: 'Sources', id: 'sources' });
  if (cited.length === 0) blocks.push({ kind: 'paragraph', content: ['The file cites no evidence entry.'] });
  for (const c of cited) {
    blocks.push({ kind: 'heading', level: 3, text: c.found ? `${c.document!.short} [${c.id}]` : `[${c.id}]` });
    if (!c.found) {
      blocks.push({ kind: 'paragraph', content: ['This evidence id is not in trialsim\u2019s evidence library.'] });
      continue;
    }
    blocks.push({ kind: 'paragraph', content: [{ strong: 'Document: ' }, c.document!.title] });
    blocks.push({ kind: 'paragraph', content: [{ strong: 'Measure: ' }, c.measure!] });
    blocks.push({ kind: 'paragraph', content: [{ strong: 'Where: ' }, c.section!] });
    blocks.push({ kind: 'quote', text: c.quote!, cite: c.section });
    for (const q of c.supporting ?? []) blocks.push({ kind: 'quote', text: q.quote, cite: q.section });
    if (c.paths.length > 0)
      blocks.push({
        kind: 'paragraph',
        content: [{ strong: 'Supplies: ' }, ...c.paths.flatMap((p, i): Inline[] => (i === 0 ? [{ code: p }] : [', ', { code: p }]))],
      });
    if (c.note) blocks.push({ kind: 'paragraph', content: [{ strong: 'Scenario note: ' }, c.note] });
    if (c.caveats)
      blocks.push({ kind: 'paragraph', className: 'caveat', content: [{ strong: 'Caveats (evidence library): ' }, c.caveats] });
  }

  blocks.push({ kind: 'heading', level: 2, text: 'Power curve', id: 'curve' });
  if (data.curve) {
    blocks.push({
      kind: 'figure',
      caption: `${data.curve.yLabel} against ${data.curve.xLabel}: ${data.curve.subtitle}.${data.curveTarget !== undefined ? ` Dashed line: target ${data.curveTarget}.` : ''}`,
    });
  } else {
    blocks.push({ kind: 'paragraph', content: ['No curve: the scenario has no sweep and no sample-size search was run.'] });
  }
  if (data.sweep) {
    const paths = [...new Set(data.sweep.points.flatMap((p) => Object.keys(p.set)))];
    const q = data.sweep.quantity;
    blocks.push({
      kind: 'table',
      header: [...paths, q, '95 % CI', ...(q === 'assurance' ? ['power at estimate'] : []), 'trials'],
      numeric: [...paths.map(() => true), true, false, ...(q === 'assurance' ? [true] : []), true],
      rows: data.sweep.points.map((p) => [
        ...paths.map((path) => [String(p.set[path])]),
        [fixed(p.assurance ?? p.power)],
        [`${fixed(p.ci95[0])}\u2013${fixed(p.ci95[1])}`],
        ...(q === 'assurance' ? [[fixed(p.powerAtEstimate)]] : []),
        [String(p.replicates)],
      ]),
      className: 'curve-table',
    });
  }

  blocks.push({ kind: 'heading', level: 2, text: 'Sample size', id: 'sample-size' });
  for (const s of sizes) {
    const perArm = (x: Record<string, number> | undefined) =>
      x
        ? ` (${Object.entries(x)
            .map(([arm, n]) => `${arm} ${n}`)
            .join(', ')})`
        : '';
    blocks.push({
      kind: 'table',
      header: ['', `target ${s.quantity} ${s.target}`],
      rows: [
        [['Patients analysed (n)'], [s.n === null ? `not reached up to ${s.maxN}` : `${s.n}${perArm(s.perArm)}`]],
        [
          ['Patients to randomize'],
          [
            s.nWithDropout === null
              ? '–'
              : `${s.nWithDropout}${perArm(s.perArmWithDropout)}${s.dropout > 0 ? ` = \u2308n/(1 \u2212 ${num(s.dropout)})\u2309 on the allocation lattice` : ''}`,
          ],
        ],
        [
          [`Simulated ${s.quantity} at n`],
          [s.power === null ? '–' : `${fixed(s.power)} (95 % CI ${fixed(s.ci95?.[0])}\u2013${fixed(s.ci95?.[1])})`],
        ],
        [
          [`${s.quantity} one step below (n = ${s.nMinus1 ?? '–'})`],
          [
            s.powerAtNMinus1 === null
              ? '–'
              : `${fixed(s.powerAtNMinus1)} (95 % CI ${fixed(s.ci95AtNMinus1?.[0])}\u2013${fixed(s.ci95AtNMinus1?.[1])})`,
          ],
        ],
        ...(s.powerAtNWithDropout !== undefined
          ? [
              [
                [`Check: ${s.quantity} at ${s.nWithDropout} randomized with dropout simulated`],
                [`${fixed(s.powerAtNWithDropout)} (95 % CI ${fixed(s.ci95AtNWithDropout?.[0])}\u2013${fixed(s.ci95AtNWithDropout?.[1])})`],
              ] as Inline[][],
            ]
          : []),
        ...(s.closedForm ? [[['Closed form'], [`n = ${s.closedForm.n ?? '–'} (${s.closedForm.method})`]] as Inline[][]] : []),
        [['Search'], [`${s.evaluations} design points simulated. ${s.method}`]],
      ],
      className: 'size',
    });
  }

  blocks.push({ kind: 'heading', level: 2, text: 'What the file promises (expect)', id: 'expect' });
  if (check.outcomes.length === 0) blocks.push({ kind: 'paragraph', content: ['The file has no ', { code: 'expect' }, ' block.'] });
  else {
    blocks.push({
      kind: 'table',
      header: ['expectation', 'verdict', 'figure', 'why'],
      rows: check.outcomes.map((o) => [[{ code: o.path }, ` ${o.expectation}`], [{ strong: o.verdict }], [figureText(o)], [reasonText(o)]]),
    });
    blocks.push({
      kind: 'paragraph',
      className: 'note',
      content: [
        'Judged as ',
        { code: 'trialsim check' },
        ' judges it: at the file\u2019s own design point, from the Wilson 95 % interval \u2014 pass when the whole interval meets the bound, fail when it misses it, inconclusive when it contains the threshold.',
      ],
    });
  }

  blocks.push({ kind: 'heading', level: 2, text: 'Justification for the protocol', id: 'justification' });
  blocks.push({ kind: 'paragraph', className: 'justification', content: [data.justification] });

  blocks.push({ kind: 'heading', level: 2, text: 'Reproducibility', id: 'reproducibility' });
  const sim = resolved.simulation;
  const precision = meta.precision ?? sim.precision;
  blocks.push({
    kind: 'table',
    header: ['', ''],
    rows: [
      [['trialsim engine'], [ENGINE_VERSION]],
      [['Random numbers'], [`${RNG_NAME} streams seeded by seedrandom; chunk k of every design point seeded from (seed, k)`]],
      [['Seed'], [{ code: design.seed }]],
      [
        ['Replicates per design point'],
        [precision !== undefined ? `adaptive, until the 95 % half-width is at most ${precision}` : String(p0.replicates)],
      ],
      [['Chunk size'], [`${CHUNK_SIZE} replicates`]],
      [
        ['Fast path'],
        [
          design.fastPath
            ? 'yes: normal endpoints simulated through their sufficient statistics (exact in distribution)'
            : 'no: every patient simulated',
        ],
      ],
      [['Scenario file'], [{ code: data.file }, ` (SHA-256 ${meta.sha256})`]],
      [['Made with'], [{ code: meta.commandLine }]],
      [
        ['Same numbers again'],
        [
          { code: `trialsim run ${shellQuote(data.file)} --format json` },
          ' (the sweep) and ',
          { code: `trialsim check ${shellQuote(data.file)}` },
          '; any machine, any number of workers, gives the same counts for the same seed.',
        ],
      ],
    ],
    className: 'reproducibility',
  });
  blocks.push({ kind: 'pre', text: meta.text, language: 'json', caption: `The scenario file ${data.file}, verbatim` });
  return blocks;
}

/** Quotes a word for a POSIX shell when it needs it. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

// ------------------------------------------------------------------ HTML

/** Escapes text for HTML content and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function inlineHtml(content: readonly Inline[]): string {
  return content
    .map((c) =>
      typeof c === 'string'
        ? escapeHtml(c)
        : 'code' in c
          ? `<code>${escapeHtml(c.code)}</code>`
          : `<strong>${escapeHtml(c.strong)}</strong>`,
    )
    .join('');
}

const STYLE = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; max-width: 60rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin-bottom: 0.25rem; }
h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
h3 { font-size: 1rem; margin: 1.4rem 0 0.3rem; }
.byline { color: #555; margin-top: 0; }
code { font: 0.85em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f3f3f5; padding: 0 0.2em; border-radius: 3px; }
table { border-collapse: collapse; margin: 0.6rem 0 1rem; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f6f6f8; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
blockquote { margin: 0.4rem 0 0.6rem; padding: 0.3rem 0.8rem; border-left: 3px solid #4269d0; background: #f7f9fe; }
blockquote footer { color: #555; font-size: 0.85em; }
.warning { color: #9b2c1a; }
.caveat, .note { color: #555; font-size: 0.9rem; }
.justification { background: #fbfbf4; border: 1px solid #e4e4c8; padding: 0.7rem 0.9rem; }
figure { margin: 0.6rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: 0.9rem; }
pre { background: #f6f6f8; border: 1px solid #ddd; padding: 0.7rem; overflow-x: auto; font-size: 0.8rem; white-space: pre-wrap; word-break: break-word; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } pre, table, figure { break-inside: avoid; } }
`;

/**
 * The report as one self-contained HTML file: inline CSS and the power curve
 * as inline SVG; no script, no stylesheet, font or image is fetched. `svg` is
 * the curve's `<svg>` markup (drawn by Observable Plot; in the CLI through
 * linkedom). Every text from the scenario is escaped.
 */
export function reportHtml(blocks: readonly ReportBlock[], svg: string | undefined): string {
  const title = blocks.find((b): b is ReportBlock & { kind: 'heading' } => b.kind === 'heading')?.text ?? 'trialsim report';
  const body = blocks.map((b) => {
    switch (b.kind) {
      case 'heading':
        return `<h${b.level}${b.id ? ` id="${escapeHtml(b.id)}"` : ''}>${escapeHtml(b.text)}</h${b.level}>`;
      case 'paragraph':
        return `<p${b.className ? ` class="${b.className}"` : ''}>${inlineHtml(b.content)}</p>`;
      case 'quote':
        return `<blockquote><p>${escapeHtml(b.text)}</p>${b.cite ? `<footer>${escapeHtml(b.cite)}</footer>` : ''}</blockquote>`;
      case 'list':
        return `<ul>\n${b.items.map((i) => `  <li>${inlineHtml(i)}</li>`).join('\n')}\n</ul>`;
      case 'table': {
        const head = b.header.some((h) => h !== '')
          ? `<thead><tr>${b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`
          : '';
        const rows = b.rows.map(
          (r) =>
            `<tr>${r.map((c, i) => (b.header[0] === '' && i === 0 ? `<th scope="row">${inlineHtml(c)}</th>` : `<td${b.numeric?.[i] ? ' class="num"' : ''}>${inlineHtml(c)}</td>`)).join('')}</tr>`,
        );
        return `<table${b.className ? ` class="${b.className}"` : ''}>${head}<tbody>\n${rows.join('\n')}\n</tbody></table>`;
      }
      case 'figure':
        return svg === undefined ? '' : `<figure>\n${svg}\n<figcaption>${escapeHtml(b.caption)}</figcaption>\n</figure>`;
      case 'pre':
        return `${b.caption ? `<p class="note">${escapeHtml(b.caption)}:</p>\n` : ''}<pre><code${b.language ? ` class="language-${b.language}"` : ''}>${escapeHtml(b.text)}</code></pre>`;
    }
  });
  return `${[
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="trialsim ${ENGINE_VERSION}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
  ].join('\n')}\n`;
}

// ------------------------------------------------------------------ Markdown

/** Escapes text for Markdown prose: HTML specials (a scenario is untrusted) and the characters Markdown would act on. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#])/g, '\\$1')
    .replace(/\r?\n|\r/g, ' ');
}

/** A code span that holds any text (a fence longer than its longest run of backticks). */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n|\r/g, ' ')}${pad}${fence}`;
}

function inlineMarkdown(content: readonly Inline[]): string {
  return content
    .map((c) =>
      typeof c === 'string'
        ? escapeMarkdown(c)
        : 'code' in c
          ? codeSpan(c.code)
          : `**${escapeMarkdown(c.strong).trim()}**${c.strong.endsWith(' ') ? ' ' : ''}`,
    )
    .join('');
}

/**
 * The report as GitHub-flavoured Markdown. Markdown cannot carry inline SVG
 * (GitHub strips it), so the curve is an image link to `svgHref`, the SVG
 * file the CLI writes next to the Markdown file.
 */
export function reportMarkdown(blocks: readonly ReportBlock[], svgHref: string | undefined): string {
  const out = blocks.map((b) => {
    switch (b.kind) {
      case 'heading':
        return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
      case 'paragraph':
        return inlineMarkdown(b.content);
      case 'quote':
        return `> ${escapeMarkdown(b.text)}${b.cite ? `\n>\n> \u2014 ${escapeMarkdown(b.cite)}` : ''}`;
      case 'list':
        return b.items.map((i) => `- ${inlineMarkdown(i)}`).join('\n');
      case 'table': {
        const header = b.header.map((h) => escapeMarkdown(h) || ' ');
        const rule = b.header.map((_, i) => (b.numeric?.[i] ? '---:' : '---'));
        const rows = b.rows.map((r) => `| ${r.map((c) => inlineMarkdown(c)).join(' | ')} |`);
        return [`| ${header.join(' | ')} |`, `| ${rule.join(' | ')} |`, ...rows].join('\n');
      }
      case 'figure':
        return svgHref === undefined ? '' : `![${escapeMarkdown(b.caption)}](${encodeURI(svgHref)})\n\n${escapeMarkdown(b.caption)}`;
      case 'pre': {
        const longest = Math.max(2, ...(b.text.match(/`+/g) ?? []).map((r) => r.length));
        const fence = '`'.repeat(longest + 1);
        return `${b.caption ? `${escapeMarkdown(b.caption)}:\n\n` : ''}${fence}${b.language ?? ''}\n${b.text.replace(/\n$/, '')}\n${fence}`;
      }
    }
  });
  return `${out.filter((s) => s !== '').join('\n\n')}\n`;
}
