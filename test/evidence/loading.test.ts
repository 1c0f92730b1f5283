/**
 * Loading the evidence library on demand: lookups before the load are bugs
 * with a clear message, the load happens once, and `needsEvidenceLibrary`
 * tells which documents need it (every shipped scenario that cites a paper).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { needsEvidenceLibrary } from '../../src/evidence/library.js';
import * as examples from '../scenario/examples.js';

/** A fresh, unloaded copy of library.ts (the setup file has loaded the shared one). */
async function freshLibrary(): Promise<typeof import('../../src/evidence/library.js')> {
  vi.resetModules();
  return import('../../src/evidence/library.js');
}

describe('loadEvidenceLibrary', () => {
  it('is needed before any lookup: each throws a bug error that says what to call', async () => {
    const lib = await freshLibrary();
    expect(lib.isEvidenceLibraryLoaded()).toBe(false);
    const bug = /^bug: the evidence library is not loaded; call prepareScenarioInput .* or loadEvidenceLibrary first$/;
    expect(() => lib.getEvidence('rdeb-bebss')).toThrow(bug);
    expect(() => lib.evidenceIds()).toThrow(bug);
    expect(() => lib.evidenceEntries()).toThrow(bug);
  });

  it('loads once; concurrent and later calls share that load; then lookups are synchronous', async () => {
    const lib = await freshLibrary();
    const first = lib.loadEvidenceLibrary();
    expect(lib.loadEvidenceLibrary()).toBe(first);
    await first;
    expect(lib.isEvidenceLibraryLoaded()).toBe(true);
    expect(lib.loadEvidenceLibrary()).toBe(first);
    // The RDEB trial (hUCB-MSC, n = 6), Results: "decreased by 5.6 points (95% CI, –7.39 to –3.86)"
    expect(lib.getEvidence('rdeb-bebss')?.value).toEqual({
      form: 'mean-change-ci',
      estimate: -5.6,
      lower: -7.39,
      upper: -3.86,
      n: 6,
      level: 0.95,
    });
    expect(lib.evidenceIds()[0]).toBe('aga-hair-count');
    expect(lib.evidenceEntries().length).toBe(lib.evidenceIds().length);
  });
});

/** Fresh scenario modules with the expression parser loaded and the evidence library not. */
async function evidenceUnloaded() {
  const library = await freshLibrary();
  await (await import('../../src/scenario/expression-parser.js')).loadExpressionParser();
  const points = await import('../../src/scenario/design-points.js');
  const prepare = await import('../../src/scenario/prepare.js');
  return { library, points, prepare };
}

const textsIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .map((f) => [`${dir}/${f}`, readFileSync(`${dir}/${f}`, 'utf8')] as const);
const EXAMPLES = Object.entries(examples)
  .filter(([name, make]) => name !== 'loose' && typeof make === 'function')
  .map(([name, make]) => [name, JSON.stringify((make as () => unknown)())] as const);

describe('prepareScenarioInput and the evidence library', () => {
  it.each([...textsIn('scenarios'), ...EXAMPLES, ...textsIn('test/hostile/corpus')])(
    '%s: when needsEvidenceLibrary says no, loading needs no library',
    async (_name, text) => {
      const m = await evidenceUnloaded();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      if (needsEvidenceLibrary(json)) return;
      const result = m.points.designPoints(text);
      const messages = result.ok ? [] : result.issues.map((i) => `${i.allowed} ${i.hint ?? ''}`);
      expect(messages.join('\n')).not.toContain('loadEvidenceLibrary');
      expect(m.library.isEvidenceLibraryLoaded()).toBe(false);
    },
  );

  it('loads the library for a document that cites a paper, or an override that brings a source, and only then', async () => {
    const m = await evidenceUnloaded();
    await m.prepare.prepareScenarioInput(examples.parallelContinuous());
    await m.prepare.prepareScenarioText('{"title": "no sources"}', [3, 'x']);
    expect(m.library.isEvidenceLibraryLoaded()).toBe(false);
    await m.prepare.prepareScenarioText('{"title": "no sources"}', [[{ evidence: 'aga-hair-count' }]]);
    expect(m.library.isEvidenceLibraryLoaded()).toBe(true);

    const n = await evidenceUnloaded();
    const cited = readFileSync('scenarios/nct06764329-hair-count.json', 'utf8');
    await n.prepare.prepareScenarioInput(JSON.parse(cited));
    expect(n.library.isEvidenceLibraryLoaded()).toBe(true);
    expect(n.points.designPoints(cited).ok).toBe(true);
  });
});

describe('needsEvidenceLibrary', () => {
  const scenarios = new URL('../../scenarios/', import.meta.url);
  const shipped = readdirSync(scenarios).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

  it.each(shipped)('is true for %s, which cites its papers in `sources`', (file) => {
    const json: unknown = JSON.parse(readFileSync(new URL(file, scenarios), 'utf8'));
    expect(needsEvidenceLibrary(json)).toBe(true);
  });

  it('is true for a fromCI with an evidence id anywhere, and for an override value that brings sources', () => {
    const fromCI = { fromCI: { evidence: 'tci-photo-all-25' } };
    expect(needsEvidenceLibrary({ endpoint: { arms: { a: { p: fromCI } } } })).toBe(true);
    expect(needsEvidenceLibrary({ let: { p: fromCI } })).toBe(true);
    expect(needsEvidenceLibrary([{ evidence: 'aga-hair-count', paths: ['design.n'] }])).toBe(true);
    expect(needsEvidenceLibrary({ sources: 'not a list' })).toBe(true);
  });

  it('is false for a document that cites nothing, and for non-objects', () => {
    expect(
      needsEvidenceLibrary({
        format: 'trialsim/1',
        endpoint: { arms: { a: { p: { fromCI: { estimate: 0.5, lower: 0.4, upper: 0.6 } } } } },
      }),
    ).toBe(false);
    for (const x of [null, undefined, 3, 'sources', [], [[[]]]]) expect(needsEvidenceLibrary(x)).toBe(false);
  });

  it('reads own keys only, and walks a deeply nested document without recursion', () => {
    expect(needsEvidenceLibrary(JSON.parse('{"__proto__": {"sources": []}}'))).toBe(false);
    let deep: unknown = { fromCI: { evidence: 'rdeb-bebss' } };
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(needsEvidenceLibrary(deep)).toBe(true);
  });
});
