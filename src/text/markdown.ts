import { escapeMarkupText } from './markup.js';

/** A line break in any convention (CRLF, LF, CR). */
const LINE_BREAK = /\r?\n|\r/g;

/**
 * Escapes text for one cell of a Markdown table: `|` would end the cell and a
 * line break the row. Markdown meant for a renderer that passes HTML through
 * (GitHub) escapes the markup first: `escapeTableCell(escapeMarkupText(text))`.
 *
 * @example
 * escapeTableCell('a | b') // 'a \\| b'
 */
export function escapeTableCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(LINE_BREAK, ' ');
}

/**
 * Escapes text for Markdown prose: HTML specials (a scenario is untrusted),
 * the characters Markdown would act on (`\`, backtick, `*`, `_`, brackets,
 * `|`, `#`), and line breaks (as spaces).
 *
 * @example
 * escapeMarkdownText('*not* <b>') // '\\*not\\* &lt;b&gt;'
 */
export function escapeMarkdownText(text: string): string {
  return escapeMarkupText(text)
    .replace(/([\\`*_[\]|#])/g, '\\$1')
    .replace(LINE_BREAK, ' ');
}

/**
 * A Markdown code span that holds any text: fenced by one backtick more than
 * its longest run of backticks, padded when it starts or ends with one; line breaks become spaces.
 *
 * @example
 * codeSpan('a`b') // '``a`b``'
 */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(LINE_BREAK, ' ')}${pad}${fence}`;
}
