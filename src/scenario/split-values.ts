/**
 * Splits a list of values written on one line (`--sweep path=v1,v2`, the UI's
 * sweep field) at `separators` outside parentheses, so that an expression
 * such as `min(0.05, 0.1)` stays one value. Parts are trimmed; unbalanced
 * parentheses are left for the expression parser to report.
 */
export function splitValues(text: string, separators = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.includes(ch)) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}
