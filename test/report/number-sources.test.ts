import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citedSources, fromCIOnly, numberSources } from '../../src/report/number-sources.js';
import { loadScenario } from '../../src/scenario/load.js';

const text = (name: string) => readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8');

function rowsOf(source: string) {
  const loaded = loadScenario(source);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return { file: loaded.file, rows: numberSources(loaded.file, loaded.resolved) };
}

describe('where each number of a scenario comes from (the report table)', () => {
  it('sorts the numbers of NCT06764329 into evidence, assumption, analysis choices', () => {
    const { rows } = rowsOf(text('nct06764329-hair-count.json'));
    const row = (path: string) => rows.find((r) => r.path === path);
    // endpoint.arms.msc.mean = 3.89: the registry record (evidence aga-hair-count), also noted as an assumption.
    expect(row('endpoint.arms.msc.mean')).toMatchObject({ kind: 'evidence', evidence: ['aga-hair-count'], written: 3.89 });
    expect(row('endpoint.arms.msc.mean')?.assumption).toBeDefined();
    expect(row('analysis.alpha')).toMatchObject({ kind: 'analysis', written: 0.05 });
    // Every number of the file has a row, none twice.
    expect(new Set(rows.map((r) => r.path)).size).toBe(rows.length);
  });

  it('shows the value an expression resolved to, and labels it computed when nothing else is said', () => {
    const { rows } = rowsOf(text('vitiligo-tci-vs-vehicle-ordinal.json'));
    const first = rows.find((r) => r.path === 'endpoint.arms.tci.probs[0]');
    expect(first).toMatchObject({ kind: 'evidence', written: '1 - tci25' });
    expect(typeof first?.used).toBe('number');
  });

  it('matches a source listed as `probs.2` to the number at `probs[2]`, as the UI does', () => {
    const file = JSON.parse(text('vitiligo-tci-vs-vehicle-ordinal.json'));
    for (const s of file.sources) s.paths = s.paths?.map((p: string) => p.replace(/\[(\d+)\]/g, '.$1'));
    const { rows } = rowsOf(JSON.stringify(file));
    expect(rows.find((r) => r.path === 'endpoint.arms.tci.probs[2]')).toMatchObject({ kind: 'evidence', evidence: ['tci-alone-all-75'] });
  });

  it('calls a number with neither source nor assumption unsourced', () => {
    const file = JSON.parse(text('nct06764329-hair-count.json'));
    file.sources = [];
    file.assumptions = [];
    const { rows } = rowsOf(JSON.stringify(file));
    expect(rows.find((r) => r.path === 'endpoint.arms.msc.mean')?.kind).toBe('unsourced');
  });

  it('resolves cited evidence to its paper, and cites fromCI entries the file did not list', () => {
    const { file, rows } = rowsOf(text('nct06764329-hair-count.json'));
    const cited = citedSources(file);
    expect(cited.find((c) => c.id === 'aga-hair-count')).toMatchObject({ found: true, document: { short: 'NCT06764329 registry record' } });
    expect(fromCIOnly(file, rows)).toEqual([]);
  });
});
