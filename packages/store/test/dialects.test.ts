import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type Store } from '../src/index.js';
import { testCatalog } from './fixtures.js';

for (const dialect of DIALECTS) {
  describe(`dialect ${dialect}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await openTestStore(dialect, testCatalog);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('returns numeric and bigint as numbers, timestamptz as ISO strings and date as YYYY-MM-DD', async () => {
      const { rows } = await sql<Record<string, unknown>>`select 12.50::numeric as n, 9007199254740::int8 as big,
        '2024-02-29'::date as d, '2024-03-01 23:30:00.123+05'::timestamptz as t, 'x'::text as s`.execute(store.db);
      expect(rows[0]).toEqual({ n: 12.5, big: 9007199254740, d: '2024-02-29', t: '2024-03-01T18:30:00.123Z', s: 'x' });
    });

    it('runs sessions in UTC', async () => {
      const { rows } = await sql<{ tz: string }>`select current_setting('TimeZone') as tz`.execute(store.db);
      expect(['UTC', 'Etc/UTC']).toContain(rows[0]!.tz);
    });

    it('migrates on open and a second migrate applies nothing', async () => {
      expect(await store.migrate()).toEqual({ applied: [] });
      const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'trellis' order by 1`.execute(store.db);
      expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['apps', 'app_versions', 'app_forms', 'app_fields', 'audit_log']));
    });

    it('keeps concurrent transactions apart: a rolled-back transaction never leaks into another', async () => {
      await sql`create table public.counter (n int)`.execute(store.db);
      const slowFailing = store.db.transaction().execute(async (trx) => {
        await sql`insert into public.counter values (1)`.execute(trx);
        await new Promise((r) => setTimeout(r, 30));
        throw new Error('boom');
      });
      const other = store.db.transaction().execute(async (trx) => {
        await sql`insert into public.counter values (2)`.execute(trx);
      });
      const lone = sql`insert into public.counter values (3)`.execute(store.db);
      await expect(slowFailing).rejects.toThrow('boom');
      await other;
      await lone;
      const { rows } = await sql<{ n: number }>`select n from public.counter order by n`.execute(store.db);
      expect(rows.map((r) => r.n)).toEqual([2, 3]);
    });
  });
}
