#!/usr/bin/env node
// The CLI is TypeScript compiled to dist/ by `npm run build:node`, which `npm ci` runs (prepare).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('trialsim: the CLI is not built yet; run `npm run build:node` (npm ci does it)\n');
  process.exitCode = 2;
} else {
  await import(entry.href);
}
