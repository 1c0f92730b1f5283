import { getEvidence } from '../evidence/library.js';
import { SEED_DOCUMENTS } from '../evidence/seed-documents.js';
import { canonicalPath, isPlainObject, isWithinPath, ownValue } from '../scenario/paths.js';

/** An evidence entry that supplies values at or under a path of a scenario. */
export interface PathSource {
  /** The evidence id, as in `sources[].evidence`. */
  evidence: string;
  /** "Short title of the paper, section", or the id when the library has no such entry. */
  citation: string;
  /** The paper's own words, when the library has the entry. */
  quote?: string;
  /** The scenario's note on this source. */
  note?: string;
  /** The paths of this source that concern the path asked about. */
  paths: string[];
}

/** A value that no paper supplies, stated as such in `assumptions`. */
export interface PathAssumption {
  path: string;
  note: string;
}

/** Where the values at or under a path come from. */
export interface PathProvenance {
  sources: PathSource[];
  assumptions: PathAssumption[];
}

/** "Short title of the paper, section" and the paper's words for an evidence id (the id alone when unknown). */
export function citationOf(evidence: string): { citation: string; quote?: string } {
  const entry = getEvidence(evidence);
  if (!entry) return { citation: evidence };
  return { citation: `${SEED_DOCUMENTS[entry.provenance.seed].short}, ${entry.provenance.section}`, quote: entry.provenance.quote };
}

/** Whether one path is the other or lies inside it. */
function related(a: string, b: string): boolean {
  return isWithinPath(a, b) || isWithinPath(b, a);
}

/**
 * The sources (`sources[].paths`) and assumptions (`assumptions[].path`) of a
 * scenario that concern `path`: the value there, a value inside it, or a
 * value it is part of. Reads untrusted, possibly invalid data: anything that
 * is not a well-formed entry is skipped.
 */
export function pathProvenance(scenario: unknown, path: string): PathProvenance {
  const target = canonicalPath(path);
  const out: PathProvenance = { sources: [], assumptions: [] };
  if (target === undefined || !isPlainObject(scenario)) return out;
  const sources = ownValue(scenario, 'sources');
  if (Array.isArray(sources)) {
    for (const s of sources) {
      if (!isPlainObject(s)) continue;
      const evidence = ownValue(s, 'evidence');
      const paths = ownValue(s, 'paths');
      if (typeof evidence !== 'string' || !Array.isArray(paths)) continue;
      const matching = paths.map(canonicalPath).filter((p): p is string => p !== undefined && related(p, target));
      if (matching.length === 0) continue;
      const note = ownValue(s, 'note');
      out.sources.push({
        evidence,
        ...citationOf(evidence),
        ...(typeof note === 'string' ? { note } : {}),
        paths: matching,
      });
    }
  }
  const assumptions = ownValue(scenario, 'assumptions');
  if (Array.isArray(assumptions)) {
    for (const a of assumptions) {
      if (!isPlainObject(a)) continue;
      const p = canonicalPath(ownValue(a, 'path'));
      const note = ownValue(a, 'note');
      if (p !== undefined && typeof note === 'string' && related(p, target)) out.assumptions.push({ path: p, note });
    }
  }
  return out;
}
