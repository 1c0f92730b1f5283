/**
 * The evidence library: every number of the source papers that a trial
 * designer would use as an effect size or a design fact, checked against the
 * papers themselves (../shared/seeds/). The numbers live as data, one file per
 * paper in src/evidence/papers/ (their schema: check-paper.ts). Each entry
 * quotes the paper's own words; test/evidence/library.test.ts checks that
 * every quote is in its paper and that every number of the value is in its quotes.
 *
 * The data is loaded on demand (`loadEvidenceLibrary`, awaited by
 * `prepareScenarioInput` for a document that cites evidence): bundlers put it
 * in a chunk of its own, so the page's first load and `trialsim --help` do
 * not carry it. Once loaded, every lookup is synchronous.
 *
 * Where ../shared/EVIDENCE.md and a paper disagree, the paper wins and the
 * entry's notes say so.
 */
import { isPlainObject } from '../scenario/paths.js';
import type { EvidenceEntry } from './types.js';

/** The loaded library, indexed. */
interface Library {
  entries: readonly EvidenceEntry[];
  ids: readonly string[];
  byId: ReadonlyMap<string, EvidenceEntry>;
}

let library: Library | undefined;
let loading: Promise<void> | undefined;

/** Freezes an object and everything in it, so that no caller can change the shared library. */
function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

/**
 * Loads the evidence data files (once: later and concurrent calls share the
 * first load; a failed load, e.g. a chunk the network lost, is retried by the
 * next call). Scenario code reaches it through `prepareScenarioInput`.
 */
export function loadEvidenceLibrary(): Promise<void> {
  loading ??= import('./paper-files.js').then(
    ({ readPapers }) => {
      const entries = deepFreeze(readPapers());
      library = { entries, ids: Object.freeze(entries.map((e) => e.id)), byId: new Map(entries.map((e) => [e.id, e])) };
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Whether `loadEvidenceLibrary` has finished, so that lookups may run. */
export function isEvidenceLibraryLoaded(): boolean {
  return library !== undefined;
}

function loaded(): Library {
  if (library === undefined) {
    throw new Error(
      'bug: the evidence library is not loaded; call prepareScenarioInput (src/scenario/prepare.ts) or loadEvidenceLibrary first',
    );
  }
  return library;
}

/**
 * Every entry of the library (deeply frozen), grouped by source paper.
 *
 * @throws Error (a bug) when the library is not loaded
 */
export function evidenceEntries(): readonly EvidenceEntry[] {
  return loaded().entries;
}

/**
 * The ids of every entry, in library order (the order "did you mean" suggestions follow).
 *
 * @throws Error (a bug) when the library is not loaded
 */
export function evidenceIds(): readonly string[] {
  return loaded().ids;
}

/**
 * The entry with this id, or `undefined` when there is none.
 *
 * @throws Error (a bug) when the library is not loaded
 */
export function getEvidence(id: string): EvidenceEntry | undefined {
  return loaded().byId.get(id);
}

/**
 * Whether a parsed, untrusted scenario document (or a value to be put into
 * one) may look anything up in the library: it has `sources`, or an object
 * anywhere in it has an `evidence` key (a source, or `fromCI: { evidence }`).
 * Errs on the side of loading; reads own keys only and walks without
 * recursion, so any input is safe.
 */
export function needsEvidenceLibrary(json: unknown): boolean {
  if (isPlainObject(json) && Object.hasOwn(json, 'sources')) return true;
  const stack: unknown[] = [json];
  while (stack.length > 0) {
    const x = stack.pop();
    if (Array.isArray(x)) for (const v of x) stack.push(v);
    else if (isPlainObject(x)) {
      if (Object.hasOwn(x, 'evidence')) return true;
      for (const key of Object.keys(x)) stack.push(x[key]);
    }
  }
  return false;
}
