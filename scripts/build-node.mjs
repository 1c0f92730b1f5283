// Bundles the Node entry points into dist/. Runs on `npm ci` (prepare) so
// `npx trialsim` works on a fresh clone, and before the tests (the pool tests
// start the built worker: tsx cannot start a .ts worker_threads worker on Node 20).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', sourcemap: true, logLevel: 'warning', outdir: 'dist' };

// esbuild's ESM output needs a `require` for the CommonJS code it wraps (@stdlib).
const requireBanner = {
  js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};

// The CLI bundles its packages (Node would otherwise resolve hundreds of small
// @stdlib and mathjs modules at each start) except the two that only `--svg`
// and `report` load. Code splitting keeps its dynamic imports (each command,
// the worker pool, mathjs, the SVG drawing) out of what `trialsim --help`
// loads: without it esbuild inlines a dynamically imported module and hoists
// its imports to the top of dist/cli.js. Bundled through the static named
// imports of src/scenario/math-parse.ts, mathjs shrinks to what `parse` needs.
// The chunks lie next to dist/cli.js (the pool finds dist/node-worker.js
// relative to its own module), named cli-*; old ones are removed first.
for (const name of existsSync('dist') ? readdirSync('dist') : []) if (name.startsWith('cli-')) rmSync(`dist/${name}`);
await build({
  ...common,
  entryPoints: { cli: 'bin/cli.ts' },
  external: ['linkedom', '@observablehq/plot'],
  banner: requireBanner,
  splitting: true,
  chunkNames: 'cli-[name]-[hash]',
});

// The worker bundles everything it imports, for the same reason: each worker
// starts faster from one file (figures in the README's Performance section).
await build({
  ...common,
  entryPoints: { 'node-worker': 'workers/node-worker.ts' },
  banner: requireBanner,
});
