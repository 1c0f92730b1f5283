/**
 * Serves the UI for end-to-end tests from the repository's vite.config.ts:
 * the dev server (`npm start`), or a production build into a temporary folder
 * served by `vite preview` (what `npm run build` ships). On 127.0.0.1, on a
 * free port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer, preview } from 'vite';

/** The repository's Vite configuration. */
export const VITE_CONFIG = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));

/** How the UI is served. */
export type ServeMode = 'dev' | 'build';

/** A running server and how to stop it. */
export interface ServedWeb {
  url: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** Starts serving the UI; `close` stops the server and removes any temporary build. */
export async function serveWeb(mode: ServeMode): Promise<ServedWeb> {
  if (mode === 'dev') {
    const server = await createServer({
      configFile: VITE_CONFIG,
      logLevel: 'warn',
      clearScreen: false,
      server: { host: HOST, port: 0, strictPort: true, watch: null, open: false },
    });
    await server.listen();
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('the Vite dev server did not report its address');
    return { url, close: () => server.close() };
  }
  const outDir = mkdtempSync(join(tmpdir(), 'trialsim-web-'));
  try {
    await build({ configFile: VITE_CONFIG, logLevel: 'warn', clearScreen: false, build: { outDir, emptyOutDir: true } });
    const server = await preview({
      configFile: VITE_CONFIG,
      logLevel: 'warn',
      clearScreen: false,
      build: { outDir },
      preview: { host: HOST, port: 0, strictPort: true, open: false },
    });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report its address');
    return {
      url,
      close: async () => {
        await server.close();
        rmSync(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
}
