import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * The built web app (`apps/web/dist`), found relative to this package so it works from
 * `apps/cli/src` (tests) and `apps/cli/dist` (the shipped command) alike.
 *
 * @example
 * findWebRoot() // { dir: '/srv/trellis/apps/web/dist', built: true }
 */
export function findWebRoot(base: URL = new URL('../../web/dist/', import.meta.url)): { dir: string; built: boolean } {
  const dir = fileURLToPath(base).replace(/[\\/]+$/, '');
  return { dir, built: existsSync(join(dir, 'index.html')) };
}

/**
 * The URL a person should open: wildcard addresses are shown as `localhost`.
 *
 * @example
 * displayUrl('0.0.0.0', 3000) // 'http://localhost:3000'
 */
export function displayUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' || host === '' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}
