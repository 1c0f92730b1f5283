/**
 * The evidence data files (src/evidence/papers/*.json) against their schema
 * (src/evidence/check-paper.ts, a typed checker of the types in
 * src/evidence/types.ts), and the checker against malformed files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPaper } from '../../src/evidence/check-paper.js';
import { PAPER_FILES, readPapers } from '../../src/evidence/paper-files.js';
import { SEED_DOCUMENTS } from '../../src/evidence/seed-documents.js';
import type { EvidenceValue } from '../../src/evidence/types.js';

const DIR = new URL('../../src/evidence/papers/', import.meta.url);
const ON_DISK = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const parse = (file: string): unknown => JSON.parse(readFileSync(new URL(file, DIR), 'utf8'));

describe('evidence data files', () => {
  it('are one per source paper, each listed in paper-files.ts', () => {
    expect(ON_DISK.length).toBe(Object.keys(SEED_DOCUMENTS).length);
    expect([...PAPER_FILES.map(([file]) => file)].sort()).toEqual(ON_DISK);
  });

  it.each(ON_DISK)('%s passes the schema, names its own paper and is what the library loads', (file) => {
    const json = parse(file);
    const r = checkPaper(json);
    expect(r.ok ? [] : r.issues).toEqual([]);
    if (!r.ok) return;
    // 003-rdeb-….json holds the paper 003_….txt
    expect(r.value.seed.slice(0, 3), file).toBe(file.slice(0, 3));
    // The checker rebuilds the file without loss: nothing it does not know is dropped.
    expect(r.value).toEqual(json);
    expect(PAPER_FILES.find(([f]) => f === file)?.[1]).toEqual(json);
  });

  it('become entries with their paper in each provenance', () => {
    const entries = readPapers();
    for (const [file, json] of PAPER_FILES) {
      const r = checkPaper(json);
      if (!r.ok) throw new Error(file);
      for (const e of r.value.entries) expect(entries.find((x) => x.id === e.id)?.provenance.seed, e.id).toBe(r.value.seed);
    }
  });

  // The library once computed proportions from the printed % (Math.round(x·1e6)/1e8, which undoes binary noise
  // such as 0.1 × 55.0); as data each is written as a decimal, which must be that same double.
  it('write every proportion as a percentage printed in its quotes, divided by 100 to the nearest double', () => {
    const fromPercent = (x: number): number => Math.round(x * 1e6) / 1e8;
    const proportions = (v: EvidenceValue): number[] =>
      v.form === 'proportion-ci' ? [v.estimate, v.lower, v.upper] : v.form === 'proportion' ? v.arms.map((a) => a.estimate) : [];
    const wrong: string[] = [];
    let checked = 0;
    for (const e of readPapers()) {
      const printed = [e.provenance, ...(e.provenance.supporting ?? [])].flatMap((q) =>
        [...q.quote.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0])),
      );
      for (const p of proportions(e.value)) {
        checked++;
        if (!printed.some((x) => fromPercent(x) === p)) wrong.push(`${e.id}: ${p}`);
      }
    }
    expect(wrong).toEqual([]);
    // e.g. tci-alone-all-25 (TCI meta-analysis, Table 3): 55.0 (42.2-67.8) → 0.55, 0.422, 0.678
    expect(checked).toBeGreaterThan(80);
  });
});

describe('checkPaper', () => {
  const good = () =>
    structuredClone({
      seed: '003_99f903491847d792.txt',
      entries: [
        {
          id: 'rdeb-bebss',
          measure: 'BEBSS change',
          value: { form: 'mean-change-ci', estimate: -5.6, lower: -7.39, upper: -3.86, n: 6, level: 0.95 },
          design: 'single-arm',
          provenance: { section: 'Results', quote: 'decreased by 5.6 points (95% CI, –7.39 to –3.86)' },
          notes: 'n = 6',
        },
      ],
    }) as { seed: string; entries: Record<string, any>[] };

  const issuesOf = (json: unknown) => {
    const r = checkPaper(json);
    return r.ok ? [] : r.issues.map((i) => ({ path: i.path, value: i.value, allowed: i.allowed }));
  };

  it('accepts a well-formed file', () => {
    expect(checkPaper(good()).ok).toBe(true);
  });

  it('names the path, the value and what is allowed for each problem, all in one pass', () => {
    const f = good();
    f.seed = '005_unknown.txt';
    f.entries[0].value.estimate = '-5.6';
    f.entries[0].value.n = 6.5;
    f.entries[0].design = 'crossover';
    delete f.entries[0].notes;
    expect(issuesOf(f)).toEqual([
      { path: 'seed', value: '005_unknown.txt', allowed: expect.stringContaining('one of "000_4e7c27745ac618ea.txt"') },
      { path: 'entries[0].value.estimate', value: '-5.6', allowed: 'a finite number' },
      { path: 'entries[0].value.n', value: 6.5, allowed: 'a whole number ≥ 0' },
      { path: 'entries[0].design', value: 'crossover', allowed: 'one of "parallel", "within-patient", "single-arm"' },
      { path: 'entries[0].notes', value: undefined, allowed: 'a non-empty string' },
    ]);
  });

  it('rejects a key the types do not have (e.g. a seed per entry, or a misspelt key)', () => {
    const f = good();
    f.entries[0].provenance.seed = '003_99f903491847d792.txt';
    f.entries[0].value.uper = -3.86;
    expect(issuesOf(f).map((i) => i.path)).toEqual(['entries[0].value.uper', 'entries[0].provenance.seed']);
  });

  it('reads each value by its form, and rejects an unknown form or a level other than 0.95', () => {
    const f = good();
    f.entries[0].value = { form: 'odds-ratio', estimate: 2 };
    expect(issuesOf(f)).toEqual([
      { path: 'entries[0].value.form', value: 'odds-ratio', allowed: expect.stringContaining('"mean-change-ci"') },
    ]);
    const g = good();
    g.entries[0].value.level = 0.9;
    expect(issuesOf(g)).toEqual([{ path: 'entries[0].value.level', value: 0.9, allowed: '0.95' }]);
  });

  it('rejects a non-object file, an empty entry list and an empty quote', () => {
    expect(issuesOf([])).toEqual([{ path: '', value: [], allowed: 'an evidence paper file' }]);
    expect(issuesOf({ ...good(), entries: [] })).toEqual([
      { path: 'entries', value: [], allowed: 'a list of at least 1, each an evidence entry' },
    ]);
    const f = good();
    f.entries[0].provenance.supporting = [{ section: 'Methods', quote: ' ' }];
    expect(issuesOf(f)).toEqual([{ path: 'entries[0].provenance.supporting[0].quote', value: ' ', allowed: 'a non-empty string' }]);
  });
});
