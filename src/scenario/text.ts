/**
 * Text that a scenario carries to people: titles, labels, category names,
 * notes. They reach terminals (CLI tables), CSV, Markdown, HTML reports and the
 * UI as they are, so characters that can rewrite a terminal (ESC, C1 controls
 * such as U+009B CSI), hide or reorder text (bidirectional overrides and
 * isolates, zero-width space, BOM) or break an encoder (lone surrogates:
 * `encodeURIComponent` throws on them) are not allowed in them.
 */

/** Characters never allowed in a text field (tab, LF and CR are handled by `textProblem`). */
const UNSAFE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200E\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Line breaks and tabs, not allowed in single-line fields. */
const LINE_BREAK = /[\t\n\r]/;

/** What a single-line text field may be. */
export const SINGLE_LINE_TEXT_ALLOWED = 'a one-line text without control characters, invisible formatting characters or lone surrogates';

/** What a multi-line text field may be. */
export const MULTI_LINE_TEXT_ALLOWED =
  'a text without control characters (other than tab and line breaks), invisible formatting characters or lone surrogates';

/** `U+001B` for the first code point of `ch`. */
export function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why `text` is not allowed in a text field, e.g. `character U+001B at
 * position 3`, or `undefined` when it is fine. `multiLine` allows tab, LF and CR.
 */
export function textProblem(text: string, multiLine: boolean): string | undefined {
  const m = UNSAFE.exec(text) ?? (multiLine ? null : LINE_BREAK.exec(text));
  if (!m) return undefined;
  const other = multiLine ? null : LINE_BREAK.exec(text);
  const first = other && other.index < m.index ? other : m;
  return `character ${codePoint(first[0])} at position ${first.index + 1}`;
}
