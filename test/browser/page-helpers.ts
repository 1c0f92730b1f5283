/**
 * Driving the UI from end-to-end tests and scripts: open a page recording
 * every console error, wait for runs, read results.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PageState } from '../../web/page-state.js';

/** Debian's Chromium; TRIALSIM_CHROMIUM may point elsewhere (e.g. a local Chrome). */
export const CHROMIUM = process.env.TRIALSIM_CHROMIUM || '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const SKIP_REASON = `no Chromium at ${CHROMIUM} (apt-get install chromium, or set TRIALSIM_CHROMIUM)`;
export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A laptop and a phone viewport. */
export const LAPTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Opens `url` in a new page of `context` and records every console error and uncaught exception, of the page and its workers. */
export async function openPage(context: BrowserContext, url: string, errors: string[]): Promise<Page> {
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

/** A new context (fresh storage) and a page in it. */
export async function freshPage(
  browser: Browser,
  url: string,
  errors: string[],
  viewport = LAPTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  return { context, page: await openPage(context, url, errors) };
}

export const pageState = (page: Page): Promise<PageState> => page.evaluate(() => window.__trialsim);

/** Waits until more than `before` runs have started and none is running; returns the state. */
export async function waitRunAfter(page: Page, before: number, timeout = 30_000): Promise<PageState> {
  await page.waitForFunction((n) => window.__trialsim.runs > n && window.__trialsim.status !== 'running', before, { timeout, polling: 20 });
  return pageState(page);
}

/** Waits for the first run of a freshly opened page to end. */
export function waitFirstRun(page: Page, timeout = 30_000): Promise<PageState> {
  return waitRunAfter(page, 0, timeout);
}

/** Picks a preset (file name; '' for "start blank") and waits for the run it starts. */
export async function pickPreset(page: Page, file: string): Promise<PageState> {
  const before = (await pageState(page)).runs;
  await page.locator(`input[name=preset][value="${file}"]`).check();
  return waitRunAfter(page, before);
}

/** The form control that edits `path`. */
export const field = (page: Page, path: string) => page.locator(`[data-field="${path}"]`);

/** Presses Run and waits for the run to end. */
export async function clickRun(page: Page, timeout = 30_000): Promise<PageState> {
  const before = (await pageState(page)).runs;
  await page.getByTestId('run').click();
  return waitRunAfter(page, before, timeout);
}

/** Turns re-running on every change off (tests that set several fields, then run once). */
export async function manualRuns(page: Page): Promise<void> {
  await page.getByTestId('auto-run').uncheck();
}

/** The counts of every point of the last result. */
export function countsOf(state: PageState) {
  return state.lastResult?.points.map(({ set, replicates, successes, degenerate, power, assurance, powerAtEstimate, ci95, mcse }) => ({
    set,
    replicates,
    successes,
    degenerate,
    power,
    assurance,
    powerAtEstimate,
    ci95,
    mcse,
  }));
}

/** Waits until the share link encodes the scenario now in the editor; returns it. */
export async function currentShareUrl(page: Page): Promise<string> {
  await page.waitForFunction(() => window.__trialsim.shareText === window.__trialsim.scenarioText && window.__trialsim.shareUrl !== '');
  return (await pageState(page)).shareUrl;
}
