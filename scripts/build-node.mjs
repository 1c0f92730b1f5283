// Bundles the Node entry points (the CLI; later the worker) into dist/.
// Runs on `npm ci` (prepare) so `npx trialsim` works on a fresh clone.
// Packages stay external: bundling @stdlib breaks on its dynamic require('tty').
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/bin.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
