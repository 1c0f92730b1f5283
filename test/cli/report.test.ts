import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { main } from '../../src/cli/main.js';
import { ENGINE_VERSION } from '../../src/engine/version.js';
import { getEvidence } from '../../src/evidence/library.js';
import { SEED_DOCUMENTS } from '../../src/evidence/seed-documents.js';
import { escapeHtml } from '../../src/text/markup.js';
import { fakeIo } from '../helpers/fake-io.js';

const NCT = 'scenarios/nct06764329-hair-count.json';
const NCT_TEXT = readFileSync(NCT, 'utf8');

/** Every evidence entry a scenario file cites, resolved. */
function citedEntries(text: string) {
  const file = JSON.parse(text) as { sources?: Array<{ evidence: string }> };
  return (file.sources ?? []).map((s) => getEvidence(s.evidence)!);
}

/**
 * What a self-contained HTML file must not contain: an element that loads or
 * runs something, an attribute that points somewhere, or a CSS import or url().
 * Escaped text holds no raw "<", so every tag found is markup.
 */
function externalReferences(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<[a-zA-Z][^>]*>/g) ?? []) {
    if (/^<(script|link|iframe|img|object|embed|audio|video|source|base|meta http-equiv)\b/i.test(tag)) found.push(tag);
    // The SVG namespace is a name, not a request.
    const attributes = tag.replace(/\sxmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '');
    if (/\s(src|srcset|href|xlink:href|action|formaction|poster|background|on[a-z]+)\s*=/i.test(attributes)) found.push(tag);
    if (/url\(/i.test(attributes)) found.push(tag);
  }
  for (const style of html.match(/<style>[\s\S]*?<\/style>/g) ?? []) {
    if (/@import|url\(/i.test(style)) found.push(style.slice(0, 80));
  }
  return found;
}

describe('trialsim report', () => {
  let html = '';
  let md = '';
  let svg = '';
  let out = '';
  beforeAll(async () => {
    const io = fakeIo();
    expect(await main(['report', NCT, '--html', 'r/report.html', '--md', 'r/report.md', '--replicates', '4000'], io)).toBe(0);
    html = io.written['r/report.html'];
    md = io.written['r/report.md'];
    svg = io.written['r/report.svg'];
    out = io.out;
    expect(io.err).toBe('');
  });

  it('writes the HTML, the Markdown and the SVG beside it', () => {
    expect(out).toBe(`${NCT}: report written to r/report.html, r/report.md, r/report.svg\n`);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(md).toContain('![Power against Patients (design.n)');
    expect(md).toContain('](report.svg)');
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
  });

  it('is self-contained: inline CSS and SVG, no script and nothing fetched', () => {
    expect(externalReferences(html)).toEqual([]);
    expect(html).toMatch(/<style>[\s\S]*<\/style>/);
    expect(html).not.toContain('<?xml');
    // The power curve, inline, with its Wilson band and target line.
    expect(html).toMatch(/<figure>\n<svg [^>]*class="plot-[^"]*"/);
    for (const mark of ['power-curve', 'wilson-band', 'target', 'chosen']) expect(html).toContain(`class="${mark}"`);
  });

  it("states the question, the design and the answer at the file's design", () => {
    const scenario = JSON.parse(NCT_TEXT);
    expect(html).toContain(`<h1>${escapeHtml(scenario.title)}</h1>`);
    expect(html).toContain(escapeHtml(scenario.description));
    expect(html).toContain('70 (35 MSC, 35 Saline)');
    expect(html).toContain('Welch&#39;s t-test (<code>welch-t</code>), two-sided α = 0.05');
    expect(html).toMatch(/At the design in the file \(n = 70\): <strong>power 0\.9\d{3} \(95 % CI/);
    // The sample size at the file's target (expect.power.atLeast = 0.8).
    expect(html).toMatch(/Power 0\.8: <strong>\d+ patients to randomize<\/strong>/);
    expect(html).toContain('target power 0.8');
    expect(html).toMatch(/<code>expect\.power\.atLeast<\/code> \(power ≥ 0\.8\): <strong>pass<\/strong>/);
  });

  it('gives the source of every number: evidence resolved to the paper, section and quote; assumptions with their reasons', () => {
    for (const entry of citedEntries(NCT_TEXT)) {
      const doc = SEED_DOCUMENTS[entry.provenance.seed];
      expect(html).toContain(escapeHtml(doc.title));
      expect(html).toContain(escapeHtml(entry.provenance.quote));
      expect(html).toContain(`${escapeHtml(doc.short)}, ${escapeHtml(entry.provenance.section)} [${entry.id}]`);
    }
    const scenario = JSON.parse(NCT_TEXT) as { assumptions: Array<{ path: string; note: string }>; sources: Array<{ paths: string[] }> };
    for (const a of scenario.assumptions) expect(html).toContain(escapeHtml(a.note));
    for (const path of scenario.sources.flatMap((s) => s.paths)) expect(html).toContain(`<td><code>${path}</code></td>`);
    // The transfer assumption on a cited number is shown next to its source.
    expect(html).toMatch(
      /<code>endpoint\.arms\.msc\.mean<\/code><\/td><td>3\.89<\/td><td><strong>Source: <\/strong>[^<]*\[aga-hair-count\] <strong>Also assumed: <\/strong>Transfer assumption/,
    );
    expect(html).not.toContain('No source given');
  });

  it('contains the justification paragraph of src/report/justification.ts', () => {
    const paragraph = /<p class="justification">([^<]*)<\/p>/.exec(html)?.[1] ?? '';
    expect(paragraph).toMatch(/^A sample size of 70 patients \(35 MSC, 35 Saline\) randomized 1:1 gives 9\d\.\d % power/);
    expect(paragraph).toContain(
      `estimated from 4,000 simulated trials (trialsim ${ENGINE_VERSION}, xorwow random streams, seed &quot;nct06764329&quot;`,
    );
    expect(paragraph).toContain('NCT06764329 registry record, Detailed Description [aga-hair-count]');
  });

  it('has a reproducibility block with the scenario file embedded verbatim, escaped', () => {
    for (const text of [
      `trialsim engine</th><td>${ENGINE_VERSION}`,
      '<code>nct06764329</code>',
      'Chunk size</th><td>1000 replicates',
      'Replicates per design point</th><td>4000',
      'Fast path</th><td>yes',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain(
      '<code>trialsim report scenarios/nct06764329-hair-count.json --html r/report.html --md r/report.md --replicates 4000</code>',
    );
    expect(html).toMatch(/SHA-256 [0-9a-f]{64}/);
    const embedded = /<pre><code class="language-json">([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1];
    expect(embedded).toBe(escapeHtml(NCT_TEXT));
    // The Markdown embeds it in a code fence, unescaped.
    expect(md).toContain(`\`\`\`json\n${NCT_TEXT.replace(/\n$/, '')}\n\`\`\``);
  });

  it('is reproducible: the same file and settings give the same bytes', async () => {
    const io = fakeIo();
    await main(['report', NCT, '--html', 'r/report.html', '--md', 'r/report.md', '--replicates', '4000'], io);
    expect(io.written['r/report.html']).toBe(html);
    expect(io.written['r/report.md']).toBe(md);
  });
});

describe('trialsim report: hostile text and other scenarios', () => {
  it('escapes every text from the scenario; a file without a sweep gets the sample-size curve', async () => {
    const data = JSON.parse(NCT_TEXT);
    delete data.sweep;
    data.title = 'Evil <script>alert(1)</script> & "friends"';
    data.description = '<img src=x onerror=alert(1)> | pipes | `ticks` ```';
    data.assumptions[0].note = '</td><script src="https://evil.example/x.js"></script>';
    const text = JSON.stringify(data, null, 2);
    const io = fakeIo({ 'evil.json': text });
    expect(await main(['report', 'evil.json', '--html', 'e.html', '--md', 'e.md', '--replicates', '2000', '--power', '0.9'], io)).toBe(0);
    const html = io.written['e.html'];
    expect(externalReferences(html)).toEqual([]);
    expect(html).toContain('<title>Evil &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;</title>');
    expect(html).toContain(escapeHtml(text));
    expect(html).toContain('Power 0.9: <strong>');
    expect(html).toContain('class="chosen"');
    const md = io.written['e.md'];
    // Outside the fenced copy of the file (where Markdown renders nothing), no raw markup.
    expect(md.replace(/^````json\n[\s\S]*?\n````$/m, '')).not.toMatch(/<script|<img|<\/td>/);
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt; \\| pipes \\| \\`ticks\\` \\`\\`\\`');
    // The verbatim copy holds ``` itself, so its fence is longer.
    expect(md).toContain('````json\n');
  });

  it('an assurance scenario: distributions described, fromCI and let values sourced, computed values resolved', async () => {
    const io = fakeIo();
    expect(
      await main(
        ['report', 'scenarios/msc-psoriasis-pasi75.json', '--html', 'p.html', '--replicates', '1000', '--sweep', 'design.n=60,100'],
        io,
      ),
    ).toBe(0);
    const html = io.written['p.html'];
    expect(html).toContain('Beta(6.001, 10.999), centre 0.353');
    expect(html).toMatch(/<code>let\.pasi75<\/code><\/td><td>0\.353<\/td><td><strong>Source: <\/strong>/);
    expect(html).toMatch(
      /<code>endpoint\.arms\.placebo\.p<\/code><\/td><td><code>placeboRate<\/code> = 0\.05<\/td><td>Computed from the values it names/,
    );
    expect(html).toMatch(
      /At the design in the file \(n = 100\): <strong>assurance 0\.\d{4} \(95 % CI [^)]*\); power at the point estimates 0\.\d{4}/,
    );
  });

  it('usage errors exit 2', async () => {
    for (const argv of [
      ['report', NCT],
      ['report', NCT, NCT, '--html', 'x.html'],
      ['report', NCT, '--html', 'x.html', '--format', 'json'],
      ['run', NCT, '--html', 'x.html'],
    ]) {
      const io = fakeIo();
      expect(await main(argv, io), argv.join(' ')).toBe(2);
      expect(io.err).toMatch(/^trialsim: .*\n\(see trialsim --help\)\n$/);
    }
  });
});

describe('trialsim report: what it simulates', () => {
  it('is refused before it starts when it would cost more than --max-cost, like run, check, size and mde', async () => {
    const io = fakeIo();
    expect(await main(['report', NCT, '--md', 'r.md', '--replicates', '500', '--max-cost', '1e3'], io)).toBe(2);
    expect(io.err).toMatch(
      /^scenarios\/nct06764329-hair-count\.json: this run would simulate about .* the limit is 1000; raise it with --max-cost/,
    );
    expect(io.written).toEqual({});
  });

  it("answers the sample size for 0.8 and 0.9 when the expect block is a band, not for the band's floor", async () => {
    // tacrolimus-maintenance.json expects power in [0.3, 0.5]: a registered trial's power, not a target.
    const io = fakeIo();
    expect(
      await main(['report', 'scenarios/tacrolimus-maintenance.json', '--md', 't.md', '--replicates', '300', '--workers', '1'], io),
    ).toBe(0);
    const md = io.written['t.md'];
    expect(md).toMatch(/Power 0\.8: \*\*\d+ patients to randomize\*\*/);
    expect(md).toMatch(/Power 0\.9: \*\*\d+ patients to randomize\*\*/);
    expect(md).not.toMatch(/Power 0\.3:/);
  });
});

describe('the committed example report', () => {
  it('docs/reports/nct06764329-hair-count.{html,md,svg} is what trialsim makes today', async () => {
    const paths = [
      'docs/reports/nct06764329-hair-count.html',
      'docs/reports/nct06764329-hair-count.md',
      'docs/reports/nct06764329-hair-count.svg',
    ];
    const io = fakeIo();
    expect(await main(['report', NCT, '--html', paths[0], '--md', paths[1]], io)).toBe(0);
    for (const path of paths) {
      // When this fails, the engine or the scenario changed: regenerate with
      // node scripts/build-node.mjs && npx trialsim report scenarios/nct06764329-hair-count.json --html docs/reports/nct06764329-hair-count.html --md docs/reports/nct06764329-hair-count.md
      expect(io.written[path], path).toBe(readFileSync(path, 'utf8'));
    }
  });
});
