import { describe, expect, it } from 'vitest';
import { allocateParameters, fillParameters } from '../../src/engine/parameters.js';
import { centreOf } from '../../src/scenario/param-centre.js';
import type { Param, ResolvedScenario } from '../../src/scenario/types.js';
import { withinPatientContinuous } from '../helpers/resolved-scenarios.js';

/** The parameters of a within-patient scenario with `value` standing in for the draws. */
function filled(scenario: ResolvedScenario, value: (param: Param) => number = centreOf) {
  const params = allocateParameters(2, 1); // continuous: one category, no cut
  fillParameters(scenario, params, value);
  return params;
}

describe('fillParameters', () => {
  it('uses a written correlation and dropout as written, however close to their bounds', () => {
    const base = withinPatientContinuous(10, 0.02, 0.9999);
    const params = filled({ ...base, design: { ...base.design, dropout: 0.9995 } });
    expect(params.correlation).toBe(0.9999);
    expect(params.dropout).toBe(0.9995);
  });

  it('clips drawn values to the range the simulation can use', () => {
    const base = withinPatientContinuous(10, 0.02, 0.5);
    const uncertain: ResolvedScenario = {
      ...base,
      design: {
        ...base.design,
        correlation: { dist: 'normal', mean: 0.9, sd: 0.1 },
        dropout: { dist: 'normal', mean: 0.5, sd: 0.1 },
        spillover: { dist: 'normal', mean: 0.5, sd: 0.1 },
      },
    } as ResolvedScenario;
    const high = filled(uncertain, () => 2);
    expect([high.correlation, high.dropout, high.spillover]).toEqual([0.999, 0.999, 1]);
    const low = filled(uncertain, () => -2);
    expect([low.correlation, low.dropout, low.spillover]).toEqual([-0.999, 0, 0]);
  });
});
