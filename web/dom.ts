/**
 * A tiny element builder. Text always goes in through `textContent`: titles,
 * labels and notes come from shared, untrusted scenario files.
 */

type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | undefined | null | false;

/** Creates an element with attributes (`false`/undefined skipped, `true` as empty) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'className') el.className = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, ...children);
  return el;
}

/** Appends children (strings as text nodes), skipping empty ones. */
export function append(el: Element, ...children: Child[]): void {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** An element by id, of the expected type, or an error naming what is missing. */
export function byId<T extends HTMLElement>(id: string, type: { new (): T; prototype: T }): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`the page has no ${type.name} #${id}`);
  return el;
}

/** A stable, unique element id for a JSON path (`design.n` → `f-design_2e_n`). */
export function idFor(prefix: string, path: string): string {
  let out = `${prefix}-`;
  for (const c of path) out += /[A-Za-z0-9-]/.test(c) ? c : `_${c.charCodeAt(0).toString(16)}_`;
  return out;
}

/** Triggers a download of `text` as a file. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a title: lower case, letters, digits and hyphens. */
export function slug(title: string, fallback = 'scenario'): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || fallback;
}
