// Bundles the Node entry points into dist/. Runs on `npm ci` (prepare) so
// `npx trialsim` works on a fresh clone, and before the tests (the pool tests
// start the built worker: tsx cannot start a .ts worker_threads worker on Node 20).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', sourcemap: true, logLevel: 'warning', outdir: 'dist' };

// The CLI keeps its packages external: bundling all of @stdlib breaks on a
// dynamic require('tty') in its CLI helpers, and the CLI starts once per run.
// Code splitting keeps the CLI's dynamic imports (each command, mathjs, the SVG
// drawing with linkedom and Observable Plot) out of what `trialsim --help`
// loads: without it esbuild inlines a dynamically imported module and hoists
// that module's package imports to the top of dist/cli.js. The chunks lie next
// to dist/cli.js (the pool finds dist/node-worker.js relative to its own
// module), named cli-*, and the old ones are removed first so they do not pile up.
for (const name of existsSync('dist') ? readdirSync('dist') : []) if (name.startsWith('cli-')) rmSync(`dist/${name}`);
await build({
  ...common,
  entryPoints: { cli: 'bin/cli.ts' },
  packages: 'external',
  splitting: true,
  chunkNames: 'cli-[name]-[hash]',
});

// The worker bundles everything it imports (the engine needs only stdlib's
// distribution functions, which bundle cleanly): resolving hundreds of small
// stdlib modules at start-up took ~140 ms per worker, the bundle ~65 ms.
// esbuild's ESM output needs a `require` for the CommonJS code it wraps.
await build({
  ...common,
  entryPoints: { 'node-worker': 'workers/node-worker.ts' },
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
