import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESETS, presetsFrom } from '../../web/presets.js';

const scenarioDir = new URL('../../scenarios/', import.meta.url);

describe('presets (the UI preset picker)', () => {
  it('bundles every shipped scenario file, as written, and not the schema', () => {
    const files = readdirSync(scenarioDir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();
    expect(PRESETS.map((p) => p.file)).toEqual(files);
    for (const preset of PRESETS) {
      const text = readFileSync(new URL(preset.file, scenarioDir), 'utf8');
      expect(preset.text).toBe(text);
      expect(preset.title).toBe(JSON.parse(text).title);
    }
  });

  it('lists a file that is not a valid scenario under its file name', () => {
    expect(presetsFrom({ '../scenarios/b.json': '{"title": " B ", "description": "about b"}', '../scenarios/a.json': '{ broken' })).toEqual([
      { file: 'a.json', title: 'a.json', description: '', text: '{ broken' },
      { file: 'b.json', title: 'B', description: 'about b', text: '{"title": " B ", "description": "about b"}' },
    ]);
    expect(presetsFrom({ 'x/c.json': '[1, 2]' })[0].title).toBe('c.json');
  });
});
