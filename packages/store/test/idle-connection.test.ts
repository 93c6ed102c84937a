import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, openDatabase, testPostgresUrl, type OpenDatabase } from '../src/index.js';

describe('a PostgreSQL connection that dies while idle', () => {
  let database: OpenDatabase;
  let drop: () => Promise<void>;
  let url: string;
  const seen: Error[] = [];

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase(testPostgresUrl()));
    database = await openDatabase({ databaseUrl: url, poolSize: 2, onIdleError: (e) => seen.push(e) });
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it('is reported and discarded, and the next query runs on a new connection', async () => {
    await sql`select 1`.execute(database.db);
    const admin = new pg.Client({ connectionString: testPostgresUrl() });
    await admin.connect();
    try {
      const dbName = new URL(url).pathname.slice(1);
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [dbName]);
    } finally {
      await admin.end();
    }
    for (let i = 0; i < 50 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(seen.length).toBeGreaterThan(0);
    const { rows } = await sql<{ x: number }>`select 41 + 1 as x`.execute(database.db);
    expect(rows[0]!.x).toBe(42);
  });
});
