import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { fieldTypes } from '@trellis/forms';
import { buildServer, ensureFirstAdmin, type FastifyInstance } from '@trellis/server';
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

/** The password of the administrator `admin` every end-to-end server starts with. */
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password';

/**
 * Logs in through the API and returns the session cookie's value and the CSRF token.
 *
 * @example const { token } = await loginSession(base, 'admin', E2E_ADMIN_PASSWORD);
 */
export async function loginSession(base: string, username = 'admin', password = E2E_ADMIN_PASSWORD): Promise<{ token: string; csrfToken: string }> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`e2e: login of '${username}' failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('trellis_session='));
  if (cookie === undefined) throw new Error('e2e: login set no session cookie');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { token: cookie.slice('trellis_session='.length).split(';')[0]!, csrfToken };
}

/**
 * JSON requests of the HTTP API through the administrator's session (cookie and CSRF
 * header; the user and organisation routes take no API key); an error status throws.
 *
 * @example const admin = await adminRequest(base); await admin('POST', '/api/departments', { name: '销售部' });
 */
export async function adminRequest(base: string): Promise<(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: object) => Promise<any>> {
  const { token, csrfToken } = await loginSession(base);
  return async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { cookie: `trellis_session=${token}`, 'x-csrf-token': csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`e2e: ${method} ${path}: ${res.status} ${text}`);
    return text === '' ? undefined : JSON.parse(text);
  };
}

/**
 * A browser context already logged in (as `admin` unless told otherwise): it logs in over
 * HTTP and adds the session cookie, so the web app opens on its pages, not on the login page.
 *
 * @example page = await (await loginContext(browser, base, { locale: 'en-US' })).newPage();
 */
export async function loginContext(browser: Browser, base: string, options: BrowserContextOptions = {}, user: { username: string; password: string } = { username: 'admin', password: E2E_ADMIN_PASSWORD }): Promise<BrowserContext> {
  const { token } = await loginSession(base, user.username, user.password);
  const context = await browser.newContext(options);
  await context.addCookies([{ name: 'trellis_session', value: token, url: base, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** A Trellis server for one test file: PGlite in a temporary folder, serving the built web app. */
export interface RunningTrellis {
  readonly store: Store;
  readonly server: FastifyInstance;
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  /** `fetch` as the administrator (an API key as bearer token), for a test's own API calls. */
  fetch(url: string, init?: RequestInit): Promise<Response>;
  /** Closes the server, then the store, then removes the folder. */
  close(): Promise<void>;
}

/**
 * Starts the server every end-to-end test drives: a fresh PGlite store in a temporary
 * folder named after `prefix`, the administrator `admin` ({@link E2E_ADMIN_PASSWORD}), the
 * built web app, a free port on 127.0.0.1.
 *
 * @example const trellis = await startTrellis('trellis-e2e-designer-'); … await trellis.close();
 */
export async function startTrellis(prefix: string): Promise<RunningTrellis> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const store = await openStore({ dataDir, catalog: fieldTypes });
  const server = await buildServer({ store, webRoot });
  await ensureFirstAdmin(store, { password: E2E_ADMIN_PASSWORD });
  const admin = await store.users.byUsername('admin');
  const { secret } = await store.apiKeys.create(admin!.id, { name: 'e2e' }, { actor: 'e2e' });
  const base = await server.listen({ host: '127.0.0.1', port: 0 });
  return {
    store,
    server,
    base,
    fetch(url: string, init: RequestInit = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) headers.set('authorization', `Bearer ${secret}`);
      return fetch(url, { ...init, headers });
    },
    async close() {
      await server.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
