/**
 * The scenario in the page's URL (`#s=1.<deflate-raw, base64url>`, see
 * src/scenario/url-encoding.ts; `&t=0.9` when the target differs from 0.8),
 * and reading scenario files that are opened or dropped. Both are untrusted:
 * sizes are checked before anything is read in full.
 */
import { MAX_FILE_BYTES } from '../src/scenario/limits.js';
import { MAX_ENCODED_LENGTH } from '../src/scenario/url-encoding.js';

/** The default target power (not written in links). */
export const DEFAULT_TARGET = 0.8;

/** What a URL fragment holds. */
export interface HashState {
  /** The encoded scenario, if any. */
  scenario?: string;
  /** The target power as written, if any. */
  target?: string;
}

/** Reads `#s=…&t=…`. A fragment over twice the encoding limit is reported as too long without being parsed. */
export function readHash(hash: string): HashState | { tooLong: number } {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body.length > 2 * MAX_ENCODED_LENGTH + 100) return { tooLong: body.length };
  const params = new URLSearchParams(body);
  const out: HashState = {};
  const s = params.get('s');
  const t = params.get('t');
  if (s !== null) out.scenario = s;
  if (t !== null) out.target = t;
  return out;
}

/** The fragment for an encoded scenario and a target. */
export function hashFor(encoded: string, target: number): string {
  return `#s=${encoded}${target === DEFAULT_TARGET ? '' : `&t=${target}`}`;
}

/** Reads a target power typed by a person: a number strictly between 0 and 1 ("90" or "90 %" is read as 0.9). */
export function parseTarget(text: string): number | undefined {
  const t = text.trim().replace(/\s*%$/, '');
  if (!/^\d*\.?\d+$/.test(t)) return undefined;
  const x = Number(t);
  // "80" or "90" is read as a percentage; "1.5" is not a power.
  const p = /%$/.test(text.trim()) || (x >= 50 && x < 100) ? x / 100 : x;
  return p > 0 && p < 1 ? p : undefined;
}

/** Reads an opened or dropped file as UTF-8 text, refusing files over the scenario limit or not text. */
export async function readScenarioFile(file: File): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (file.size > MAX_FILE_BYTES) {
    return {
      ok: false,
      message: `${file.name} has ${file.size.toLocaleString('en')} bytes; a scenario file has at most ${MAX_FILE_BYTES.toLocaleString('en')} (1 MiB). Nothing was opened.`,
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { ok: false, message: `${file.name} is not a UTF-8 text file, so it cannot be a scenario. Nothing was opened.` };
  }
  return { ok: true, text: text.replace(/^\uFEFF/, '') };
}
