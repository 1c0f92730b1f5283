/**
 * The one module that imports mathjs: a minimal instance holding nothing but
 * `parse` (number-only build, so no BigNumber / Fraction / Complex / Unit
 * machinery). Imported dynamically by ./expression-parser.ts; its static
 * named imports let bundlers keep only what `parse` needs of mathjs.
 */
import { create, parseDependencies } from 'mathjs/number';

/** The mathjs `parse` function: text in, a mathjs node tree out (or a thrown syntax error). */
export type MathParse = (expr: string) => unknown;

/** Creates the minimal mathjs instance and returns its `parse`. */
export function createMathParse(): MathParse {
  const math = create({ parseDependencies }, { number: 'number' });
  return math.parse as unknown as MathParse;
}
