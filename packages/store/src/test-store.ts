import { randomBytes } from 'node:crypto';
import type { FieldTypeCatalog } from '@trellis/schema';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DialectName } from './dialect/open-database.js';
import { StoreErrors } from './errors.js';
import { openStore, type Store, type StoreOptions } from './store.js';

/** The dialects every store and server test runs on. */
export const DIALECTS: readonly DialectName[] = ['pglite', 'postgres'];

/** The PostgreSQL server tests use (`TRELLIS_TEST_PG`), default the local `test` database. */
export function testPostgresUrl(): string {
  return process.env.TRELLIS_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/**
 * A store for one test: PGlite in memory, or a fresh PostgreSQL database with a random name
 * on `TRELLIS_TEST_PG`, dropped again by `close()`. `options` tunes the store (e.g. `exactCountLimit`).
 *
 * @example
 * for (const dialect of DIALECTS) {
 *   const store = await openTestStore(dialect, fieldTypes);
 *   try { … } finally { await store.close(); }
 * }
 */
export async function openTestStore(dialect: DialectName, catalog: FieldTypeCatalog, options: Partial<Omit<StoreOptions, 'catalog' | 'databaseUrl' | 'dataDir'>> = {}): Promise<Store> {
  if (dialect === 'pglite') return openStore({ ...options, dataDir: 'memory://', catalog });
  if (dialect !== 'postgres') throw StoreErrors.create('STORE_CONFIG_INVALID', `[store] unknown test dialect '${String(dialect)}'; use 'pglite' or 'postgres'`);

  const { url, drop } = await createTestDatabase(testPostgresUrl());
  // Uploaded files of a test go to a temporary directory, never to ./data/files.
  const filesDir = options.filesDir === undefined && options.fileStore === undefined ? await mkdtemp(join(tmpdir(), 'trellis-files-')) : undefined;
  const cleanup = async () => {
    await drop();
    if (filesDir !== undefined) await rm(filesDir, { recursive: true, force: true });
  };
  let store: Store;
  try {
    store = await openStore({ poolSize: 5, ...(filesDir === undefined ? {} : { filesDir }), ...options, databaseUrl: url, catalog });
  } catch (e) {
    await cleanup();
    throw e;
  }
  const close = store.close.bind(store);
  return Object.assign(store, {
    async close() {
      await close();
      await cleanup();
    },
  });
}

/**
 * Creates a PostgreSQL database with a random name next to `baseUrl`'s and returns its URL
 * and a function that drops it (closing any connection left to it).
 *
 * @example
 * const { url, drop } = await createTestDatabase('postgres://postgres@127.0.0.1:5432/test');
 */
export async function createTestDatabase(baseUrl: string, prefix = 'trellis_test'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
