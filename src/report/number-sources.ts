import { getEvidence } from '../evidence/library.js';
import { SEED_DOCUMENTS } from '../evidence/seed-documents.js';
import type { Quote } from '../evidence/types.js';
import { canonicalPath, isPlainObject, isWithinPath, joinPath, type PathSegment } from '../scenario/paths.js';
import type { ResolvedScenario, ScenarioFile } from '../scenario/types.js';

/** Where one number of a scenario comes from. */
export interface NumberSource {
  /** Its path in the file, e.g. `endpoint.arms.msc.mean`. */
  path: string;
  /** As written: a number or an expression. */
  written: number | string;
  /** The value simulated at the file's design point, when it differs from `written` (an expression). */
  used?: number;
  /**
   * `evidence`: a source paper supplies it (`sources[].paths`, or a `fromCI` of an evidence entry);
   * `assumption`: the file labels it an assumption (`assumptions[]`);
   * `computed`: an expression over other values (their rows say where those come from);
   * `analysis`: a choice of the analysis plan (α, sides, null value);
   * `unsourced`: the file gives no source and no assumption for it.
   */
  kind: 'evidence' | 'assumption' | 'computed' | 'analysis' | 'unsourced';
  /** Evidence ids that supply it. */
  evidence?: string[];
  /** The file's note for its sources. */
  note?: string;
  /**
   * The file's note when it also labels the number an assumption — alone, or
   * on top of a source (e.g. a cited effect assumed to carry over to another product).
   */
  assumption?: string;
}

/** A cited evidence entry, resolved to its paper. */
export interface CitedSource {
  id: string;
  /** Whether the id is in the evidence library. */
  found: boolean;
  /** What was measured. */
  measure?: string;
  /** The paper, e.g. `NCT06764329 registry record`, and its full title. */
  document?: { short: string; title: string };
  /** The section or table, and the paper's own words. */
  section?: string;
  quote?: string;
  supporting?: readonly Quote[];
  /** The library's caveats about these numbers. */
  caveats?: string;
  /** The scenario's note, and the paths it says the entry supplies. */
  note?: string;
  paths: string[];
}

/** Keys whose values are names or choices, not numbers. */
const NOT_NUMBERS = new Set([
  'kind',
  'id',
  'label',
  'better',
  'test',
  'multiplicity',
  'success',
  'unit',
  'control',
  'categories',
  'evidence',
]);
/** The blocks whose numbers describe the trial. */
const BLOCKS = ['let', 'design', 'endpoint', 'analysis'] as const;
const DISTRIBUTIONS = new Set(['normal', 'beta', 'lognormal']);

/** Whether `path` (canonical) is the listed path or lies under it; a listed path may be spelled `probs.2`. */
function under(path: string, listed: string): boolean {
  const prefix = canonicalPath(listed);
  return prefix !== undefined && isWithinPath(prefix, path);
}

/** Every number or expression of the trial blocks, with its path. */
function leaves(
  value: unknown,
  path: string,
  out: Array<{ path: string; value: number | string; fromCI?: string }>,
  key?: PathSegment,
): void {
  if (typeof key === 'string' && NOT_NUMBERS.has(key)) return;
  if (typeof value === 'number' || typeof value === 'string') {
    out.push({ path, value });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => leaves(v, joinPath(path, i), out, i));
    return;
  }
  if (!isPlainObject(value)) return;
  // { fromCI: { evidence: id } }: the whole distribution comes from an evidence entry.
  const fromCI = value.fromCI;
  if (isPlainObject(fromCI) && typeof fromCI.evidence === 'string') {
    out.push({ path: joinPath(path, 'fromCI'), value: `fromCI of ${fromCI.evidence}`, fromCI: fromCI.evidence });
    return;
  }
  for (const [k, v] of Object.entries(value)) leaves(v, joinPath(path, k), out, k);
}

