/**
 * Quotes a word for a POSIX shell when it needs it (single quotes, an
 * embedded single quote written `'\''`), so a printed command line can be pasted back.
 *
 * @example
 * shellQuote('scenarios/a.json') // 'scenarios/a.json'
 * shellQuote("it's here") // `'it'\''s here'`
 */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
