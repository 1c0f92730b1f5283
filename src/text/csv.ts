/**
 * * Quotes one CSV field when it needs it: a field holding a comma,
 * a double quote or a line feed is put in double quotes, its quotes doubled.
 *
 * @example
 * csvField('plain') // 'plain'
 * csvField('a, "b"') // '"a, ""b"""'
 */
export function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
