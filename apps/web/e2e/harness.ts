import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

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
