/** Rules of `sources` and `assumptions`: evidence ids of the library, and paths that lead to a value of the scenario. */
import { evidenceIds, getEvidence } from '../../evidence/library.js';
import { EXISTING_PATH_ALLOWED } from '../format/provenance.js';
import { hasPath, parsePath } from '../paths.js';
import { didYouMean } from '../suggest.js';
import type { Context, Rule } from './context.js';
import { suggestPath } from './suggest-path.js';

/** A path that must lead to a value of this scenario. */
function checkExistingPath(ctx: Context, v: unknown, path: string): void {
  if (typeof v !== 'string') {
    ctx.out.add(path, v, EXISTING_PATH_ALLOWED);
    return;
  }
  const parsed = parsePath(v);
  if (!parsed.ok) ctx.out.add(path, v, EXISTING_PATH_ALLOWED, parsed.error);
  else if (!hasPath(ctx.root, parsed.segments)) {
    ctx.out.add(path, v, EXISTING_PATH_ALLOWED, suggestPath(ctx.root, parsed.segments) ?? 'the scenario has no value there');
  }
}

/** `sources[].evidence`: the id of an entry of the evidence library. */
function checkEvidence(ctx: Context, ev: unknown, path: string): void {
  if (typeof ev !== 'string' || ev.trim() === '') ctx.out.add(path, ev, 'the id of an evidence entry (a non-empty string)');
  else if (!getEvidence(ev)) {
    ctx.out.add(path, ev, 'the id of an entry of the evidence library (src/evidence/library.ts)', didYouMean(ev, evidenceIds()));
  }
}

/** The rules of `sources` and `assumptions`, by field pattern. */
export const PROVENANCE_RULES: Readonly<Record<string, Rule>> = {
  'sources[].evidence': { replace: (ctx, v, path) => checkEvidence(ctx, v, path) },
  'sources[].paths[]': { replace: (ctx, v, path) => checkExistingPath(ctx, v, path) },
  'assumptions[].path': { replace: (ctx, v, path) => checkExistingPath(ctx, v, path) },
};
