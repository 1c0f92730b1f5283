/**
 * The lazily loaded expression parser: `needsExpressionParser` must never say
 * "no" for a document whose validation parses an expression (checked on every
 * shipped scenario, every example and the hostile corpus, with modules that
 * have not loaded the parser), and using the parser unloaded is a clear bug error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { needsExpressionParser } from '../../src/scenario/expression-parser.js';
import * as examples from './examples.js';

/**
 * Fresh instances of the scenario modules, with the parser not loaded (test/setup.ts loaded it in the shared ones)
 * and the evidence library loaded (it has its own test of this kind, test/evidence/loading.test.ts).
 */
async function unloaded() {
  vi.resetModules();
  await (await import('../../src/evidence/library.js')).loadEvidenceLibrary();
  const parser = await import('../../src/scenario/expression-parser.js');
  const expressions = await import('../../src/scenario/expressions.js');
  const points = await import('../../src/scenario/design-points.js');
  const load = await import('../../src/scenario/load.js');
  const prepare = await import('../../src/scenario/prepare.js');
  const url = await import('../../src/scenario/url-encoding.js');
  expect(parser.isExpressionParserLoaded()).toBe(false);
  return { parser, expressions, points, load, prepare, url };
}

const SHIPPED = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .map((f) => [`scenarios/${f}`, readFileSync(`scenarios/${f}`, 'utf8')] as const);

const HOSTILE = readdirSync('test/hostile/corpus').map(
  (f) => [`test/hostile/corpus/${f}`, readFileSync(`test/hostile/corpus/${f}`, 'utf8')] as const,
);

const EXAMPLES = Object.entries(examples)
  .filter(([name, make]) => name !== 'loose' && typeof make === 'function')
  .map(([name, make]) => [name, JSON.stringify((make as () => unknown)())] as const);

/** The JSON of `text`, or undefined when it is not JSON. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

describe('needsExpressionParser', () => {
  it('says no for files of plain numbers and text, yes for expressions', () => {
    expect(needsExpressionParser(JSON.parse(readFileSync('scenarios/nct06764329-hair-count.json', 'utf8')))).toBe(false);
    expect(needsExpressionParser(examples.parallelContinuous())).toBe(false);
    expect(needsExpressionParser({ let: { d: 2 }, design: { n: 'd * 10' } })).toBe(true);
    expect(needsExpressionParser({ design: { n: 70, dropout: { normal: { mean: '0.1', sd: 0.01 } } } })).toBe(true);
    expect(needsExpressionParser({ sweep: { 'design.n': [20, '2 * 20'] } })).toBe(true);
    expect(needsExpressionParser({ let: { title: 'x' } })).toBe(true);
  });

  it('counts a string anywhere but a plain text field, and is not fooled by keys that look like paths', () => {
    expect(needsExpressionParser({ 'design.kind': 'a + b' })).toBe(true);
    expect(needsExpressionParser({ design: { arms: { id: 'x' } } })).toBe(true);
    expect(needsExpressionParser({ unknown: 'x' })).toBe(true);
    expect(needsExpressionParser('1 + 1')).toBe(true);
    expect(needsExpressionParser([{ title: 'x' }])).toBe(true);
    expect(needsExpressionParser({ endpoint: { arms: { a: { p: { fromCI: { evidence: 'aga-hair-count' } } } } } })).toBe(false);
    expect(needsExpressionParser({ sweep: { 'x.fromCI': [{ fromCI: { evidence: 'e' } }] } })).toBe(true);
  });

  it('walks any depth without recursion', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(needsExpressionParser({ design: deep })).toBe(true);
  });

  it.each([...SHIPPED, ...EXAMPLES, ...HOSTILE])('%s: when it says no, loading needs no parser', async (_name, text) => {
    const m = await unloaded();
    const json = parsed(text);
    if (json !== undefined && m.parser.needsExpressionParser(json)) return;
    const result = m.points.designPoints(text);
    const messages = result.ok ? [] : result.issues.map((i) => `${i.allowed} ${i.hint ?? ''}`);
    expect(messages.join('\n')).not.toContain('prepareScenarioInput');
    expect(m.parser.isExpressionParserLoaded()).toBe(false);
  });

  it('says no for some shipped files and yes for the files with expressions (the test above is not empty)', () => {
    const answers = SHIPPED.map(([, text]) => needsExpressionParser(JSON.parse(text)));
    expect(answers).toContain(false);
    expect(answers).toContain(true);
  });
});

describe('the parser, not loaded', () => {
  it('is a clear bug error, not a syntax error', async () => {
    const m = await unloaded();
    expect(() => m.expressions.compileExpression('1 + 2')).toThrow(/call prepareScenarioInput\(document\) first/);
    // Nothing that needs no parsing throws.
    expect(m.expressions.compileExpression('')).toEqual({ ok: false, reason: 'the expression is empty' });
    expect(m.expressions.evaluateLet({ a: 1 }).issues).toEqual([]);
  });

  it('is loaded by prepareScenarioInput when the document needs it, and only then', async () => {
    const m = await unloaded();
    const plain = readFileSync('scenarios/nct06764329-hair-count.json', 'utf8');
    await m.prepare.prepareScenarioInput(JSON.parse(plain));
    expect(m.parser.isExpressionParserLoaded()).toBe(false);
    await m.prepare.prepareScenarioInput({ let: { a: '1 + 1' } });
    expect(m.parser.isExpressionParserLoaded()).toBe(true);
    expect(m.expressions.compileExpression('1 + 2').ok).toBe(true);
  });

  it('is loaded by prepareScenarioText for an override value that is a string, wherever it goes', async () => {
    const m = await unloaded();
    const plain = readFileSync('scenarios/nct06764329-hair-count.json', 'utf8');
    await m.prepare.prepareScenarioText(plain, [80, { fromCI: { estimate: 1, lower: 0, upper: 2 } }]);
    await m.prepare.prepareScenarioText('not json');
    expect(m.parser.isExpressionParserLoaded()).toBe(false);
    await m.prepare.prepareScenarioText(plain, ['2 * 40']);
    expect(m.parser.isExpressionParserLoaded()).toBe(true);
    const r = m.points.designPoints(plain, [{ path: 'design.n', value: '2 * 40' }]);
    expect(r.ok && r.points.map((p) => p.scenario.design.n)).toEqual([80]);
  });

  it('is loaded by decodeScenario for a link whose scenario has expressions', async () => {
    const m = await unloaded();
    const text = JSON.stringify(examples.parallelBinary());
    const encoded = await m.url.encodeScenario(text);
    const d = await m.url.decodeScenario(encoded.ok ? encoded.encoded : undefined);
    expect(d.ok && d.loaded.ok).toBe(true);
    expect(m.parser.isExpressionParserLoaded()).toBe(true);
  });

  it('loads once for concurrent callers', async () => {
    const m = await unloaded();
    await Promise.all([m.parser.loadExpressionParser(), m.parser.loadExpressionParser()]);
    expect(m.parser.isExpressionParserLoaded()).toBe(true);
  });
});
