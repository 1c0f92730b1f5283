/**
 * JSON text for the editor's JSON view, in the style of the shipped scenario
 * files: an object or list that fits on one line (within `width` characters,
 * indentation included) is written on one line with spaces
 * (`{ "id": "msc", "label": "MSC" }`, `[1, 1]`); anything longer is broken
 * into one entry per line. The top level is always broken.
 */

/** Formats a JSON value (as from `JSON.parse`) with two-space indentation. */
export function formatJson(value: unknown, width = 100): string {
  return `${format(value, '', width, true)}\n`;
}

/** Containers this short stay on one line even with objects inside (`{ "power": { "atLeast": 0.8 } }`). */
const SHORT = 40;

/** Whether a container holds an object (directly, or in a list it holds). */
function hasNestedObject(value: object): boolean {
  return Object.values(value).some(
    (v) => v !== null && typeof v === 'object' && (!Array.isArray(v) || v.some((x) => x !== null && typeof x === 'object')),
  );
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** `prefix`: characters before the value on its first line (`"key": `). */
function format(value: unknown, indent: string, width: number, top: boolean, prefix = 0): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const flat = inline(value);
  if (!top && indent.length + prefix + flat.length <= width && (flat.length <= SHORT || !hasNestedObject(value))) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + format(v, inner, width, false)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner, width, false, JSON.stringify(k).length + 2)}`).join(',\n')}\n${indent}}`;
}
