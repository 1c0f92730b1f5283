import type { CheckReport, FileCheck } from '../run/check-run.js';
import { xmlAttribute, xmlText } from '../text/markup.js';
import { fixed } from '../text/number.js';
import { figureText, outcomeMessage, reasonText } from './format-check.js';

/** `name="value" …` from pairs, skipping undefined values. */
function attributes(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttribute(String(v))}"`)
    .join('');
}

/**
 * A JUnit class name for a scenario file: its path without `.json`, folders
 * joined by dots (`scenarios/a-b.json` → `scenarios.a-b`), as test reporters
 * expect package-like names.
 */
export function classnameOf(file: string): string {
  return file
    .replace(/\.json$/i, '')
    .replace(/^\.?[\\/]+/, '')
    .replace(/[\\/]+/g, '.');
}

interface Case {
  name: string;
  /** `<failure>`, `<error>` or `<skipped>` with its message and body; none for a pass. */
  outcome?: { element: 'failure' | 'error' | 'skipped'; type?: string; message: string; body?: string };
  /** Shown as the test case's output. */
  output?: string;
}

/** The test cases of one file. */
function casesOf(f: FileCheck, allowInconclusive: boolean): Case[] {
  if (f.status === 'invalid') {
    return [
      {
        name: 'scenario is valid',
        outcome: {
          element: 'error',
          type: 'invalid',
          message: `${f.problems?.length ?? 0} problem(s): ${f.problems?.[0] ?? ''}`,
          body: (f.problems ?? []).join('\n'),
        },
      },
    ];
  }
  if (f.status === 'no-expect') return [{ name: 'expect', outcome: { element: 'skipped', message: 'no expect block: nothing to check' } }];
  return f.outcomes.map((o): Case => {
    const message = outcomeMessage(o);
    if (o.verdict === 'pass') return { name: o.expectation, output: message };
    if (o.verdict === 'fail')
      return { name: o.expectation, outcome: { element: 'failure', type: 'fail', message, body: `${figureText(o)}\n${reasonText(o)}` } };
    return allowInconclusive
      ? { name: o.expectation, outcome: { element: 'skipped', message } }
      : { name: o.expectation, outcome: { element: 'failure', type: 'inconclusive', message, body: `${figureText(o)}\n${reasonText(o)}` } };
  });
}

/**
 * The report as JUnit XML, the format CI systems (GitHub, GitLab, Jenkins)
 * display: one `<testsuite>` per scenario file, one `<testcase>` per
 * expectation. A failed expectation is a `<failure type="fail">`; an
 * inconclusive one a `<failure type="inconclusive">`, or `<skipped>` with
 * `--allow-inconclusive` (matching the exit code); a file without `expect` a
 * skipped case named `expect`; an invalid file an `<error type="invalid">`.
 */
export function formatJunit(report: CheckReport): string {
  const suites = report.files.map((f) => ({ f, cases: casesOf(f, report.allowInconclusive) }));
  const count = (cases: Case[], element: 'failure' | 'error' | 'skipped') => cases.filter((c) => c.outcome?.element === element).length;
  const all = suites.flatMap((s) => s.cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'trialsim check', tests: all.length, failures: count(all, 'failure'), errors: count(all, 'error'), skipped: count(all, 'skipped'), time: fixed(report.elapsedMs / 1000, 3) })}>`,
  ];
  for (const { f, cases } of suites) {
    lines.push(
      `  <testsuite${attributes({ name: f.file, tests: cases.length, failures: count(cases, 'failure'), errors: count(cases, 'error'), skipped: count(cases, 'skipped') })}>`,
    );
    const properties = {
      title: f.title,
      seed: f.seed,
      replicates: f.replicates,
      precision: f.precision,
      engine: report.engine,
      rng: report.rng,
    };
    const defined = Object.entries(properties).filter(([, v]) => v !== undefined);
    if (defined.length > 0) {
      lines.push('    <properties>');
      for (const [name, value] of defined) lines.push(`      <property${attributes({ name, value: String(value) })}/>`);
      lines.push('    </properties>');
    }
    for (const c of cases) {
      const open = `    <testcase${attributes({ name: c.name, classname: classnameOf(f.file) })}`;
      if (!c.outcome && !c.output) {
        lines.push(`${open}/>`);
        continue;
      }
      lines.push(`${open}>`);
      if (c.outcome) {
        const { element, type, message, body } = c.outcome;
        const head = `      <${element}${attributes({ message, type })}`;
        lines.push(body === undefined ? `${head}/>` : `${head}>${xmlText(body)}</${element}>`);
      }
      if (c.output) lines.push(`      <system-out>${xmlText(c.output)}</system-out>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
