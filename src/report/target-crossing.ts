import { fixed, percentShort } from '../text/number.js';
import type { CurvePoint, CurveSeries } from './power-curve-plot.js';

/** Where a curve first reaches a target power, read off its simulated points. */
export interface TargetCrossing {
  /** The smallest x whose estimate reaches the target (undefined when none does). */
  at?: CurvePoint;
  /** The simulated point just below `at` in x (undefined when `at` is the first point or none reaches). */
  before?: CurvePoint;
  /** The point with the largest x (for "stays below … up to x"). */
  last: CurvePoint;
  /** Every x whose estimate reaches the target, ascending. */
  reaching: number[];
}

/**
 * The smallest simulated x whose power (or assurance) is at least `target`,
 * the point before it, and every x that reaches it. Reads the estimates as
 * they are: it does not smooth or interpolate. Points are sorted by x first.
 */
export function targetCrossing(points: readonly CurvePoint[], target: number): TargetCrossing | undefined {
  if (points.length === 0) return undefined;
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const i = sorted.findIndex((p) => p.power >= target);
  return {
    ...(i >= 0 ? { at: sorted[i] } : {}),
    ...(i > 0 ? { before: sorted[i - 1] } : {}),
    last: sorted[sorted.length - 1],
    reaching: sorted.filter((p) => p.power >= target).map((p) => p.x),
  };
}

const ci = (p: CurvePoint) => `95 % CI ${fixed(p.ci95[0], 3)}–${fixed(p.ci95[1], 3)}`;

/** Options of `crossingSentence`. */
export interface CrossingWords {
  /** The swept path on the x axis, e.g. `design.n`. */
  xPath: string;
  /** `power` or `assurance`. */
  quantity: 'power' | 'assurance';
  target: number;
}

/**
 * One or two sentences saying where a curve reaches the target, e.g. "Power
 * first reaches 80 % at n = 50 (0.882, 95 % CI 0.875–0.888); at n = 40 it is
 * 0.793 (95 % CI 0.785–0.801)." With a warning when the interval of that
 * point still includes the target. For x other than `design.n` it lists the
 * values of x that reach the target.
 */
export function crossingSentence(series: CurveSeries, words: CrossingWords): string {
  const { xPath, quantity, target } = words;
  const Q = quantity === 'assurance' ? 'Assurance' : 'Power';
  const c = targetCrossing(series.points, target);
  const prefix = series.label ? `${series.label}: ` : '';
  if (!c) return `${prefix}no simulated points.`;
  const name = (x: number) => (xPath === 'design.n' ? `n = ${x}` : `${xPath} = ${x}`);
  if (xPath !== 'design.n') {
    if (c.reaching.length === 0)
      return `${prefix}${Q} stays below ${percentShort(target)} at every simulated ${xPath} (highest ${fixed(Math.max(...series.points.map((p) => p.power)), 3)}).`;
    if (c.reaching.length === series.points.length) return `${prefix}${Q} is at least ${percentShort(target)} at every simulated ${xPath}.`;
    return `${prefix}${Q} is at least ${percentShort(target)} at ${xPath} = ${c.reaching.join(', ')}.`;
  }
  if (!c.at) {
    return `${prefix}${Q} stays below ${percentShort(target)} up to the largest n simulated: ${fixed(c.last.power, 3)} at ${name(c.last.x)} (${ci(c.last)}). A larger trial is needed.`;
  }
  const first = c.before
    ? `${prefix}${Q} first reaches ${percentShort(target)} at ${name(c.at.x)} (${fixed(c.at.power, 3)}, ${ci(c.at)}); at ${name(c.before.x)} it is ${fixed(c.before.power, 3)} (${ci(c.before)}).`
    : `${prefix}${Q} is at least ${percentShort(target)} already at the smallest n simulated, ${name(c.at.x)} (${fixed(c.at.power, 3)}, ${ci(c.at)}).`;
  const unsure =
    c.at.ci95[0] < target
      ? ` The interval at ${name(c.at.x)} still includes ${percentShort(target)}: more replicates would settle it.`
      : '';
  return first + unsure;
}
