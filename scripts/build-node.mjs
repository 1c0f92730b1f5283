// Bundles the Node entry points into dist/. Runs on `npm ci` (prepare) so
// `npx trialsim` works on a fresh clone, and before the tests (the pool tests
// start the built worker: tsx cannot start a .ts worker_threads worker on Node 20).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', sourcemap: true, logLevel: 'warning', outdir: 'dist' };

// The CLI keeps its packages external: bundling all of @stdlib breaks on a
// dynamic require('tty') in its CLI helpers, and the CLI starts once per run.
await build({ ...common, entryPoints: { cli: 'bin/cli.ts' }, packages: 'external' });

// The worker bundles everything it imports (the engine needs only stdlib's
// distribution functions, which bundle cleanly): resolving hundreds of small
// stdlib modules at start-up took ~140 ms per worker, the bundle ~65 ms.
// esbuild's ESM output needs a `require` for the CommonJS code it wraps.
await build({
  ...common,
  entryPoints: { 'node-worker': 'workers/node-worker.ts' },
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
