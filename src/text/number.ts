/**
 * Numbers as text, for every document and view: one helper per way of
 * writing a number, so that a table, a report and the page print the same
 * figure the same way.
 */

/**
 * What a missing or non-finite number prints as in text read by people
 * (reports, check verdicts, the page): an en dash, never `NaN`.
 */
export const MISSING_NUMBER = '\u2013';

/**
 * `x` with `digits` decimals, or `missing` when `x` is null, undefined, NaN or
 * infinite. People-facing text keeps the default en dash; cells of
 * machine-read tables (CSV, aligned and Markdown tables of `run`, `size`,
 * `mde`) pass `''`, an empty cell.
 *
 * @example
 * fixed(0.93125) // '0.9313'
 * fixed(0.93125, 3) // '0.931'
 * fixed(null) // '–'
 * fixed(Number.NaN, 4, '') // ''
 */
export function fixed(x: number | null | undefined, digits = 4, missing = MISSING_NUMBER): string {
  return x === null || x === undefined || !Number.isFinite(x) ? missing : x.toFixed(digits);
}

/**
 * A fraction as a percentage with `digits` decimals (a simulated figure), or
 * `missing` when it is not a finite number.
 *
 * @example
 * percentFixed(0.93125) // '93.1 %'
 * percentFixed(0.1, 0) // '10 %'
 */
export function percentFixed(x: number | null | undefined, digits = 1, missing = MISSING_NUMBER): string {
  return x === null || x === undefined || !Number.isFinite(x) ? missing : `${(100 * x).toFixed(digits)} %`;
}

/**
 * A fraction as a short percentage: at most four significant digits, no
 * trailing zeros (a target or a share as the user wrote it).
 *
 * @example
 * percentShort(0.8) // '80 %'
 * percentShort(0.925) // '92.5 %'
 */
export function percentShort(x: number): string {
  return `${Number((100 * x).toPrecision(4))} %`;
}

/**
 * A number with at most `digits` significant digits and no trailing zeros;
 * a whole number as it is.
 *
 * @example
 * significant(0.123456, 4) // '0.1235'
 * significant(0.1, 4) // '0.1'
 * significant(12345, 4) // '12345'
 */
export function significant(x: number, digits: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(digits)));
}
