// The browser UI (web/): `npm start` serves it, `npm run build` writes the
// static site to dist/web. Tests keep their own vitest.config.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repo = fileURLToPath(new URL('.', import.meta.url));
const dependencies: Record<string, string> =
  JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).dependencies ?? {};
/** Every @stdlib package the engine depends on (new ones are picked up from package.json). */
const stdlib = Object.keys(dependencies).filter((name) => name.startsWith('@stdlib/'));

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  // Relative URLs: the built site works from any static host path or folder.
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    // dist/web is outside `root`; emptying it is safe (only the UI is written there).
    emptyOutDir: true,
    target: 'es2022',
    // The page (validator, presets) is ~315 kB, the evidence data ~65 kB, the drawing chunk (Observable Plot) ~275 kB and
    // the worker (engine with @stdlib) ~500 kB before gzip; all four are needed for a first curve.
    // mathjs (~140 kB) is a chunk of its own, loaded only for a scenario with an expression.
    chunkSizeWarningLimit: 600,
  },
  worker: {
    // Module workers: browser-pool.ts starts them with { type: 'module' }.
    format: 'es',
  },
  server: {
    port: 5173,
    // web/ imports ../src, ../workers and ../scenarios.
    fs: { allow: [repo] },
  },
  preview: {
    port: 4173,
  },
  optimizeDeps: {
    // The worker's dependencies are not found by the dependency scan (it starts
    // from index.html). Listing them avoids a re-optimization, and so a full page
    // reload, the first time a worker starts in the dev server.
    include: ['comlink', 'seedrandom', 'mathjs/number', ...stdlib],
  },
});
