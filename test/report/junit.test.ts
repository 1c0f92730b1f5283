import { describe, expect, it } from 'vitest';
import { checkReport, type ExpectationOutcome, type FileCheck } from '../../src/run/check-run.js';
import { classnameOf, formatJunit } from '../../src/report/junit.js';
import { xmlAttribute, xmlText } from '../../src/text/markup.js';
import { descendants, parseStrictXml } from '../helpers/strict-xml.js';

const outcome = (verdict: ExpectationOutcome['verdict'], estimate: number, ci95: [number, number]): ExpectationOutcome => ({
  path: 'expect.power.atLeast',
  expectation: 'power \u2265 0.8',
  spec: { kind: 'bound', quantity: 'power', bound: 'atLeast', threshold: 0.8 },
  verdict,
  measured: 'power',
  estimate,
  ci95,
  replicates: 2000,
  successes: Math.round(estimate * 2000),
  n: 128,
});

/** A title with every character a JUnit writer can get wrong: markup, quotes, an ampersand, control characters, a lone surrogate. */
const HOSTILE = 'A <b>"bold"</b> & \'quoted\' trial \u0000\u0007\u001b]0;x\u0007 \ud800 end';

const files: FileCheck[] = [
  { file: 'a.json', status: 'checked', title: 'Passes', seed: 's', replicates: 2000, outcomes: [outcome('pass', 0.9, [0.88, 0.92])] },
  {
    file: 'b&c<d>.json',
    status: 'checked',
    title: HOSTILE,
    seed: 's"2',
    replicates: 2000,
    outcomes: [outcome('fail', 0.5, [0.48, 0.52]), outcome('inconclusive', 0.8, [0.78, 0.82])],
  },
  { file: 'c.json', status: 'no-expect', title: 'Nothing promised', outcomes: [] },
  {
    file: 'd.json',
    status: 'invalid',
    problems: ['design.n: got -3; allowed: a whole number \u2265 2', 'analysis.test: got "t"'],
    outcomes: [],
  },
];

describe('JUnit XML of trialsim check', () => {
  it('is well-formed XML (strict parser) with one testsuite per file and one testcase per expectation', () => {
    const xml = formatJunit(checkReport(files, false, { workers: 2, elapsedMs: 1234 }));
    const root = parseStrictXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ name: 'trialsim check', tests: '5', failures: '2', errors: '1', skipped: '1', time: '1.234' });
    const suites = descendants(root, 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual(['a.json', 'b&c<d>.json', 'c.json', 'd.json']);
    expect(suites.map((s) => s.attributes.tests)).toEqual(['1', '2', '1', '1']);
    expect(suites.map((s) => [s.attributes.failures, s.attributes.errors, s.attributes.skipped])).toEqual([
      ['0', '0', '0'],
      ['2', '0', '0'],
      ['0', '0', '1'],
      ['0', '1', '0'],
    ]);
    const cases = descendants(root, 'testcase');
    expect(cases).toHaveLength(5);
    expect(cases.map((c) => c.attributes.classname)).toEqual(['a', 'b&c<d>', 'b&c<d>', 'c', 'd']);
    expect(classnameOf('./scenarios/nct06764329-hair-count.json')).toBe('scenarios.nct06764329-hair-count');
    // Counts on every suite agree with its children.
    for (const s of suites) {
      const children = descendants(s, 'testcase');
      expect(String(children.length)).toBe(s.attributes.tests);
      expect(String(children.filter((c) => c.children.some((x) => x.name === 'failure')).length)).toBe(s.attributes.failures);
    }
    const [fail, inconclusive] = descendants(suites[1], 'failure');
    expect(fail.attributes.type).toBe('fail');
    expect(fail.attributes.message).toContain('power 0.5000 (95 % CI 0.4800\u20130.5200');
    expect(fail.attributes.message).toContain('the whole 95 % interval is below 0.8');
    expect(inconclusive.attributes.type).toBe('inconclusive');
    expect(inconclusive.attributes.message).toContain('inconclusive \u2014 add replicates');
    expect(descendants(suites[2], 'skipped')[0].attributes.message).toBe('no expect block: nothing to check');
    const error = descendants(suites[3], 'error')[0];
    expect(error.attributes.type).toBe('invalid');
    expect(error.text).toBe('design.n: got -3; allowed: a whole number \u2265 2\nanalysis.test: got "t"');
  });

  it('escapes markup and replaces characters XML cannot carry', () => {
    const xml = formatJunit(checkReport(files, false, { workers: 1, elapsedMs: 0 }));
    const title = descendants(parseStrictXml(xml), 'property').find(
      (p) => p.attributes.name === 'title' && p.attributes.value.startsWith('A <b>'),
    )!;
    expect(title.attributes.value).toBe('A <b>"bold"</b> & \'quoted\' trial \ufffd\ufffd\ufffd]0;x\ufffd \ufffd end');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xmlText('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    expect(xmlAttribute('say "hi"\n\'there\'')).toBe('say &quot;hi&quot;&#10;&apos;there&apos;');
  });

  it('with --allow-inconclusive, an inconclusive expectation is skipped, not failed', () => {
    const root = parseStrictXml(formatJunit(checkReport(files, true, { workers: 1, elapsedMs: 0 })));
    expect(root.attributes).toMatchObject({ failures: '1', skipped: '2' });
    const skipped = descendants(descendants(root, 'testsuite')[1], 'skipped');
    expect(skipped[0].attributes.message).toContain('inconclusive \u2014 add replicates');
  });

  it('the strict parser used here rejects what a lenient one accepts', () => {
    for (const bad of [
      '<a><b></a></b>',
      '<a x=1/>',
      '<a>&nbsp;</a>',
      '<a>x & y</a>',
      '<a/><b/>',
      '<a x="1" x="2"/>',
      '<a>\u0001</a>',
      '<a>&#0;</a>',
    ]) {
      expect(() => parseStrictXml(bad), bad).toThrow();
    }
    expect(parseStrictXml('<?xml version="1.0" encoding="UTF-8"?>\n<a x="&lt;&#10;">t&amp;</a>\n').attributes.x).toBe('<\n');
  });
});
