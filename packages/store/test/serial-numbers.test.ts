import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldTypes } from '@trellis/forms';
import { DIALECTS, openTestStore, type Store } from '../src/index.js';
import { field, form, pkg } from './fixtures.js';

/** A clock the test moves: serial periods follow it (the database's own timestamps do not). */
let clock = new Date('2026-12-01T08:00:00Z');

const contracts = pkg('sales', [
  form('contract', [
    field('title', 'text'),
    field('code', 'text', { options: { unique: true } }),
    field('no', 'serial', { options: { prefix: 'HT-', datePattern: 'YYYYMMDD', digits: 4, resetEvery: 'day' } }),
    field('seq', 'serial', { options: { digits: 3 } }),
  ]),
]);

const numbers = async (store: Store, key: string): Promise<string[]> =>
  (await store.records.list('sales', 'contract', { limit: 1000 })).items.map((r) => r.data[key] as string).sort();

for (const dialect of DIALECTS) {
  describe(`serial numbers (${dialect})`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await openTestStore(dialect, fieldTypes, { now: () => clock, ...(dialect === 'postgres' ? { poolSize: 10 } : {}) });
      await store.apps.publish(contracts, { actor: null });
    });
    afterAll(async () => {
      await store?.close();
    });

    it('50 concurrent creates get 50 distinct numbers without a gap', async () => {
      const created = await Promise.all(Array.from({ length: 50 }, (_, i) => store.records.create('sales', 'contract', { title: `c${i}`, no: 'HT-hacked' }, { actor: null })));
      const expected = Array.from({ length: 50 }, (_, i) => `HT-20261201-${String(i + 1).padStart(4, '0')}`);
      expect(created.map((r) => r.data['no']).sort()).toEqual(expected);
      expect(await numbers(store, 'no')).toEqual(expected);
      expect(await numbers(store, 'seq')).toEqual(Array.from({ length: 50 }, (_, i) => String(i + 1).padStart(3, '0')));
    });

    it('a create that fails after drawing its number gives the number back', async () => {
      await store.records.create('sales', 'contract', { title: 'first', code: 'A-1' }, { actor: null });
      const err = await store.records.create('sales', 'contract', { title: 'dup', code: 'A-1' }, { actor: null }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'RECORD_DUPLICATE' });
      const next = await store.records.create('sales', 'contract', { title: 'after' }, { actor: null });
      expect([next.data['no'], next.data['seq']]).toEqual(['HT-20261201-0052', '052']);
    });

    it('concurrent creates of which some fail leave no gap either', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => store.records.create('sales', 'contract', { title: `m${i}`, code: i % 2 === 0 ? 'A-1' : `B-${i}` }, { actor: null })),
      );
      expect(results.filter((r) => r.status === 'rejected')).toHaveLength(10);
      const all = await numbers(store, 'seq');
      expect(all).toEqual(Array.from({ length: 62 }, (_, i) => String(i + 1).padStart(3, '0')));
    });

    it('the number never changes on update', async () => {
      const [r] = (await store.records.list('sales', 'contract', { filter: { '==': [{ var: 'title' }, 'after'] } })).items;
      const u = await store.records.update('sales', 'contract', r!.id, { version: r!.version, data: { no: 'X', seq: 'Y', title: 'after2' } }, { actor: null });
      expect([u.data['no'], u.data['seq'], u.data['title']]).toEqual([r!.data['no'], r!.data['seq'], 'after2']);
    });

    it('the counter starts again in a new period, in the configured time zone', async () => {
      // 2026-12-01T16:30Z is already 2 December in Shanghai (UTC+8)
      clock = new Date('2026-12-01T16:30:00Z');
      const a = await store.records.create('sales', 'contract', { title: 'next day' }, { actor: null });
      expect([a.data['no'], a.data['seq']]).toEqual(['HT-20261202-0001', '063']);
      const b = await store.records.create('sales', 'contract', { title: 'next day 2' }, { actor: null });
      expect(b.data['no']).toBe('HT-20261202-0002');
      clock = new Date('2026-12-01T08:00:00Z');
      const back = await store.records.create('sales', 'contract', { title: 'back' }, { actor: null });
      expect(back.data['no']).toBe('HT-20261201-0063');
      const { rows } = await sql<{ period: string; value: string }>`select period, value::text as value from trellis.serial_counters where field_id = 'f_no' order by period`.execute(store.db);
      expect(rows).toEqual([{ period: '20261201', value: '63' }, { period: '20261202', value: '2' }]);
    });
  });
}

describe('serial time zone', () => {
  it('another time zone dates numbers by its own calendar', async () => {
    const store = await openTestStore('pglite', fieldTypes, { now: () => new Date('2026-12-01T16:30:00Z'), timeZone: 'Europe/London' });
    try {
      await store.apps.publish(contracts, { actor: null });
      const r = await store.records.create('sales', 'contract', { title: 'x' }, { actor: null });
      expect(r.data['no']).toBe('HT-20261201-0001');
    } finally {
      await store.close();
    }
  });

  it('an unknown time zone is refused when the store opens', async () => {
    await expect(openTestStore('pglite', fieldTypes, { timeZone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'STORE_CONFIG_INVALID' });
  });
});
