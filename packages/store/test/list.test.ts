import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type ListQuery, type Store, type StoredRecord } from '../src/index.js';
import { field, form, pkg, testCatalog } from './fixtures.js';

const app = pkg('sales', [
  form('deal', [field('title', 'text'), field('note', 'long_text'), field('amount', 'number'), field('due', 'date'), field('won', 'boolean'), field('tags', 'multi_select', { options: { choices: [{ value: 'a', label: 'A' }] } })]),
]);

/** 40 deals: amounts with ties and nulls, titles with duplicates and nulls, wildcard characters in notes. */
function dealData(i: number): Record<string, unknown> {
  return {
    title: i % 7 === 0 ? null : `Deal ${String(i % 13).padStart(2, '0')}`,
    note: i === 3 ? 'discount 50% off' : i === 4 ? 'discount 50 percent' : i === 5 ? 'under_score' : i === 6 ? 'underXscore' : 'plain',
    amount: i % 5 === 0 ? null : (i % 4) * 100,
    due: i % 3 === 0 ? null : `2026-0${1 + (i % 9)}-1${i % 10}`,
    won: i % 2 === 0,
  };
}

async function allPages(store: Store, query: ListQuery, limit: number): Promise<{ items: StoredRecord[]; pages: number }> {
  const items: StoredRecord[] = [];
  let cursor: string | null = query.cursor ?? null;
  let pages = 0;
  do {
    const page = await store.records.list('sales', 'deal', { ...query, limit, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(100);
  } while (cursor);
  return { items, pages };
}

/** Postgres order: ascending puts nulls last, descending puts them first. */
function compare(a: unknown, b: unknown, direction: 'asc' | 'desc'): number {
  if (a === b) return 0;
  if (a === null) return direction === 'asc' ? 1 : -1;
  if (b === null) return direction === 'asc' ? -1 : 1;
  const c = (a as number | string) < (b as number | string) ? -1 : 1;
  return direction === 'asc' ? c : -c;
}

for (const dialect of DIALECTS) {
  describe(`listing records (${dialect})`, () => {
    let store: Store;
    const created: StoredRecord[] = [];
    beforeAll(async () => {
      store = await openTestStore(dialect, testCatalog);
      await store.apps.publish(app, { actor: null });
      for (let i = 0; i < 40; i += 1) created.push(await store.records.create('sales', 'deal', dealData(i), { actor: null }));
    });
    afterAll(async () => {
      await store?.close();
    });

    it('lists newest first by default with an exact total for a small table', async () => {
      const page = await store.records.list('sales', 'deal', { limit: 10 });
      expect(page.items).toHaveLength(10);
      expect(page).toMatchObject({ total: 40, totalExact: true });
      expect(page.nextCursor).toEqual(expect.any(String));
      const sorted = [...created].sort((a, b) => compare(a.createdAt, b.createdAt, 'desc') || compare(a.id, b.id, 'desc'));
      expect(page.items.map((r) => r.id)).toEqual(sorted.slice(0, 10).map((r) => r.id));
    });

    for (const sort of [
      [{ field: 'amount', direction: 'asc' }],
      [{ field: 'amount', direction: 'desc' }],
      [{ field: 'title', direction: 'asc' }, { field: 'amount', direction: 'desc' }],
      [{ field: 'due', direction: 'desc' }, { field: 'won', direction: 'asc' }],
      [{ field: 'version', direction: 'asc' }, { field: 'created_at', direction: 'asc' }],
    ] as const) {
      it(`keyset pages sorted by ${sort.map((s) => `${s.field} ${s.direction}`).join(', ')} visit every row once, in order, through ties and nulls`, async () => {
        const { items, pages } = await allPages(store, { sort }, 7);
        expect(pages).toBe(6);
        expect(new Set(items.map((r) => r.id)).size).toBe(40);
        const value = (r: StoredRecord, f: string) => (f in r.data ? r.data[f] : (r as unknown as Record<string, unknown>)[f === 'created_at' ? 'createdAt' : f]);
        const last = sort[sort.length - 1]!.direction;
        const expected = [...created].sort((a, b) => {
          for (const s of sort) {
            const c = compare(value(a, s.field), value(b, s.field), s.direction);
            if (c !== 0) return c;
          }
          return compare(a.id, b.id, last);
        });
        expect(items.map((r) => r.id)).toEqual(expected.map((r) => r.id));
      });
    }

    it('a page past a deleted row still continues correctly', async () => {
      const first = await store.records.list('sales', 'deal', { sort: [{ field: 'amount', direction: 'asc' }], limit: 5 });
      const lastOnPage = first.items[4]!;
      await store.records.softDelete('sales', 'deal', lastOnPage.id, { actor: null });
      try {
        const rest = await allPages(store, { sort: [{ field: 'amount', direction: 'asc' }], cursor: first.nextCursor } as ListQuery, 50);
        expect(rest.items).toHaveLength(35);
      } finally {
        await store.records.restore('sales', 'deal', lastOnPage.id, { actor: null });
      }
    });

    it('filters with a json-logic condition compiled to SQL, and pages through the matches', async () => {
      const filter = { and: [{ '>=': [{ var: 'amount' }, 200] }, { '==': [{ var: 'won' }, true] }] };
      const expected = created.filter((r) => (r.data.amount as number | null) !== null && (r.data.amount as number) >= 200 && r.data.won === true);
      const first = await store.records.list('sales', 'deal', { filter, limit: 3 });
      expect(first).toMatchObject({ total: expected.length, totalExact: true });
      const { items } = await allPages(store, { filter, sort: [{ field: 'amount', direction: 'desc' }] }, 3);
      expect(items.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
      expect(items.map((r) => r.data.amount)).toEqual([...items.map((r) => r.data.amount)].sort((a, b) => (b as number) - (a as number)));
    });

    it('filters on dates, text and system columns alike', async () => {
      const byDue = await store.records.list('sales', 'deal', { filter: { '<': [{ var: 'due' }, '2026-03-01'] }, limit: 100 });
      expect(byDue.items.length).toBeGreaterThan(0);
      expect(byDue.items.every((r) => (r.data.due as string) < '2026-03-01')).toBe(true);
      const byTitle = await store.records.list('sales', 'deal', { filter: { in: [{ var: 'title' }, ['Deal 01', 'Deal 02']] }, limit: 100 });
      expect(new Set(byTitle.items.map((r) => r.data.title))).toEqual(new Set(['Deal 01', 'Deal 02']));
      const byId = await store.records.list('sales', 'deal', { filter: { '==': [{ var: 'id' }, created[5]!.id] } });
      expect(byId.items.map((r) => r.id)).toEqual([created[5]!.id]);
    });

    it('ANDs a row scope with $user from the context onto the filter', async () => {
      const me = '44444444-4444-4444-8444-444444444444';
      const mine = await store.records.create('sales', 'deal', { title: 'Mine', amount: 999 }, { actor: me });
      try {
        const scope = { '==': [{ var: 'owner_id' }, { var: '$user.id' }] };
        const page = await store.records.list('sales', 'deal', { scope, ctx: { user: { id: me } }, filter: { '>': [{ var: 'amount' }, 1] } });
        expect(page.items.map((r) => r.id)).toEqual([mine.id]);
        expect(page.total).toBe(1);
      } finally {
        await store.records.softDelete('sales', 'deal', mine.id, { actor: null });
      }
    });

    it('a department-tree scope lists the rows of the departments in $user.deptTree only', async () => {
      const east = '55555555-5555-4555-8555-555555555551';
      const shanghai = '55555555-5555-4555-8555-555555555552';
      const north = '55555555-5555-4555-8555-555555555553';
      const rows = [
        await store.records.create('sales', 'deal', { title: 'East', amount: 10 }, { actor: null, deptId: east }),
        await store.records.create('sales', 'deal', { title: 'Shanghai', amount: 10 }, { actor: null, deptId: shanghai }),
        await store.records.create('sales', 'deal', { title: 'North', amount: 10 }, { actor: null, deptId: north }),
      ];
      try {
        const scope = { in: [{ var: 'dept_id' }, { var: '$user.deptTree' }] };
        // upper case and a stray non-UUID entry: ids compare as UUIDs, the stray entry matches nothing
        const user = { id: 'u', deptTree: [east, shanghai.toUpperCase(), 'not-a-uuid'] };
        const page = await store.records.list('sales', 'deal', { scope, ctx: { user } });
        expect(page.items.map((r) => r.data['title']).sort()).toEqual(['East', 'Shanghai']);
        expect(page.total).toBe(2);
        const none = await store.records.list('sales', 'deal', { scope, ctx: { user: { id: 'u', deptTree: [] } } });
        expect(none).toMatchObject({ items: [], total: 0 });
        const anonymous = await store.records.list('sales', 'deal', { scope });
        expect(anonymous.items).toEqual([]);
      } finally {
        for (const r of rows) await store.records.softDelete('sales', 'deal', r.id, { actor: null });
      }
    });

    it('a filter naming an unknown field is EXPR_INVALID (400) with the path', async () => {
      await expect(store.records.list('sales', 'deal', { filter: { '==': [{ var: 'nope' }, 1] } })).rejects.toMatchObject({ code: 'EXPR_INVALID', status: 400 });
      await expect(store.records.list('sales', 'deal', { filter: { frobnicate: [1] } })).rejects.toMatchObject({ code: 'EXPR_INVALID' });
    });

    it('refuses unknown sort fields, a cursor from another sort, a forged cursor and a bad limit', async () => {
      await expect(store.records.list('sales', 'deal', { sort: [{ field: 'nope', direction: 'asc' }] })).rejects.toMatchObject({ code: 'STORE_SORT_INVALID', details: [{ path: '/sort/0' }] });
      await expect(store.records.list('sales', 'deal', { sort: [{ field: 'tags', direction: 'asc' }] })).rejects.toMatchObject({ code: 'STORE_SORT_INVALID' });
      const page = await store.records.list('sales', 'deal', { limit: 2 });
      await expect(store.records.list('sales', 'deal', { cursor: page.nextCursor, sort: [{ field: 'amount', direction: 'asc' }] })).rejects.toMatchObject({ code: 'STORE_CURSOR_INVALID' });
      await expect(store.records.list('sales', 'deal', { cursor: 'garbage!' })).rejects.toMatchObject({ code: 'STORE_CURSOR_INVALID', status: 400 });
      const forged = Buffer.from(JSON.stringify({ s: 'created_at:desc,id:desc', v: [{ x: 1 }, 'id'] })).toString('base64url');
      await expect(store.records.list('sales', 'deal', { cursor: forged })).rejects.toMatchObject({ code: 'STORE_CURSOR_INVALID' });
      for (const limit of [0, 1001, 2.5]) {
        await expect(store.records.list('sales', 'deal', { limit })).rejects.toMatchObject({ code: 'STORE_LIMIT_INVALID' });
      }
    });

    it('searches text fields case-insensitively and matches % and _ literally', async () => {
      expect((await store.records.list('sales', 'deal', { q: 'DEAL 01' })).items.every((r) => r.data.title === 'Deal 01')).toBe(true);
      expect((await store.records.list('sales', 'deal', { q: 'DEAL 01' })).total).toBeGreaterThan(0);
      expect((await store.records.list('sales', 'deal', { q: '50%' })).items.map((r) => r.data.note)).toEqual(['discount 50% off']);
      expect((await store.records.list('sales', 'deal', { q: 'under_score' })).items.map((r) => r.data.note)).toEqual(['under_score']);
      expect((await store.records.list('sales', 'deal', { q: 'zzz-nothing' })).total).toBe(0);
    });

    it('counts a table above the exact limit with a flagged estimate instead of count(*)', async () => {
      const small = await openTestStore(dialect, testCatalog, { exactCountLimit: 10 });
      try {
        await small.apps.publish(app, { actor: null });
        for (let i = 0; i < 30; i += 1) await small.records.create('sales', 'deal', dealData(i), { actor: null });
        const unanalysed = await small.records.list('sales', 'deal', { limit: 5 });
        expect(unanalysed.totalExact).toBe(false);
        expect(unanalysed.total).toBeGreaterThanOrEqual(11);
        await sql`analyze app_sales.deal`.execute(small.db);
        // Estimates are reused for a few seconds per query, so ask a new one (it matches every row).
        const analysed = await small.records.list('sales', 'deal', { limit: 5, filter: { '>=': [{ var: 'created_at' }, '2000-01-01T00:00:00.000Z'] } });
        expect(analysed).toMatchObject({ total: 30, totalExact: false });
        // A page that holds every match is its own exact count.
        const all = await small.records.list('sales', 'deal', { limit: 100 });
        expect(all).toMatchObject({ total: 30, totalExact: true });
      } finally {
        await small.close();
      }
    });
  });
}
