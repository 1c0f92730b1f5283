/**
 * End-to-end: the built site (what `npm run build` ships) in headless Debian
 * Chromium, driven by playwright-core. The page's numbers are compared
 * exactly with the command-line tool (bundled from the same sources) and with
 * the engine run in Node; cancelling, share links, files (valid, invalid,
 * hostile) and hostile links are exercised; no test may leave a console error.
 * A last smoke test runs the dev server (`npm start`).
 */
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { runPoint } from '../../src/engine/run-point.js';
import { MAX_FILE_BYTES } from '../../src/scenario/limits.js';
import { designPoints } from '../../src/scenario/design-points.js';
import { encodeScenario } from '../../src/scenario/url-encoding.js';
import { loadPresets } from '../../web/presets.js';
import { buildCli, type BuiltCli } from './cli-build.js';
import {
  clickRun,
  countsOf,
  currentShareUrl,
  field,
  freshPage,
  HAVE_CHROMIUM,
  LAUNCH_ARGS,
  CHROMIUM,
  manualRuns,
  pageState,
  pickPreset,
  SKIP_REASON,
  waitFirstRun,
  waitRunAfter,
} from './page-helpers.js';
import { serveWeb, type ServedWeb } from './serve-web.js';

const PRESETS = await loadPresets();

if (!HAVE_CHROMIUM) {
  // CI sets TRIALSIM_REQUIRE_BROWSER=1 so that a missing browser fails instead of passing silently.
  if (process.env.TRIALSIM_REQUIRE_BROWSER === '1') throw new Error(`browser tests required, but ${SKIP_REASON}`);
  console.warn(`test/browser/ui.test.ts skipped: ${SKIP_REASON}`);
}

const PRESET = 'nct06764329-hair-count.json';
const PRESET_PATH = `scenarios/${PRESET}`;
const PRESET_TEXT = readFileSync(new URL(`../../${PRESET_PATH}`, import.meta.url), 'utf8');

/** Per-point counts of a scenario text run on this thread by the engine, with `replicates` and `seed` in place of the file's. */
function engineCounts(text: string, replicates?: number, seed?: string) {
  const loaded = designPoints(text);
  if (!loaded.ok) throw new Error(`scenario invalid: ${JSON.stringify(loaded.issues)}`);
  return loaded.points.map(({ set, scenario }) => {
    const sim = {
      ...scenario.simulation,
      replicates: replicates ?? scenario.simulation.replicates,
      seed: seed ?? scenario.simulation.seed,
    };
    const r = runPoint({ ...scenario, simulation: sim });
    return { set, replicates: r.replicates, successes: r.successes, degenerate: r.degenerate, power: r.power, ci95: r.ci95, mcse: r.mcse };
  });
}

const pick = <T extends object>(o: T, keys: readonly (keyof T)[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));

