import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { fieldTypes } from '@trellis/forms';
import { buildServer, type FastifyInstance } from '@trellis/server';
import { openStore, type Store } from '@trellis/store';

/** The built web app every end-to-end test serves. */
export const webRoot = fileURLToPath(new URL('../dist', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** What the web bundle is built from: a change here makes the built app stale. */
const SOURCES = ['apps/web/src', 'apps/web/index.html', 'packages/ui/src', 'packages/forms/src', 'packages/schema/src', 'packages/expr/src'].map((p) => join(repoRoot, p));

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/**
 * Builds the web app unless `dist` is newer than every source it is built from, so
 * `pnpm test` (which builds first) does not build it again per test file, while a test run
 * on its own after an edit still gets a fresh app.
 *
 * @example beforeAll(() => ensureWebBuilt());
 */
export function ensureWebBuilt(): void {
  const index = join(webRoot, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...SOURCES.filter(existsSync).map(newestMtime))) return;
  execFileSync('pnpm', ['--filter', '@trellis/web', 'build'], { cwd: repoRoot, stdio: 'ignore' });
}

/**
 * Debian's Chromium, headless, as every end-to-end test drives it (`TRELLIS_CHROMIUM`
 * overrides the path).
 *
 * @example const browser = await launchBrowser();
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.TRELLIS_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A Trellis server for one test file: PGlite in a temporary folder, serving the built web app. */
export interface RunningTrellis {
  readonly store: Store;
  readonly server: FastifyInstance;
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  /** Closes the server, then the store, then removes the folder. */
  close(): Promise<void>;
}

/**
 * Starts the server every end-to-end test drives: a fresh PGlite store in a temporary
 * folder named after `prefix`, the built web app, a free port on 127.0.0.1.
 *
 * @example const trellis = await startTrellis('trellis-e2e-designer-'); … await trellis.close();
 */
export async function startTrellis(prefix: string): Promise<RunningTrellis> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const store = await openStore({ dataDir, catalog: fieldTypes });
  const server = await buildServer({ store, webRoot });
  const base = await server.listen({ host: '127.0.0.1', port: 0 });
  return {
    store,
    server,
    base,
    async close() {
      await server.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
