/**
 * The text of a form field and the JSON value it stands for. A number field
 * of the scenario form accepts what the file accepts: a number (`70`,
 * `0.05`, `1e-3`, `10 000`), a mathjs expression over the names in `let`
 * (`delta / sd`, kept as a string), or a distribution written as JSON
 * (`{"normal": {"mean": 3.89, "sd": 0.8}}`). The validator then judges it.
 */
import { splitValues } from '../src/scenario/split-values.js';

/** What a field's text stands for: a value to store, or nothing (remove the key). */
export type FieldValue = { value: unknown } | { remove: true };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Digit groups separated by spaces, thin spaces or underscores: `10 000`, `2_000_000`. */
const GROUPED = /^\d{1,3}([ \u202f\u00a0_]\d{3})+$/;

/** Reads a field's text. */
export function parseFieldText(text: string): FieldValue {
  const t = text.trim();
  if (t === '') return { remove: true };
  if (NUMBER.test(t)) return { value: Number(t) };
  if (GROUPED.test(t)) return { value: Number(t.replace(/[^\d]/g, '')) };
  if (t.startsWith('{') || t.startsWith('[') || t.startsWith('"')) {
    try {
      return { value: JSON.parse(t) as unknown };
    } catch {
      // Not JSON: an expression (the validator reports what is wrong with it).
    }
  }
  if (t === 'true' || t === 'false') return { value: t === 'true' };
  return { value: t };
}

/** The text shown in a field for a value of the scenario. */
export function fieldText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/** A sweep's values as one comma-separated line, and back. */
export function sweepValuesText(values: unknown): string {
  return Array.isArray(values) ? values.map(fieldText).join(', ') : fieldText(values);
}

/** Reads `20, 30, 40` (or an expression per item) into a list; empty items are skipped. */
export function parseSweepValues(text: string): unknown[] {
  return splitValues(text, ',;')
    .map((s) => parseFieldText(s))
    .filter((v): v is { value: unknown } => 'value' in v)
    .map((v) => v.value);
}
