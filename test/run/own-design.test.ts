import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { designPoints } from '../../src/scenario/design-points.js';
import { ownDesign, ownPointIndex } from '../../src/run/own-design.js';

/** The design points of a scenario text, with `edit` applied to the parsed file first. */
function load(path: string, edit: (file: Record<string, any>) => void = () => {}) {
  const file = JSON.parse(readFileSync(path, 'utf8'));
  edit(file);
  const loaded = designPoints(JSON.stringify(file));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded;
}

describe('ownPointIndex', () => {
  it('finds a design written as an expression: tacrolimus-maintenance.json has "n": "19 + 16"', () => {
    const { file, points } = load('scenarios/tacrolimus-maintenance.json');
    expect(file.design.n).toBe('19 + 16');
    expect(ownDesign(file)?.design.n).toBe(35);
    const i = ownPointIndex(file, points);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(points[i].set['design.n']).toBe(35);
  });

  it('finds a swept let name at the value the file gives it, and nothing when the sweep misses the design', () => {
    const withLet = load('scenarios/nct06764329-hair-count.json', (f) => {
      f.let = { treated: 3.89 };
      f.endpoint.arms.msc.mean = 'treated';
      f.sweep = { 'let.treated': [3, 3.89, 4.5] };
    });
    expect(ownPointIndex(withLet.file, withLet.points)).toBe(1);
    const missing = load('scenarios/nct06764329-hair-count.json', (f) => {
      f.sweep = { 'design.n': [20, 30] };
    });
    expect(ownPointIndex(missing.file, missing.points)).toBe(-1);
  });
});
