/**
 * End-to-end: the UI in headless Chromium (Debian's /usr/bin/chromium, driven
 * by playwright-core) gives exactly the counts of the engine run in Node, for
 * the same scenario, replicates and seed; a long run can be cancelled and the
 * page keeps working. Run against the dev server (`npm start`) and against a
 * production build served by `vite preview` (`npm run build`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { runPoint } from '../../src/engine/run-point.js';
import { designPoints } from '../../src/scenario/design-points.js';
import type { PageState } from '../../web/page-state.js';
import { serveWeb, type ServedWeb, type ServeMode } from './serve-web.js';

/** Debian's Chromium; TRIALSIM_CHROMIUM may point elsewhere (e.g. a local Chrome). */
const CHROMIUM = process.env.TRIALSIM_CHROMIUM || '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SKIP_REASON = `no Chromium at ${CHROMIUM} (apt-get install chromium, or set TRIALSIM_CHROMIUM)`;
if (!HAVE_CHROMIUM) {
  // CI sets TRIALSIM_REQUIRE_BROWSER=1 so that a missing browser fails instead of passing silently.
  if (process.env.TRIALSIM_REQUIRE_BROWSER === '1') throw new Error(`browser tests required, but ${SKIP_REASON}`);
  console.warn(`test/browser/browser-determinism.test.ts skipped: ${SKIP_REASON}`);
}
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const PRESET = 'nct06764329-hair-count.json';
const PRESET_TEXT = readFileSync(new URL(`../../scenarios/${PRESET}`, import.meta.url), 'utf8');

/** Per-point counts of the scenario run on this thread by the engine, as `trialsim run --replicates R [--seed S]` would set them up. */
function engineCounts(text: string, replicates: number, seed?: string) {
  const loaded = designPoints(text);
  if (!loaded.ok) throw new Error(`scenario invalid: ${JSON.stringify(loaded.issues)}`);
  return loaded.points.map(({ set, scenario }) => {
    const r = runPoint({ ...scenario, simulation: { ...scenario.simulation, replicates, seed: seed ?? scenario.simulation.seed } });
    return { set, replicates: r.replicates, successes: r.successes, degenerate: r.degenerate, power: r.power, ci95: r.ci95, mcse: r.mcse };
  });
}

/** Opens the page and records every console error and uncaught exception, of the page and of its workers. */
async function openPage(context: BrowserContext, url: string, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('worker', (w) =>
    w.on('console', (m) => {
      if (m.type() === 'error') errors.push(`worker console: ${m.text()}`);
    }),
  );
  await page.goto(url);
  await page.waitForFunction(() => window.__trialsim !== undefined);
  return page;
}

/** Picks the preset, fills the run settings and presses Run; returns the page state once the run has ended. */
async function run(page: Page, settings: { replicates: number; seed?: string }, until = 30_000): Promise<PageState> {
  await startRun(page, settings);
  await page.waitForFunction(() => window.__trialsim.status !== 'running', undefined, { timeout: until });
  return page.evaluate(() => window.__trialsim);
}

async function startRun(page: Page, settings: { replicates: number; seed?: string }): Promise<void> {
  await page.getByTestId('preset-select').selectOption(PRESET);
  await page.getByTestId('replicates').fill(String(settings.replicates));
  await page.getByTestId('seed').fill(settings.seed ?? '');
  const before = await page.evaluate(() => window.__trialsim.runs);
  await page.getByTestId('run').click();
  // The click starts the run synchronously; this only guards against a click that did nothing.
  await page.waitForFunction((n) => window.__trialsim.runs > n, before, { timeout: 5_000 });
}

function countsOf(state: PageState) {
  return state.lastResult?.points.map(({ set, replicates, successes, degenerate, power, ci95, mcse }) => ({
    set, replicates, successes, degenerate, power, ci95, mcse,
  }));
}

