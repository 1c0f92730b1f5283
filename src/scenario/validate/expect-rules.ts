/** Rules of `expect`: a lower bound not above the upper one. */
import { isPlainObject, ownValue } from '../paths.js';
import type { Context, Rule } from './context.js';

const inUnit = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;

/** `atLeast` ≤ `atMost` when both are given. */
function checkOrder(ctx: Context, bounds: unknown, path: string): void {
  if (!isPlainObject(bounds)) return;
  const lo = ownValue(bounds, 'atLeast');
  const hi = ownValue(bounds, 'atMost');
  if (inUnit(lo) && inUnit(hi) && lo > hi) ctx.out.add(`${path}.atMost`, hi, `a number ≥ atLeast (${lo})`);
}

/** The rules of `expect`, by field pattern. */
export const EXPECT_RULES: Readonly<Record<string, Rule>> = {
  'expect.power': { after: checkOrder },
  'expect.assurance': { after: checkOrder },
};
