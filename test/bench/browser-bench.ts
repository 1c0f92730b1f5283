/**
 * Browser part of `npm run bench`: the built site in headless Debian chromium.
 * Measures page load → workers ready, and the wall time of a 10-point power
 * curve at 10 000 replicates per point (the NCT06764329 preset with a 10-value
 * sweep of n), first run and warm runs. Prints JSON.
 */
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serveWeb } from '../browser/serve-web.js';

const CHROMIUM = process.env.TRIALSIM_CHROMIUM || '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (!existsSync(CHROMIUM)) {
  console.log(JSON.stringify({ browser: `skipped: no Chromium at ${CHROMIUM}` }));
  process.exit(0);
}

const scenario = JSON.parse(readFileSync(new URL('../../scenarios/nct06764329-hair-count.json', import.meta.url), 'utf8'));
scenario.sweep = { 'design.n': [20, 30, 40, 50, 60, 70, 80, 90, 100, 120] };
scenario.simulation.replicates = 10_000;

const web = await serveWeb('build');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
  const page = await browser.newPage();
  const loadStart = Date.now();
  await page.goto(web.url);
  await page.waitForFunction(() => window.__trialsim !== undefined);
  const pageReadyMs = Date.now() - loadStart;
  // The page runs its opening preset, and re-runs after an edit (debounced): let both finish first.
  const settled = () => page.waitForFunction(() => window.__trialsim.status !== 'running', undefined, { timeout: 60_000 });
  await settled();
  await page.getByTestId('scenario-text').fill(JSON.stringify(scenario, null, 2));
  await page.waitForTimeout(1500);
  await settled();
  const curveMs: number[] = [];
  for (let i = 0; i < 4; i++) {
    const before = await page.evaluate(() => window.__trialsim.runs);
    const t0 = Date.now();
    await page.getByTestId('run').click();
    await page.waitForFunction((n) => window.__trialsim.runs > n && window.__trialsim.status !== 'running', before, {
      timeout: 60_000,
      polling: 5,
    });
    curveMs.push(Date.now() - t0);
  }
  const hardwareConcurrency = await page.evaluate(() => navigator.hardwareConcurrency);
  console.log(
    JSON.stringify(
      {
        browser: { chromium: browser.version(), hardwareConcurrency },
        pageReadyMs,
        tenPointCurve10kReplicatesMs: { first: curveMs[0], warm: curveMs.slice(1) },
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await web.close();
}