describe.skipIf(!HAVE_CHROMIUM)(
  HAVE_CHROMIUM ? 'UI in headless Chromium' : `UI in headless Chromium — SKIPPED: ${SKIP_REASON}`,
  () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    }, 30_000);

    afterAll(async () => {
      await browser?.close();
    });

    describe.each<ServeMode>(['build', 'dev'])('served by %s', (mode) => {
      let web: ServedWeb | undefined;
      let context: BrowserContext | undefined;
      let page: Page;
      const errors: string[] = [];

      beforeAll(async () => {
        web = await serveWeb(mode);
        context = await browser.newContext();
        page = await openPage(context, web.url, errors);
      }, 60_000);

      afterAll(async () => {
        await context?.close();
        await web?.close();
      });

      it('lists every preset and shows the chosen one in the editor', async () => {
        const options = await page.getByTestId('preset-select').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        expect(options).toContain(PRESET);
        await page.getByTestId('preset-select').selectOption(PRESET);
        expect(await page.getByTestId('scenario-text').inputValue()).toBe(PRESET_TEXT);
        expect(await page.getByTestId('preset-description').textContent()).toBe(JSON.parse(PRESET_TEXT).description);
        expect(errors).toEqual([]);
      });

      it('gives exactly the counts of the engine in Node (same points, replicates and seed)', async () => {
        const replicates = 4000;
        const state = await run(page, { replicates });
        expect(state.status).toBe('done');
        const result = state.lastResult!;
        expect(result.seed).toBe('nct06764329');
        expect(result.quantity).toBe('power');
        expect(countsOf(state)).toEqual(engineCounts(PRESET_TEXT, replicates));
        await expect.poll(() => page.getByTestId('result-row').count()).toBe(result.points.length);
        expect(await page.getByTestId('progress').evaluate((p) => (p as HTMLProgressElement).position)).toBe(1);
        expect(errors).toEqual([]);
      });

      it('cancels a long run, says so, and runs again afterwards', async () => {
        const before = await page.evaluate(() => window.__trialsim.lastResult);
        await startRun(page, { replicates: 2_000_000 });
        // Wait until the workers are really at it.
        await page.waitForFunction(
          () => window.__trialsim.status === 'running' && (document.querySelector('[data-testid=progress]') as HTMLProgressElement).value > 0,
          undefined,
          { timeout: 15_000 },
        );
        await page.getByTestId('cancel').click();
        await page.waitForFunction(() => window.__trialsim.status !== 'running', undefined, { timeout: 5_000 });
        const cancelled = await page.evaluate(() => window.__trialsim);
        expect(cancelled.status).toBe('cancelled');
        expect(await page.getByTestId('status').textContent()).toMatch(/cancelled/i);
        expect(await page.getByTestId('cancel').isDisabled()).toBe(true);
        // A cancelled run leaves the last result as it was.
        expect(cancelled.lastResult).toEqual(before);

        const again = await run(page, { replicates: 1000, seed: 'after cancel' });
        expect(again.status).toBe('done');
        expect(again.lastResult!.seed).toBe('after cancel');
        expect(countsOf(again)).toEqual(engineCounts(PRESET_TEXT, 1000, 'after cancel'));
        expect(errors).toEqual([]);
      });

      it('shows validation problems instead of running an invalid scenario', async () => {
        await page.getByTestId('scenario-text').fill(PRESET_TEXT.replace('"n": 70', '"n": -3'));
        await page.getByTestId('replicates').fill('12abc');
        const before = await page.evaluate(() => window.__trialsim.runs);
        await page.getByTestId('run').click();
        const state = await page.evaluate(() => window.__trialsim);
        expect(state.status).toBe('invalid');
        expect(state.runs).toBe(before);
        const messages = await page.getByTestId('messages').textContent();
        expect(messages).toContain('design.n: got -3');
        expect(messages).toContain('Replicates: got "12abc"');
        expect(await page.getByTestId('messages').getAttribute('aria-live')).toBe('polite');
        // Problems go away as they are fixed (checked while typing).
        await page.getByTestId('scenario-text').fill(PRESET_TEXT);
        await page.getByTestId('replicates').fill('');
        await expect.poll(() => page.getByTestId('messages').textContent()).toBe('');
        expect(errors).toEqual([]);
      });
    });
  },
);
