/**
 * Escaping for HTML and XML: untrusted text (a scenario's title, labels,
 * notes) put into reports, JUnit files and SVG.
 */

/**
 * Escapes `&`, `<` and `>`: enough for the content of an HTML or XML element.
 *
 * @example
 * escapeMarkupText('a < b & c') // 'a &lt; b &amp; c'
 */
export function escapeMarkupText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes text for HTML content and for attribute values in double or single quotes.
 *
 * @example
 * escapeHtml(`Welch's "t" <b>`) // 'Welch&#39;s &quot;t&quot; &lt;b&gt;'
 */
export function escapeHtml(text: string): string {
  return escapeMarkupText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Characters XML 1.0 cannot carry at all (C0 controls other than tab, line
 * feed and carriage return; U+FFFE, U+FFFF; unpaired surrogates), replaced by
 * U+FFFD. A scenario title is untrusted text and may hold any of them.
 */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Escapes text for an XML element's content; characters XML cannot carry become U+FFFD.
 *
 * @example
 * xmlText('a & b\u0007') // 'a &amp; b\uFFFD'
 */
export function xmlText(text: string): string {
  return escapeMarkupText(text.replace(NOT_XML, '\uFFFD'));
}

/**
 * Escapes text for a double-quoted XML attribute (line breaks and tabs kept
 * as character references, which attribute normalization would otherwise turn into spaces).
 *
 * @example
 * xmlAttribute('say "hi"\n') // 'say &quot;hi&quot;&#10;'
 */
export function xmlAttribute(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
