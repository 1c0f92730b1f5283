/** What a URL fragment asks the page to open, read without side effects (the fragment is untrusted). */
import { escapeUnsafeText } from '../../src/text/terminal.js';
import { parseTarget, readHash } from '../share.js';

/** What to do with a fragment: a message, a target power to take, an encoded scenario to open. */
export interface LinkRequest {
  /** Why nothing in the link can be opened (the whole message), if so. */
  refused?: string;
  /** The link's target power, when it is one. */
  target?: number;
  /** Why the link's target power was not taken ('' when it was, or there was none). */
  targetNote: string;
  /** The encoded scenario, if the link has one. */
  scenario?: string;
}

/** The target as written in a link, cut to 40 characters and with unsafe characters escaped. */
function describeTarget(written: string): string {
  return escapeUnsafeText(written.length > 40 ? `${written.slice(0, 40)}…` : written);
}

/** Reads `hash`; `instead` says what the page shows when the link cannot be opened, `target` is the target now. */
export function readLink(hash: string, instead: string, target: number): LinkRequest {
  const read = readHash(hash);
  if ('tooLong' in read)
    return {
      refused: `This link could not be opened: its fragment has ${read.tooLong} characters, far more than a scenario link holds. ${instead}`,
      targetNote: '',
    };
  const out: LinkRequest = { targetNote: '' };
  if (read.target !== undefined) {
    const t = parseTarget(read.target);
    if (t !== undefined) out.target = t;
    else
      out.targetNote = `This link's target power "${describeTarget(read.target)}" is not a power between 0 and 1 (e.g. 0.9); the target stays ${target}.`;
  }
  if (read.scenario !== undefined) out.scenario = read.scenario;
  return out;
}
