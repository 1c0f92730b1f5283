/**
 * Measures the built site: bundle sizes (raw and gzip) and time to first
 * curve for the NCT06764329 preset (the page's default: 8 design points ×
 * 10 000 simulated trials), from navigation start to the complete curve on
 * the page, in fresh browser contexts (cold cache), headless Debian Chromium.
 *
 *   npx tsx test/browser/measure-ui.ts [runs]
 *
 * Prints JSON.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, LAPTOP, LAUNCH_ARGS, openPage, waitFirstRun } from './page-helpers.js';
import { serveWeb } from './serve-web.js';

const runs = Number(process.argv[2] ?? 7);
const web = await serveWeb('build');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const errors: string[] = [];
  const samples: Array<{ firstCurveMs: number; domContentLoadedMs: number; workersMs: number }> = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: LAPTOP });
    const page = await openPage(context, web.url, errors);
    const state = await waitFirstRun(page, 60_000);
    if (state.status !== 'done' || state.firstCurveMs === null) throw new Error(`run ${i}: ${state.status}`);
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { domContentLoadedMs: Math.round(n.domContentLoadedEventEnd) };
    });
    samples.push({ firstCurveMs: state.firstCurveMs, domContentLoadedMs: nav.domContentLoadedMs, workersMs: state.lastResult!.elapsedMs });
    await context.close();
  }
  if (errors.length > 0) throw new Error(errors.join('\n'));
  console.log(
    JSON.stringify(
      {
        chromium: browser.version(),
        cores: cpus().length,
        runs,
        firstCurveMs: { median: median(samples.map((s) => s.firstCurveMs)), all: samples.map((s) => s.firstCurveMs) },
        domContentLoadedMs: { median: median(samples.map((s) => s.domContentLoadedMs)) },
        simulationMs: { median: median(samples.map((s) => s.workersMs)) },
        bundle: bundleSizes(),
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await web.close();
}

/** Sizes of the files of a fresh production build (dist/web as `npm run build` writes it, if present). */
function bundleSizes(): Record<string, { bytes: number; gzip: number }> {
  const dir = new URL('../../dist/web/assets/', import.meta.url).pathname;
  const out: Record<string, { bytes: number; gzip: number }> = {};
  let files: string[] = [];
  try {
    files = readdirSync(dir);
  } catch {
    return out;
  }
  for (const f of files) {
    const p = join(dir, f);
    out[f.replace(/-[A-Za-z0-9_-]{8}\./, '.')] = { bytes: statSync(p).size, gzip: gzipSync(readFileSync(p), { level: 9 }).length };
  }
  return out;
}
