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
import { fixed, MISSING_NUMBER, percentFixed, significant } from '../text/number.js';
import { shellQuote } from '../text/shell.js';

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

/** A parameter in words: a number, or its distribution and centre. */
export function paramText(p: Param): string {
  if (typeof p === 'number') return significant(p, 6);
  const centre = significant(centreOf(p), 6);
  switch (p.dist) {
    case 'normal':
      return `Normal(mean ${significant(p.mean, 6)}, SD ${significant(p.sd, 6)}), centre ${centre}`;
    case 'beta':
      return `Beta(${significant(p.alpha, 6)}, ${significant(p.beta, 6)}), centre ${centre}`;
    case 'lognormal':
      return `log-normal(meanlog ${significant(p.meanlog, 6)}, sdlog ${significant(p.sdlog, 6)}), mean ${centre}`;
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
    rows.push([['Design'], [`parallel groups, randomized ${design.allocation.map((x) => significant(x, 6)).join(':')}`]]);
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
  if (design.kind === 'single-arm') rows.push([['Null value tested against'], [significant(analysis.null, 6)]]);
  if (design.arms.length > 2)
    rows.push([['Several arms'], [`${analysis.multiplicity} adjustment; success when ${analysis.success} comparison(s) succeed`]]);
  return rows;
}

/** One row of the number-sources table. */
function sourceRow(r: NumberSource, cited: Map<string, CitedSource>): Inline[][] {
  const written = typeof r.written === 'number' ? significant(r.written, 6) : r.written;
  const value: Inline[] =
    r.used !== undefined
      ? [{ code: written }, ` = ${significant(r.used, 6)}`]
      : [typeof r.written === 'number' ? written : { code: written }];
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
            s.nWithDropout !== s.n ? ` (${s.n} analysed, ${percentFixed(s.dropout, 0)} dropout)` : '',
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
              ? MISSING_NUMBER
              : `${s.nWithDropout}${perArm(s.perArmWithDropout)}${s.dropout > 0 ? ` = \u2308n/(1 \u2212 ${significant(s.dropout, 6)})\u2309 on the allocation lattice` : ''}`,
          ],
        ],
        [
          [`Simulated ${s.quantity} at n`],
          [s.power === null ? MISSING_NUMBER : `${fixed(s.power)} (95 % CI ${fixed(s.ci95?.[0])}\u2013${fixed(s.ci95?.[1])})`],
        ],
        [
          [`${s.quantity} one step below (n = ${s.nMinus1 ?? MISSING_NUMBER})`],
          [
            s.powerAtNMinus1 === null
              ? MISSING_NUMBER
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
        ...(s.closedForm ? [[['Closed form'], [`n = ${s.closedForm.n ?? MISSING_NUMBER} (${s.closedForm.method})`]] as Inline[][]] : []),
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
