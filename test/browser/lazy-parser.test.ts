/**
 * End-to-end: the built page loads mathjs (the expression parser) only when
 * the scenario has an expression. The default preset (numbers only) opens and
 * runs without it; an expression typed into a field loads it, and the run
 * gives the same counts as the number it stands for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM, clickRun, countsOf, field, HAVE_CHROMIUM, LAUNCH_ARGS, manualRuns, SKIP_REASON, waitFirstRun } from './page-helpers.js';
import { type ServedWeb, serveWeb } from './serve-web.js';

/** A message only mathjs's parser holds: a script containing it is the parser's chunk. */
const PARSER_SIGNATURE = 'Unexpected end of expression';
/** The parser's chunk holds mathjs's parse and its dependencies, not the whole of mathjs/number. */
const MAX_PARSER_CHUNK = 200_000;

describe.skipIf(!HAVE_CHROMIUM)(HAVE_CHROMIUM ? 'mathjs in the page' : `mathjs in the page — SKIPPED: ${SKIP_REASON}`, () => {
  let browser: Browser;
  let web: ServedWeb;

  beforeAll(async () => {
    [browser, web] = await Promise.all([chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS }), serveWeb('build')]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  /** Records, for `page`, the scripts it loaded that hold the parser, with their sizes. */
  function watchParser(page: Page): { url: string; bytes: number }[] {
    const loaded: { url: string; bytes: number }[] = [];
    page.on('response', async (response) => {
      if (!response.url().endsWith('.js')) return;
      const body = await response.text().catch(() => '');
      if (body.includes(PARSER_SIGNATURE)) loaded.push({ url: response.url(), bytes: body.length });
    });
    return loaded;
  }

  it('opens and runs the default preset without it, and loads it for the first expression', async () => {
    const errors: string[] = [];
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const parser = watchParser(page);
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      await page.goto(web.url);
      await page.waitForFunction(() => window.__trialsim !== undefined);
      await waitFirstRun(page);
      await manualRuns(page);
      await field(page, 'simulation.replicates').fill('500');
      const literal = await clickRun(page);
      expect(literal.status).toBe('done');
      expect(parser).toEqual([]);

      await field(page, 'design.dropout').fill('0.2 / 2');
      const expression = await clickRun(page);
      expect(expression.status).toBe('done');
      expect(JSON.parse(expression.scenarioText).design.dropout).toBe('0.2 / 2');
      expect(countsOf(expression)).toEqual(countsOf(literal));
      await expect.poll(() => parser.length).toBe(1);
      // Only what parsing needs: a chunk of all of mathjs/number (its every function) would be about three times larger.
      expect(parser[0].bytes).toBeLessThan(MAX_PARSER_CHUNK);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
