/**
 * The shipped scenarios (scenarios/*.json), bundled as text so the page can
 * show them in the preset picker and the editor exactly as written.
 */
import { getEvidence, loadEvidenceLibrary } from '../src/evidence/library.js';
import { SEED_DOCUMENTS } from '../src/evidence/seed-documents.js';

/** One shipped scenario file. */
export interface Preset {
  /** File name, e.g. `nct06764329-hair-count.json`; unique. */
  file: string;
  /** The scenario's `title`, or the file name when the file has none. */
  title: string;
  /** The scenario's `description` ('' when it has none). */
  description: string;
  /** One line for the picker: the description's first sentence (its question), at most `SUMMARY_LENGTH` characters. */
  summary: string;
  /** The papers its numbers come from (short citations of `sources[].evidence`, each once). */
  sources: string[];
  /** The file's text, as shipped. */
  text: string;
}

/**
 * Presets from a map of path → file text, sorted by file name. Files that are
 * not valid scenarios are listed too (under their file name): the editor then
 * shows what is wrong with them. Needs the evidence library loaded (`loadPresets` does it).
 */
export function presetsFrom(files: Record<string, string>): Preset[] {
  return Object.entries(files)
    .map(([path, text]) => {
      const file = path.slice(path.lastIndexOf('/') + 1);
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        data = undefined;
      }
      const field = (key: string) => {
        const value = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
        return typeof value === 'string' ? value.trim() : '';
      };
      const description = field('description');
      return { file, title: field('title') || file, description, summary: summaryOf(description), sources: sourcesOf(data), text };
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Longest one-line summary, in characters. */
export const SUMMARY_LENGTH = 180;

/** The first sentence of a description, without a leading "Question:", cut at a word to `SUMMARY_LENGTH`. */
export function summaryOf(description: string): string {
  const text = description
    .replace(/^question:\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  const end = /[.?!](?=\s+[A-Z(]|$)/.exec(text);
  let first = end ? text.slice(0, end.index + 1) : text;
  if (first.length > SUMMARY_LENGTH) {
    const cut = first.lastIndexOf(' ', SUMMARY_LENGTH - 1);
    first = `${first.slice(0, cut > 40 ? cut : SUMMARY_LENGTH - 1).replace(/[,;:]$/, '')}…`;
  }
  return first.charAt(0).toUpperCase() + first.slice(1);
}

/** Short citations of a parsed scenario's sources (unknown ids as they are), each once. */
function sourcesOf(data: unknown): string[] {
  const sources =
    data !== null && typeof data === 'object' && Array.isArray((data as { sources?: unknown }).sources)
      ? (data as { sources: unknown[] }).sources
      : [];
  const out: string[] = [];
  for (const s of sources) {
    const id = s !== null && typeof s === 'object' ? (s as { evidence?: unknown }).evidence : undefined;
    if (typeof id !== 'string') continue;
    const entry = getEvidence(id);
    const short = entry ? SEED_DOCUMENTS[entry.provenance.seed].short : id;
    if (!out.includes(short)) out.push(short);
  }
  return out;
}

/** The text of every shipped scenario (not the JSON Schema), by path. */
const SHIPPED: Record<string, string> = import.meta.glob<string>(['../scenarios/*.json', '!../scenarios/*.schema.json'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/**
 * Every shipped scenario, once the evidence library (a chunk of its own) has
 * loaded: each preset names the papers its numbers come from.
 */
export async function loadPresets(): Promise<readonly Preset[]> {
  await loadEvidenceLibrary();
  return presetsFrom(SHIPPED);
}
