/**
 * The command-line tool for end-to-end comparisons: bundled from the current
 * sources exactly as `npm run build:node` does (scripts/build-node.mjs), but
 * into a private folder, so a test never compares the page with a stale
 * dist/ and never writes to it. The folder sits under node_modules/.cache so
 * that the external packages resolve.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';

/** The repository root. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** A built CLI: run it with arguments (from the repository root), and remove it. */
export interface BuiltCli {
  run(args: readonly string[]): Promise<string>;
  remove(): void;
}

/** Bundles bin/cli.ts and the Node worker as scripts/build-node.mjs does, into a temporary folder. */
export async function buildCli(): Promise<BuiltCli> {
  const cache = join(REPO, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outdir = mkdtempSync(join(cache, 'trialsim-e2e-cli-'));
  try {
    await build({
      entryPoints: { cli: join(REPO, 'bin/cli.ts'), 'node-worker': join(REPO, 'workers/node-worker.ts') },
      outdir,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
  } catch (error) {
    rmSync(outdir, { recursive: true, force: true });
    throw error;
  }
  const run = promisify(execFile);
  return {
    run: async (args) => (await run(process.execPath, [join(outdir, 'cli.js'), ...args], { cwd: REPO, maxBuffer: 16 << 20 })).stdout,
    remove: () => rmSync(outdir, { recursive: true, force: true }),
  };
}
