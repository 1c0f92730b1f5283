/**
 * Text quoted from untrusted input into a message that reaches a terminal or
 * a page: nothing in it may rewrite the terminal, hide or reorder text.
 */

/**
 * Every character the text fields of a scenario refuse (src/scenario/text.ts),
 * plus tab, LF, CR and the invisible joiners and soft hyphen
 * (allowed in labels, where emoji and some scripts need them, but in a message
 * quoting an id they would make "sal\u200dine" look like "saline").
 */
const UNSAFE_GLOBAL =
  /[\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `text` with every control, invisible formatting and lone-surrogate
 * character written as a `\uXXXX` escape, so that a message quoting untrusted
 * input is safe to print on a terminal or put in a page.
 */
export function escapeUnsafeText(text: string): string {
  return text.replace(UNSAFE_GLOBAL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
