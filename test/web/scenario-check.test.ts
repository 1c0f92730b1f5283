/** Reading the editor's text for the form, and checking it once per text after preparing it. */
import { describe, expect, it, vi } from 'vitest';
import { checkText, parseForForm, ScenarioChecker, tooDeep } from '../../web/controller/scenario-check.js';
import { smallScenario } from './fake-page.js';

describe('the form reads', () => {
  it('JSON within the nesting bound; nothing from broken or too deeply nested text', () => {
    expect(parseForForm('{"a": [1, {"b": 2}]}')).toEqual({ a: [1, { b: 2 }] });
    expect(parseForForm('{ "format": ')).toBeUndefined();
    expect(parseForForm(`${'['.repeat(65)}${']'.repeat(65)}`)).toBeUndefined();
    expect(parseForForm(`${'['.repeat(64)}${']'.repeat(64)}`)).toBeDefined();
  });

  it('counts only brackets outside strings, escaped quotes included', () => {
    expect(tooDeep('{"a": "[[[[", "b": "\\"[[["}', 1)).toBe(false);
    expect(tooDeep('{"a": {"b": 1}}', 1)).toBe(true);
  });
});

describe('the check', () => {
  it('gives the design points of a valid text, and the issues of an invalid one', () => {
    const ok = checkText(smallScenario());
    expect(ok.issues).toEqual([]);
    expect(ok.run?.points).toHaveLength(8);
    expect(ok.run?.prepared.simulated).toHaveLength(8);
    const bad = checkText(smallScenario(100, (d) => ((d.design as { n: number }).n = -3)));
    expect(bad.run).toBeUndefined();
    expect(bad.issues.map((i) => i.path)).toEqual(['design.n']);
  });

  it('refuses a sweep without design points', () => {
    const empty = checkText(smallScenario(100, (d) => (d.sweep = { 'design.n': [] })));
    expect(empty.run).toBeUndefined();
    expect(empty.issues.length).toBeGreaterThan(0);
  });

  it('prepares a text before checking it, and checks each text once', async () => {
    const prepare = vi.fn(async () => undefined);
    const checker = new ScenarioChecker(prepare);
    const text = smallScenario();
    const data = JSON.parse(text);
    expect(checker.cached(text)).toBeUndefined();
    const first = await checker.check(text, data);
    expect(prepare).toHaveBeenCalledWith(data);
    expect(await checker.check(text, data)).toBe(first);
    expect(checker.cached(text)).toBe(first);
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it('passes on a part that could not be loaded', async () => {
    const checker = new ScenarioChecker(async () => {
      throw new Error('offline');
    });
    await expect(checker.check(smallScenario(), {})).rejects.toThrow('offline');
  });
});
