import { centreOf } from './param-centre.js';
import type { Param, ResolvedScenario } from './types.js';

/** Replaces every distribution found below `value` by its centre. */
function centred<T>(value: T): T {
  if (Array.isArray(value)) return value.map(centred) as T;
  if (value !== null && typeof value === 'object') {
    if ('dist' in value) return centreOf(value as unknown as Param) as T;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, centred(v)])) as T;
  }
  return value;
}

/** The scenario with every uncertain parameter fixed at its centre: its power is the "power at the estimate". */
export function withoutUncertainty(scenario: ResolvedScenario): ResolvedScenario {
  return { ...scenario, design: centred(scenario.design), endpoint: centred(scenario.endpoint) };
}
