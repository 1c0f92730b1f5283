/**
 * The evidence library: every number of the source papers that a trial
 * designer would use as an effect size or a design fact, checked against the
 * papers themselves (../shared/seeds/). The numbers live as data, one file per
 * paper in src/evidence/papers/ (their schema: check-paper.ts). Each entry
 * quotes the paper's own words; test/evidence/library.test.ts checks that
 * every quote is in its paper and that every number of the value is in its quotes.
 *
 * Where ../shared/EVIDENCE.md and a paper disagree, the paper wins and the
 * entry's notes say so.
 */
import { readPapers } from './paper-files.js';
import type { EvidenceEntry } from './types.js';

/** Freezes an object and everything in it, so that no caller can change the shared library. */
function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

/** Every entry of the library (deeply frozen), grouped by source paper. */
export const EVIDENCE: readonly EvidenceEntry[] = deepFreeze(readPapers());

/** The ids of every entry, in library order. */
export const EVIDENCE_IDS: readonly string[] = Object.freeze(EVIDENCE.map((e) => e.id));

const BY_ID: ReadonlyMap<string, EvidenceEntry> = new Map(EVIDENCE.map((e) => [e.id, e]));

/** The entry with this id, or `undefined` when there is none. */
export function getEvidence(id: string): EvidenceEntry | undefined {
  return BY_ID.get(id);
}
