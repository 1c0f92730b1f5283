import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPresets, presetsFrom, summaryOf, SUMMARY_LENGTH } from '../../web/presets.js';

const PRESETS = await loadPresets();

const scenarioDir = new URL('../../scenarios/', import.meta.url);

describe('presets (the UI preset picker)', () => {
  it('bundles every shipped scenario file, as written, and not the schema', () => {
    const files = readdirSync(scenarioDir)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
      .sort();
    expect(PRESETS.map((p) => p.file)).toEqual(files);
    for (const preset of PRESETS) {
      const text = readFileSync(new URL(preset.file, scenarioDir), 'utf8');
      expect(preset.text).toBe(text);
      expect(preset.title).toBe(JSON.parse(text).title);
    }
  });

  it('lists a file that is not a valid scenario under its file name', () => {
    expect(presetsFrom({ '../scenarios/b.json': '{"title": " B ", "description": "about b"}', '../scenarios/a.json': '{ broken' })).toEqual(
      [
        { file: 'a.json', title: 'a.json', description: '', summary: '', sources: [], text: '{ broken' },
        {
          file: 'b.json',
          title: 'B',
          description: 'about b',
          summary: 'About b',
          sources: [],
          text: '{"title": " B ", "description": "about b"}',
        },
      ],
    );
    expect(presetsFrom({ 'x/c.json': '[1, 2]' })[0].title).toBe('c.json');
  });

  it('gives each preset a one-line summary (its question) and the papers its numbers come from', () => {
    for (const p of PRESETS) {
      expect(p.summary.length).toBeGreaterThan(40);
      expect(p.summary.length).toBeLessThanOrEqual(SUMMARY_LENGTH);
      expect(p.summary).not.toMatch(/^Question:/);
      expect(p.sources.length).toBeGreaterThan(0);
    }
    expect(PRESETS.find((p) => p.file === 'nct06764329-hair-count.json')?.sources).toEqual(['NCT06764329 registry record']);
    expect(summaryOf('Question: how many? Numbers: from a paper.')).toBe('How many?');
    expect(summaryOf('x'.repeat(300))).toHaveLength(SUMMARY_LENGTH);
    expect(
      presetsFrom({
        'c.json': '{"sources": [{"evidence": "unknown-id"}, {"evidence": "aga-hair-count"}, {"evidence": "aga-hair-diameter"}]}',
      })[0].sources,
    ).toEqual(['unknown-id', 'NCT06764329 registry record']);
  });
});
