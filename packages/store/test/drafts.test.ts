import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, DraftRepository, openTestStore, type Store } from '../src/index.js';
import { field, form, pkg, testCatalog } from './fixtures.js';

for (const dialect of DIALECTS) {
  describe(`app drafts (${dialect})`, () => {
    let store: Store;
    let drafts: DraftRepository;
    beforeAll(async () => {
      store = await openTestStore(dialect, testCatalog);
      drafts = new DraftRepository(store.db);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('saves a first draft as revision 1 and reads it back', async () => {
      expect(await drafts.get('shop')).toBeUndefined();
      const draft = pkg('shop', [form('item', [field('name', 'text')])]);
      const r = await drafts.save('shop', draft, 0, { actor: 'u1' });
      expect(r).toMatchObject({ ok: true, draft: { app: 'shop', revision: 1, package: draft, updatedBy: 'u1' } });
      expect(await drafts.get('shop')).toMatchObject({ revision: 1, package: draft });
    });

    it('saves over the named revision only, and reports the current revision when stale', async () => {
      const next = pkg('shop', [form('item', [field('name', 'text'), field('price', 'number')])]);
      expect(await drafts.save('shop', next, 1, { actor: null })).toMatchObject({ ok: true, draft: { revision: 2, package: next } });
      expect(await drafts.save('shop', pkg('shop', []), 1, { actor: null })).toEqual({ ok: false, currentRevision: 2 });
      expect(await drafts.save('shop', pkg('shop', []), 0, { actor: null })).toEqual({ ok: false, currentRevision: 2 });
      expect((await drafts.get('shop'))?.package).toEqual(next);
    });

    it('lets only one of two concurrent saves of the same revision win', async () => {
      const a = pkg('race', [form('a', [field('x', 'text')])]);
      const results = await Promise.all([drafts.save('race', a, 0, { actor: 'a' }), drafts.save('race', a, 0, { actor: 'b' })]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, currentRevision: 1 });
    });

    it('deletes a draft', async () => {
      expect(await drafts.delete('race')).toBe(true);
      expect(await drafts.delete('race')).toBe(false);
      expect(await drafts.get('race')).toBeUndefined();
    });

    it('counts the records holding a value in fields about to be hidden, and leaves out empty ones', async () => {
      await store.apps.publish(pkg('inv', [form('item', [field('name', 'text'), field('note', 'text'), field('qty', 'number')])]), { actor: null });
      await store.records.create('inv', 'item', { name: 'a', qty: 1 }, { actor: null });
      await store.records.create('inv', 'item', { name: 'b', qty: 2 }, { actor: null });
      const refs = ['name', 'note', 'qty'].map((key) => ({ form: 'item', fieldId: `f_${key}`, key, column: key }));
      const found = await drafts.fieldsWithData('inv', refs);
      expect(found).toEqual([
        { form: 'item', fieldId: 'f_name', key: 'name', column: 'name', records: 2 },
        { form: 'item', fieldId: 'f_qty', key: 'qty', column: 'qty', records: 2 },
      ]);
      expect(await drafts.fieldsWithData('inv', [{ form: 'item', fieldId: 'f_nope', key: 'nope', column: 'nope' }])).toEqual([]);
    });

    it('counts the records of forms about to be hidden, and leaves out empty ones', async () => {
      await store.apps.publish(pkg('inv', [form('item', [field('name', 'text'), field('note', 'text'), field('qty', 'number')]), form('empty', [field('x', 'text')])]), { actor: null });
      expect(await drafts.formsWithData('inv', [{ form: 'item' }, { form: 'empty' }, { form: 'nope' }])).toEqual([{ form: 'item', table: 'item', records: 2 }]);
    });
  });
}
