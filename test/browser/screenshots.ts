/**
 * Screenshots of the main states of the UI (built site, headless Debian
 * Chromium) into docs/screenshots/, at laptop and phone width:
 *
 *   npx tsx test/browser/screenshots.ts
 *
 * Prints any console error of the page (there should be none).
 */
import { mkdirSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { encodeScenario } from '../../src/scenario/url-encoding.js';
import {
  CHROMIUM,
  field,
  LAPTOP,
  LAUNCH_ARGS,
  manualRuns,
  openPage,
  PHONE,
  pickPreset,
  waitFirstRun,
  waitRunAfter,
  pageState,
} from './page-helpers.js';
import { serveWeb } from './serve-web.js';

const OUT = new URL('../../docs/screenshots/', import.meta.url);
mkdirSync(OUT, { recursive: true });
const shot = (name: string) => new URL(`${name}.png`, OUT).pathname;

const web = await serveWeb('build');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [...LAUNCH_ARGS, '--force-color-profile=srgb', '--hide-scrollbars'],
});
const errors: string[] = [];

async function page(viewport = LAPTOP, hash = ''): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: viewport === PHONE ? 2 : 1, colorScheme: 'light' });
  return openPage(context, web.url + hash, errors);
}

try {
  // 1. Laptop: the page as it opens, on the NCT06764329 curve.
  const p1 = await page();
  await waitFirstRun(p1);
  await p1.screenshot({ path: shot('laptop-nct06764329-curve') });

  // 2. The results column in full: words, table, justification, sources.
  await p1.locator('#results-panel').evaluate((el) => {
    (el as HTMLElement).style.maxHeight = 'none';
    (el as HTMLElement).style.position = 'static';
  });
  await p1.locator('#results-panel').screenshot({ path: shot('laptop-results-in-full') });

  // 3. The form with the evidence behind each value (one source opened).
  await p1
    .locator('[data-path="endpoint.arms.msc"] details')
    .first()
    .evaluate((d) => ((d as HTMLDetailsElement).open = true));
  await p1.locator('fieldset[data-path="endpoint"]').screenshot({ path: shot('laptop-form-evidence') });

  // 4. A value out of range: the validator's message at the field, and in the summary.
  await manualRuns(p1);
  await field(p1, 'design.n').fill('-3');
  await field(p1, 'design.kind').scrollIntoViewIfNeeded();
  await p1.locator('#results-panel').evaluate((el) => {
    (el as HTMLElement).style.maxHeight = '';
    (el as HTMLElement).style.position = '';
  });
  await p1.evaluate(() =>
    window.scrollTo(
      0,
      (document.querySelector('fieldset[data-path="design"]') as HTMLElement).getBoundingClientRect().top + window.scrollY - 10,
    ),
  );
  await p1.waitForTimeout(300);
  await p1.screenshot({ path: shot('laptop-validation-at-field') });

  // 5. A run under way: the curve grows, progress and Cancel.
  const p5 = await page();
  await waitFirstRun(p5);
  await manualRuns(p5);
  await field(p5, 'simulation.replicates').fill('400000');
  await p5.getByTestId('run').click();
  await p5.waitForSelector('figcaption .partial', { timeout: 60_000 });
  await p5.screenshot({ path: shot('laptop-run-in-progress') });
  await p5.getByTestId('cancel').click();

  // 6. A family of curves: split-scalp, correlation × spill-over.
  const p6 = await page();
  await waitFirstRun(p6);
  await pickPreset(p6, 'split-scalp-hair-count.json');
  await p6.screenshot({ path: shot('laptop-family-of-curves') });

  // 7. Assurance: uncertain MSC response rate (psoriasis), labelled as such.
  await pickPreset(p6, 'msc-psoriasis-pasi75.json');
  await p6.locator('#results').scrollIntoViewIfNeeded();
  await p6.screenshot({ path: shot('laptop-assurance') });

  // 8. Smallest n and share/export.
  const p8 = await page();
  await waitFirstRun(p8);
  const before = (await pageState(p8)).runs;
  await p8.getByTestId('find-n').click();
  await waitRunAfter(p8, before, 60_000);
  await p8.locator('.size-search').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await p8.screenshot({ path: shot('laptop-smallest-n-and-share') });

  // 9. A hostile link: a message, and the page carries on with the default scenario.
  const text = readFileSync(new URL('../../scenarios/nct06764329-hair-count.json', import.meta.url), 'utf8');
  const e = await encodeScenario(`{"__proto__": {"polluted": "yes"}, ${text.trim().slice(1)}`);
  const p9 = await page(LAPTOP, e.ok ? `#s=${e.encoded}` : '');
  await p9.waitForSelector('[data-testid=load-message]:not([hidden])');
  await p9.waitForTimeout(400);
  await p9.screenshot({ path: shot('laptop-hostile-link') });

  // 10–12. Phone: the curve, the words and table, the form.
  const p10 = await page(PHONE);
  await waitFirstRun(p10);
  await p10.screenshot({ path: shot('phone-start') });
  await p10.locator('#results-heading').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await p10.screenshot({ path: shot('phone-curve') });
  await p10.locator('fieldset[data-path="endpoint"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await p10.screenshot({ path: shot('phone-form') });
} finally {
  await browser.close();
  await web.close();
}
if (errors.length > 0) {
  console.error(errors.join('\n'));
  process.exitCode = 1;
} else console.log(`screenshots written to ${OUT.pathname}`);
