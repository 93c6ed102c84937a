import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { openTrellisStore } from '@trellis/server';
import type { Store } from '@trellis/store';
import type { StoreLocation } from './cli-args.js';
import type { CliIo } from './cli-io.js';

/**
 * Opens the store a command works on: PostgreSQL when `databaseUrl` is set, else PGlite in
 * `dataDir` (created if missing). Migrations run on open.
 *
 * @example
 * const store = await openCliStore({ dataDir: './data' }, io);
 */
export async function openCliStore(location: StoreLocation, io: CliIo, options: { migrate?: boolean } = {}): Promise<Store> {
  const logger = {
    info: (_obj: object, msg?: string) => { if (msg !== undefined) io.err(msg); },
    warn: (_obj: object, msg?: string) => { if (msg !== undefined) io.err(`warning: ${msg}`); },
  };
  // The time zone of serial numbers' dates (docs/reference/configuration.md); the store defaults to Asia/Shanghai.
  const timeZone = process.env['TRELLIS_TIME_ZONE'] || undefined;
  const files = location.filesDir === undefined ? {} : { filesDir: resolve(location.filesDir) };
  if (location.databaseUrl !== undefined) return openTrellisStore({ databaseUrl: location.databaseUrl, logger, timeZone, ...files, ...options });
  const dataDir = resolve(location.dataDir);
  // With PostgreSQL, uploaded files still default to <dataDir>/files on this machine.
  if (location.databaseUrl !== undefined) return openTrellisStore({ databaseUrl: location.databaseUrl, dataDir, logger, ...files, ...options });
  mkdirSync(dataDir, { recursive: true });
  return openTrellisStore({ dataDir, logger, timeZone, ...files, ...options });
}

/** A description of where the data lives, without the password of a database URL. */
export function describeLocation(location: StoreLocation): string {
  if (location.databaseUrl === undefined) return `embedded database in ${resolve(location.dataDir)}`;
  try {
    const url = new URL(location.databaseUrl);
    if (url.password !== '') url.password = '***';
    return `PostgreSQL at ${url.toString()}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}
