import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citationOf, pathProvenance } from '../../src/report/path-provenance.js';

const NCT = JSON.parse(readFileSync(new URL('../../scenarios/nct06764329-hair-count.json', import.meta.url), 'utf8'));
const ORDINAL = JSON.parse(readFileSync(new URL('../../scenarios/vitiligo-tci-vs-vehicle-ordinal.json', import.meta.url), 'utf8'));

describe('where the values at a path come from', () => {
  it('finds the sources and assumptions of a value', () => {
    const p = pathProvenance(NCT, 'endpoint.arms.msc.mean');
    expect(p.sources.map((s) => [s.evidence, s.citation, s.paths])).toEqual([
      ['aga-hair-count', 'NCT06764329 registry record, Detailed Description', ['endpoint.arms.msc.mean']],
    ]);
    expect(p.sources[0].quote).toContain('3.89 ± 3.01');
    expect(p.assumptions.map((a) => a.path)).toEqual(['endpoint.arms.msc.mean']);
    expect(pathProvenance(NCT, 'design.n').sources.map((s) => s.evidence)).toEqual(['nct06764329-design']);
  });

  it('gathers everything under a path, and a path listed as a whole covers its items', () => {
    expect(pathProvenance(NCT, 'endpoint.arms.saline').sources[0].paths).toEqual(['endpoint.arms.saline.mean', 'endpoint.arms.saline.sd']);
    expect(pathProvenance(NCT, 'design.allocation[1]').assumptions.map((a) => a.path)).toEqual(['design.allocation']);
    expect(pathProvenance(ORDINAL, 'endpoint.arms.tci.probs.2').sources.map((s) => s.evidence)).toEqual(['tci-alone-all-75']);
  });

  it('reads untrusted data without failing', () => {
    for (const data of [null, 3, [], { sources: 'x' }, { sources: [null, { evidence: 1 }, { evidence: 'x', paths: [1, '__proto__'] }] }]) {
      expect(pathProvenance(data, 'design.n')).toEqual({ sources: [], assumptions: [] });
    }
    expect(pathProvenance(NCT, '')).toEqual({ sources: [], assumptions: [] });
    expect(citationOf('no-such-entry')).toEqual({ citation: 'no-such-entry' });
  });
});