describe.skipIf(!HAVE_CHROMIUM)(
  HAVE_CHROMIUM ? 'the UI in headless Chromium' : `the UI in headless Chromium — SKIPPED: ${SKIP_REASON}`,
  () => {
    let browser: Browser;
    let web: ServedWeb;
    let cli: BuiltCli;
    const errors: string[] = [];
    const contexts: BrowserContext[] = [];

    /** A page in a fresh context, closed after the test. */
    async function open(hash = '', viewport?: { width: number; height: number }): Promise<Page> {
      const { context, page } = await freshPage(browser, web.url + hash, errors, viewport);
      contexts.push(context);
      return page;
    }

    beforeAll(async () => {
      [browser, web, cli] = await Promise.all([
        chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS }),
        serveWeb('build'),
        buildCli(),
      ]);
    }, 90_000);

    afterEach(async () => {
      await Promise.all(contexts.splice(0).map((c) => c.close()));
      // Every test ends without a console error, an uncaught exception or a worker error.
      expect(errors.splice(0)).toEqual([]);
    });

    afterAll(async () => {
      await browser?.close();
      await web?.close();
      cli?.remove();
    });

    it('opens on the NCT06764329 curve: every preset listed with title, summary and sources; curve, words, table, justification', async () => {
      const page = await open();
      const state = await waitFirstRun(page);
      expect(state.status).toBe('done');
      expect(state.lastResult!.title).toBe(JSON.parse(PRESET_TEXT).title);
      expect(state.firstCurveMs).toBeGreaterThan(0);
      console.log(
        `time to first curve (built site, NCT06764329 preset, 8 points × 10 000 trials): ${state.firstCurveMs} ms from navigation start`,
      );

      const values = await page.getByTestId('preset-option').evaluateAll((os) => os.map((o) => (o as HTMLInputElement).value));
      expect(values).toEqual(['', ...PRESETS.map((p) => p.file)]);
      for (const p of PRESETS) {
        const card = page.locator('.preset-card', { has: page.locator(`input[value="${p.file}"]`) });
        expect(await card.locator('label').textContent()).toBe(p.title);
        const about = await card.locator('.about').textContent();
        expect(about).toContain(p.summary);
        for (const s of p.sources) expect(about).toContain(s);
      }
      expect(await page.locator(`input[value="${PRESET}"]`).isChecked()).toBe(true);
      expect(await page.getByTestId('scenario-text').inputValue()).toBe(PRESET_TEXT);

      // The curve: Observable Plot's SVG with the Wilson band, the curve, the target line and the marked crossing.
      const svg = page.getByTestId('curve-svg');
      await expect.poll(() => svg.count()).toBe(1);
      for (const mark of ['wilson-band', 'power-curve', 'target', 'chosen-point'])
        expect(await svg.locator(`.${mark}`).count()).toBeGreaterThan(0);
      const words = await page.getByTestId('curve-words').textContent();
      expect(words).toContain('Power first reaches 80 % at n = 50');
      expect(await page.getByTestId('result-row').count()).toBe(8);
      expect(await page.getByTestId('quantity-note').textContent()).toMatch(/^Power:/);
      expect(await page.getByTestId('expectation').textContent()).toContain('met');
      const justification = await page.getByTestId('justification').textContent();
      // The power quoted is the engine's at the file's n = 70 (computed here in Node), in percent with one decimal.
      const at70 = engineCounts(PRESET_TEXT).find((p) => p.set['design.n'] === 70)!;
      expect(justification).toMatch(
        new RegExp(
          `^A sample size of 70 patients \\(35 MSC, 35 Saline\\) randomized 1:1 gives ${(100 * at70.power!).toFixed(1).replace('.', '\\.')} % power`,
        ),
      );
      expect(justification).toContain('NCT06764329 registry record, Detailed Description [aga-hair-count]');
      // Evidence is shown next to the values it supplies.
      expect(await page.locator('[data-path="endpoint.arms.msc"] .provenance').textContent()).toContain(
        'NCT06764329 registry record, Detailed Description (mean, sd)',
      );
      expect(await page.locator('[data-path="design.dropout"] .provenance').textContent()).toContain('Assumed');
    });

    it('after picking the NCT06764329 preset, the power at n = 70 equals `trialsim run` exactly, and every point equals the engine in Node', async () => {
      const page = await open();
      await waitFirstRun(page);
      await pickPreset(page, '');
      expect(JSON.parse(await page.getByTestId('scenario-text').inputValue()).title).toBe('New trial');
      const state = await pickPreset(page, PRESET);
      expect(state.status).toBe('done');
      const result = state.lastResult!;
      expect(result).toMatchObject({ seed: 'nct06764329', quantity: 'power', test: 'welch-t' });
      const at70 = result.points.find((p) => p.set['design.n'] === 70)!;
      const out = JSON.parse(await cli.run(['run', PRESET_PATH, '--set', 'design.n=70', '--format', 'json']));
      const fields = ['replicates', 'successes', 'degenerate', 'power', 'ci95', 'mcse'] as const;
      expect(pick(at70, fields)).toEqual(pick(out.points[0], fields));
      expect(at70.power).toBe(out.points[0].power);
      const shown = await page.getByTestId('result-row').filter({ hasText: /^70/ }).textContent();
      expect(shown).toContain(at70.power!.toFixed(4));
      expect(countsOf(state)!.map((p) => pick(p, ['set', ...fields]))).toEqual(engineCounts(PRESET_TEXT));
    });

    it('cancels a long run, says so, keeps the last result, and runs again afterwards', async () => {
      const page = await open();
      const first = await waitFirstRun(page);
      await manualRuns(page);
      await field(page, 'simulation.replicates').fill('2000000');
      const before = first.runs;
      await page.getByTestId('run').click();
      await page.waitForFunction(
        (n) =>
          window.__trialsim.runs > n &&
          window.__trialsim.status === 'running' &&
          (document.querySelector('[data-testid=progress]') as HTMLProgressElement).value > 0,
        before,
        { timeout: 15_000 },
      );
      await page.getByTestId('cancel').click();
      await page.waitForFunction(() => window.__trialsim.status !== 'running', undefined, { timeout: 5_000 });
      const cancelled = await pageState(page);
      expect(cancelled.status).toBe('cancelled');
      expect(await page.getByTestId('status').textContent()).toMatch(/cancelled/i);
      expect(await page.getByTestId('cancel').isDisabled()).toBe(true);
      expect(cancelled.lastResult).toEqual(first.lastResult);
      // The last complete curve is back on the page, marked as out of date.
      expect(await page.getByTestId('curve-svg').count()).toBe(1);
      expect(await page.getByTestId('stale').textContent()).toContain('changed since');

      await field(page, 'simulation.replicates').fill('1000');
      await field(page, 'simulation.seed').fill('after cancel');
      const again = await clickRun(page);
      expect(again.status).toBe('done');
      expect(again.lastResult!.seed).toBe('after cancel');
      expect(countsOf(again)!.map((p) => pick(p, ['set', 'replicates', 'successes', 'degenerate', 'power', 'ci95', 'mcse']))).toEqual(
        engineCounts(PRESET_TEXT, 1000, 'after cancel'),
      );
    });

    it('a share link opened in a fresh page reproduces the scenario and exactly the same numbers', async () => {
      const a = await open();
      await waitFirstRun(a);
      await manualRuns(a);
      await field(a, 'simulation.replicates').fill('3000');
      await field(a, 'simulation.seed').fill('shared link');
      await field(a, 'design.dropout').fill('0.15');
      const ran = await clickRun(a);
      const url = await currentShareUrl(a);
      expect(url).toMatch(/#s=1\.[A-Za-z0-9_-]+$/);
      expect(url.length).toBeLessThan(4000);
      expect(await a.getByTestId('share-link').inputValue()).toBe(url);

      const b = await open(url.slice(url.indexOf('#')));
      const opened = await waitFirstRun(b);
      expect(opened.status).toBe('done');
      expect(JSON.parse(opened.scenarioText)).toEqual(JSON.parse(ran.scenarioText));
      expect(countsOf(opened)).toEqual(countsOf(ran));
      expect(opened.lastResult!.seed).toBe('shared link');
      expect(await b.getByTestId('preset-current').textContent()).toContain('your own scenario');
    });

    it('the form and the JSON view stay in step; validation messages appear at the field they concern; only fitting tests are offered', async () => {
      const page = await open();
      await waitFirstRun(page);
      await manualRuns(page);
      await field(page, 'design.n').fill('-3');
      const error = page.locator('[data-path="design.n"] .field-error');
      await expect.poll(() => error.textContent()).toContain('got -3; allowed: a whole number');
      expect(await field(page, 'design.n').getAttribute('aria-invalid')).toBe('true');
      expect(await field(page, 'design.n').getAttribute('aria-describedby')).toContain(await error.getAttribute('id'));
      expect(JSON.parse(await page.getByTestId('scenario-text').inputValue()).design.n).toBe(-3);
      expect(await page.getByTestId('messages').textContent()).toContain('design.n: got -3');
      // The summary links to the field.
      await page.getByTestId('messages').getByRole('link').first().click();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('design.n');
      // Run refuses an invalid scenario.
      const before = (await pageState(page)).runs;
      await page.getByTestId('run').click();
      expect((await pageState(page)).status).toBe('invalid');
      expect((await pageState(page)).runs).toBe(before);

      // The JSON view drives the form too.
      const json = page.getByTestId('scenario-text');
      await json.fill((await json.inputValue()).replace('"n": -3', '"n": 64'));
      await expect.poll(() => field(page, 'design.n').inputValue()).toBe('64');
      await expect.poll(() => page.getByTestId('messages').textContent()).toBe('');
      expect(await error.isHidden()).toBe(true);

      // A distribution typed into a field: assurance, labelled as such.
      await field(page, 'endpoint.arms.msc.mean').fill('{"normal": {"mean": 3.89, "sd": 0.8}}');
      await field(page, 'simulation.replicates').fill('500');
      const uncertain = await clickRun(page);
      expect(uncertain.lastResult!.quantity).toBe('assurance');
      expect(await page.getByTestId('quantity-note').textContent()).toMatch(/^Assurance, not power/);
      expect(await page.locator('[data-testid=results-table] th', { hasText: 'Assurance' }).count()).toBe(1);
      expect(await page.getByTestId('curve-svg').textContent()).toContain('power at estimate');

      // Design kind: the form adapts and offers only the tests that fit.
      await field(page, 'design.kind').selectOption('within-patient');
      await expect
        .poll(() =>
          field(page, 'analysis.test')
            .locator('option')
            .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
        )
        .toEqual(['paired-t', 'wilcoxon-signed-rank']);
      expect(await field(page, 'design.correlation').inputValue()).toBe('0.5');
      const data = JSON.parse(await json.inputValue());
      expect(data.design).toMatchObject({ kind: 'within-patient', correlation: 0.5 });
      expect(data.design.allocation).toBeUndefined();
      expect(data.analysis.test).toBe('paired-t');
      await expect.poll(() => page.getByTestId('messages').textContent()).toBe('');
      // Ctrl+Enter runs from anywhere.
      const n = (await pageState(page)).runs;
      await field(page, 'design.n').press('Control+Enter');
      expect((await waitRunAfter(page, n)).lastResult!.test).toBe('paired-t');
    });

    it('uploading an invalid file shows the validator messages at the fields, and the page keeps working', async () => {
      const page = await open();
      await waitFirstRun(page);
      const broken = PRESET_TEXT.replace('"n": 70', '"n": -3').replace('"welch-t"', '"mcnemar-exact"');
      await page
        .getByTestId('file-input')
        .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
      const message = page.getByTestId('load-message');
      await expect.poll(() => message.textContent()).toContain('Opened broken.json, but it cannot run yet: 2 problems');
      const messages = await page.getByTestId('messages').textContent();
      expect(messages).toContain('design.n: got -3');
      expect(messages).toContain(
        'analysis.test: got "mcnemar-exact"; allowed: a test that fits a parallel design with a continuous endpoint: welch-t, student-t, mann-whitney',
      );
      expect(await page.locator('[data-path="design.n"] .field-error').textContent()).toContain('got -3');
      expect(await page.locator('[data-path="analysis.test"] .field-error').textContent()).toContain('mcnemar-exact');
      expect((await pageState(page)).status).toBe('invalid');

      // Not JSON at all: the parser's message, the form switched off.
      await page
        .getByTestId('file-input')
        .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": "trialsim/1", ') });
      await expect.poll(() => page.getByTestId('messages').textContent()).toContain('(root): got');
      expect(await page.getByTestId('json-status').isVisible()).toBe(true);
      expect(await field(page, 'title').isDisabled()).toBe(true);

      // Too large, or not text: refused before reading, the editor unchanged.
      const text = await page.getByTestId('scenario-text').inputValue();
      await page
        .getByTestId('file-input')
        .setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(MAX_FILE_BYTES + 1, 32) });
      await expect
        .poll(() => message.textContent())
        .toContain('huge.json has 1,048,577 bytes; a scenario file has at most 1,048,576 (1 MiB). Nothing was opened.');
      await page
        .getByTestId('file-input')
        .setInputFiles({ name: 'image.json', mimeType: 'application/json', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]) });
      await expect.poll(() => message.textContent()).toContain('not a UTF-8 text file');
      expect(await page.getByTestId('scenario-text').inputValue()).toBe(text);

      // A valid file dropped on the page opens and runs.
      const before = (await pageState(page)).runs;
      const dropped = PRESET_TEXT.replace('"replicates": 10000', '"replicates": 700');
      await page.evaluate((content) => {
        const dt = new DataTransfer();
        dt.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
        document.querySelector('#editor')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, dropped);
      const state = await waitRunAfter(page, before);
      expect(state.status).toBe('done');
      expect(state.scenarioText).toBe(dropped);
      expect(state.lastResult!.points[0].replicates).toBe(700);
      expect(await message.isHidden()).toBe(true);
      expect(await page.getByTestId('messages').textContent()).toBe('');
    });

    /** A link to a scenario text, made by the page's own encoder. */
    const linkTo = async (text: string) => {
      const e = await encodeScenario(text);
      if (!e.ok) throw new Error(e.message);
      return `#s=${e.encoded}`;
    };

    it.each([
      ['garbage', async () => '#s=%%%3Cscript%3E!!', /could not be opened: the link's scenario .* is not in trialsim's format/],
      ['damaged', async () => (await linkTo(PRESET_TEXT)).slice(0, 200), /could not be opened: the link is damaged/],
      ['huge', async () => `#s=1.${'A'.repeat(200_000)}`, /could not be opened: its fragment has 200004 characters/],
      [
        'a zip bomb',
        async () => `#s=1.${deflateRawSync(Buffer.alloc(20 * MAX_FILE_BYTES, 32)).toString('base64url')}`,
        /expands to more than 1048576 bytes/,
      ],
      ['deeply nested JSON', async () => linkTo(`${'['.repeat(5000)}${']'.repeat(5000)}`), /cannot run yet: 1 problem/],
      [
        'prototype-pollution JSON',
        async () =>
          linkTo(`{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, ${PRESET_TEXT.trim().slice(1)}`),
        /cannot run yet: 2 problems.*__proto__/,
      ],
    ])('a hostile share link (%s) shows a message, runs nothing from it, and the page keeps working', async (_what, hash, expected) => {
      const page = await open(await hash());
      const message = page.getByTestId('load-message');
      await expect.poll(() => message.textContent()).toMatch(expected);
      expect(
        await page.evaluate(() => ({ a: ({} as Record<string, unknown>).polluted, b: Object.hasOwn(Object.prototype, 'polluted') })),
      ).toEqual({ a: undefined, b: false });
      const state = await pageState(page);
      if (/could not be opened/.test(String(expected))) {
        // The default scenario is shown (and runs) instead.
        expect(JSON.parse(state.scenarioText).title).toBe(JSON.parse(PRESET_TEXT).title);
      } else expect(state.status).not.toBe('done');
      const after = await pickPreset(page, 'tacrolimus-maintenance.json');
      expect(after.status).toBe('done');
      expect(after.lastResult!.test).toBe('fisher-exact');
    });

    it('a link with an impossible target power says so, keeps the default target and runs its scenario', async () => {
      const page = await open(`${await linkTo(PRESET_TEXT)}&t=7x`);
      const message = page.getByTestId('load-message');
      await expect
        .poll(() => message.textContent())
        .toMatch(/This link's target power "7x" is not a power between 0 and 1 \(e\.g\. 0\.9\); the target stays 0\.8\./);
      await expect.poll(async () => (await pageState(page)).status, { timeout: 30_000 }).toBe('done');
    });

    it('a link to a run too large to finish soon does not start by itself; Run starts it, Escape cancels it', async () => {
      const data = JSON.parse(PRESET_TEXT);
      data.simulation.replicates = 10_000_000;
      data.sweep = { 'design.n': Array.from({ length: 200 }, (_, i) => 20 + 2 * i) };
      const page = await open(await linkTo(JSON.stringify(data)));
      await expect
        .poll(() => page.getByTestId('status').textContent())
        .toMatch(/^Not started automatically: this run would simulate about .* patient outcomes \(200 design points × 10000000 replicates/);
      expect((await pageState(page)).runs).toBe(0);
      await page.getByTestId('run').click();
      await page.waitForFunction(() => window.__trialsim.status === 'running');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => window.__trialsim.status === 'cancelled');
    });

    it('works from the keyboard: arrow keys move through the presets (each runs), the form edits with the keyboard too', async () => {
      const page = await open();
      await waitFirstRun(page);
      const radio = page.locator(`input[name=preset][value="${PRESET}"]`);
      await radio.focus();
      const before = (await pageState(page)).runs;
      await page.keyboard.press('ArrowDown');
      const next = PRESETS[PRESETS.findIndex((p) => p.file === PRESET) + 1].file;
      expect(await page.locator(`input[name=preset][value="${next}"]`).isChecked()).toBe(true);
      const state = await waitRunAfter(page, before);
      expect(state.lastResult!.title).toBe(PRESETS.find((p) => p.file === next)!.title);
      // Three arms: the multiplicity settings appear and the run compares each arm with the control.
      await page.locator('#scenario-form button', { hasText: 'Add arm' }).press('Enter');
      await expect.poll(() => field(page, 'analysis.multiplicity').count()).toBe(1);
      const three = await waitRunAfter(page, state.runs);
      expect(three.status).toBe('done');
      expect(JSON.parse(three.scenarioText).design.arms).toHaveLength(3);
    });

    it('draws a family of curves for a 2-D sweep (split scalp: correlation × spill-over)', async () => {
      const page = await open();
      await waitFirstRun(page);
      await pickPreset(page, 'split-scalp-hair-count.json');
      const before = (await pageState(page)).runs;
      await field(page, 'simulation.replicates').fill('1000');
      const state = await waitRunAfter(page, before);
      expect(state.lastResult!.points).toHaveLength(16);
      const svg = page.getByTestId('curve-svg');
      expect(await svg.locator('.power-curve path').count()).toBe(4);
      for (const s of [0, 0.25, 0.5, 0.75]) expect(await svg.locator('.curve-labels').textContent()).toContain(`design.spillover = ${s}`);
      const words = await page.getByTestId('curve-words').locator('p').allTextContents();
      expect(words).toHaveLength(4);
      expect(words[0]).toMatch(/^design\.spillover = 0: Power is at least 80 % at every simulated design\.correlation\.$/);
    });

    it('finds the smallest n exactly as `trialsim size`, and exports CSV (= `trialsim run --format csv`) and SVG', async () => {
      const page = await open();
      await waitFirstRun(page);
      await manualRuns(page);
      await field(page, 'simulation.replicates').fill('2000');
      await clickRun(page);

      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      expect(csv.suggestedFilename()).toMatch(/^msc-vs-saline-for-androgenetic-alopecia-nct06764329.*\.csv$/);
      expect(readFileSync(await csv.path(), 'utf8')).toBe(await cli.run(['run', PRESET_PATH, '--replicates', '2000', '--format', 'csv']));
      const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
      const svgText = readFileSync(await svg.path(), 'utf8');
      expect(svgText).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg[^>]* xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svgText).toContain('MSC vs saline for androgenetic alopecia');
      const [scenario] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-scenario').click()]);
      expect(JSON.parse(readFileSync(await scenario.path(), 'utf8')).simulation.replicates).toBe(2000);

      const before = (await pageState(page)).runs;
      await page.getByTestId('find-n').click();
      const state = await waitRunAfter(page, before, 60_000);
      expect(state.status).toBe('done');
      const size = JSON.parse(await cli.run(['size', PRESET_PATH, '--power', '0.8', '--replicates', '2000', '--format', 'json']));
      const mine = state.sizeResult!;
      for (const k of ['n', 'power', 'ci95', 'nMinus1', 'powerAtNMinus1', 'nWithDropout', 'powerAtNWithDropout', 'evaluations'] as const)
        expect(mine[k]).toEqual(size[k]);
      expect(await page.getByTestId('size-result').textContent()).toContain(
        `Smallest n whose simulated power reaches 80 %: ${mine.n} analysed patients`,
      );
    });

    it('is usable at phone width: one column, presets then results then the form', async () => {
      const page = await open('', { width: 390, height: 844 });
      await waitFirstRun(page);
      const box = async (sel: string) => (await page.locator(sel).boundingBox())!;
      const [start, results, editor] = [await box('#start'), await box('#results-panel'), await box('#editor')];
      expect(start.y).toBeLessThan(results.y);
      expect(results.y).toBeLessThan(editor.y);
      for (const b of [start, results, editor]) expect(b.width).toBeLessThanOrEqual(390);
      // Nothing is wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect((await page.getByTestId('curve-svg').boundingBox())!.width).toBeLessThanOrEqual(370);
    });

    it('every form control has a label', async () => {
      const page = await open();
      await waitFirstRun(page);
      await pickPreset(page, 'vitiligo-tci-vs-vehicle-ordinal.json');
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')]
          .filter((el) => !(el.labels && el.labels.length > 0) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
          .map((el) => el.outerHTML.slice(0, 120)),
      );
      expect(unlabelled).toEqual([]);
    });
  },
);

describe.skipIf(!HAVE_CHROMIUM)('the dev server (npm start)', () => {
  it('serves the same page, which runs the default preset without errors', async () => {
    const [browser, web] = await Promise.all([chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS }), serveWeb('dev')]);
    const errors: string[] = [];
    try {
      const { page } = await freshPage(browser, web.url, errors);
      const state = await waitFirstRun(page, 60_000);
      expect(state.status).toBe('done');
      expect(countsOf(state)!.map((p) => pick(p, ['set', 'replicates', 'successes', 'degenerate', 'power', 'ci95', 'mcse']))).toEqual(
        engineCounts(PRESET_TEXT),
      );
      expect(await page.getByTestId('curve-svg').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await web.close();
    }
  }, 90_000);
});
