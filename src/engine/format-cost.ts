// Apart from run-budget.ts (which loads the engine's fast path and its
// distribution functions), so that the CLI's argument parser can word its
// --max-cost message without loading them at start.

/** A number for messages: 2 significant digits in exponent form above 10⁶ (`4.2e11`), else whole. */
export function formatCost(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x < 1e6) return String(Math.round(x));
  const [m, e] = x.toExponential(1).split('e');
  return `${m.replace(/\.0$/, '')}e${e.replace('+', '')}`;
}
