/** The sources and assumptions of a value, shown under its field in the form. */
import type { PathProvenance } from '../src/report/path-provenance.js';
import { h } from './dom.js';

/** Short text of a long note: its first sentence, at most about 110 characters. */
function shortNote(note: string): string {
  const first = /^(.{20,110}?[.;])\s/.exec(note)?.[1] ?? note;
  return first.length > 110 ? `${first.slice(0, first.lastIndexOf(' ', 108))}…` : first;
}

/**
 * The sources and assumptions of a path, as a compact list: the citation with
 * the paper's words on demand, and each assumption's reason. `base` shortens
 * the paths shown (`mean`, `sd` under `endpoint.arms.msc`).
 */
export function provenanceNotes(p: PathProvenance, base?: string): HTMLElement | undefined {
  if (p.sources.length === 0 && p.assumptions.length === 0) return undefined;
  const local = (path: string) =>
    base && path.startsWith(`${base}.`) ? path.slice(base.length + 1) : base && path === base ? 'all' : path;
  const list = h('ul', { className: 'provenance' });
  for (const s of p.sources) {
    const which = base ? ` (${s.paths.map(local).join(', ')})` : '';
    const details = h('details', {}, h('summary', {}, h('span', { className: 'tag source' }, 'Source'), ` ${s.citation}${which}`));
    if (s.quote) details.append(h('blockquote', {}, `“${s.quote}”`));
    details.append(h('p', {}, `Evidence ${s.evidence}${s.note ? `: ${s.note}` : ''}`));
    list.append(h('li', {}, details));
  }
  for (const a of p.assumptions) {
    const which = base ? ` (${local(a.path)})` : '';
    const short = shortNote(a.note);
    const item =
      short === a.note
        ? h('p', {}, h('span', { className: 'tag assumption' }, 'Assumed'), `${which} ${a.note}`)
        : h(
            'details',
            {},
            h('summary', {}, h('span', { className: 'tag assumption' }, 'Assumed'), `${which} ${short}`),
            h('p', {}, a.note),
          );
    list.append(h('li', {}, item));
  }
  return list;
}
