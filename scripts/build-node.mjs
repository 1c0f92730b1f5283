// Bundles the Node entry points (the CLI and its worker) into dist/.
// Runs on `npm ci` (prepare) so `npx trialsim` works on a fresh clone, and
// before the tests (the pool tests start the built worker: tsx cannot start a
// .ts worker_threads worker on Node 20).
// Packages stay external: bundling @stdlib breaks on its dynamic require('tty').
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/bin.ts', 'node-worker': 'workers/node-worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