/** The simulated value at a written path (distribution names skipped: `p.beta.alpha` → the beta's alpha). */
function usedValue(resolved: ResolvedScenario, path: string): number | undefined {
  if (path.startsWith('let')) return undefined;
  const segments = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let cur: unknown = resolved;
  for (const s of segments) {
    if (isPlainObject(cur) && DISTRIBUTIONS.has(s) && cur.dist === s) continue;
    if (Array.isArray(cur)) cur = cur[Number(s)];
    else if (isPlainObject(cur) && Object.hasOwn(cur, s)) cur = cur[s];
    else return undefined;
  }
  return typeof cur === 'number' ? cur : undefined;
}

/**
 * Where each number of a scenario comes from: every number or expression of
 * `let`, `design`, `endpoint` and `analysis`, matched against the file's
 * `sources[].paths` and `assumptions[].path` (a listed path covers what lies
 * under it, e.g. `design.allocation` covers both ratios).
 */
export function numberSources(file: ScenarioFile, resolved: ResolvedScenario): NumberSource[] {
  const found: Array<{ path: string; value: number | string; fromCI?: string }> = [];
  const root = file as unknown as Record<string, unknown>;
  for (const block of BLOCKS) if (root[block] !== undefined) leaves(root[block], block, found);
  return found.map(({ path, value, fromCI }): NumberSource => {
    const used = typeof value === 'string' && !fromCI ? usedValue(resolved, path) : undefined;
    const base = { path, written: value, ...(used === undefined ? {} : { used }) };
    const sources = (file.sources ?? []).filter((s) => (s.paths ?? []).some((p) => under(path, p)));
    const evidence = [...new Set([...(fromCI ? [fromCI] : []), ...sources.map((s) => s.evidence)])];
    const assumed = (file.assumptions ?? []).filter((a) => under(path, a.path)).map((a) => a.note);
    const assumption = assumed.length > 0 ? { assumption: assumed.join(' ') } : {};
    if (evidence.length > 0) {
      const notes = sources.map((s) => s.note).filter((n): n is string => typeof n === 'string');
      return { ...base, kind: 'evidence', evidence, ...(notes.length > 0 ? { note: notes.join(' ') } : {}), ...assumption };
    }
    if (assumed.length > 0) return { ...base, kind: 'assumption', ...assumption };
    if (typeof value === 'string') return { ...base, kind: 'computed' };
    if (path.startsWith('analysis')) return { ...base, kind: 'analysis' };
    return { ...base, kind: 'unsourced' };
  });
}

/** The file's `sources`, each resolved to its evidence entry and paper. */
export function citedSources(file: ScenarioFile): CitedSource[] {
  return (file.sources ?? []).map((s): CitedSource => {
    const entry = getEvidence(s.evidence);
    const base = { id: s.evidence, paths: s.paths ?? [], ...(s.note === undefined ? {} : { note: s.note }) };
    if (!entry) return { ...base, found: false };
    return {
      ...base,
      found: true,
      measure: entry.measure,
      document: SEED_DOCUMENTS[entry.provenance.seed],
      section: entry.provenance.section,
      quote: entry.provenance.quote,
      ...(entry.provenance.supporting ? { supporting: entry.provenance.supporting } : {}),
      caveats: entry.notes,
    };
  });
}

/** Evidence ids used through `fromCI` but not listed in `sources`, so the report cites them too. */
export function fromCIOnly(file: ScenarioFile, rows: readonly NumberSource[]): CitedSource[] {
  const listed = new Set((file.sources ?? []).map((s) => s.evidence));
  const ids = [...new Set(rows.filter((r) => r.path.endsWith('fromCI')).flatMap((r) => r.evidence ?? []))].filter((id) => !listed.has(id));
  return citedSources({
    ...file,
    sources: ids.map((id) => ({ evidence: id, paths: rows.filter((r) => r.evidence?.includes(id)).map((r) => r.path) })),
  });
}
