import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type Store } from '../src/index.js';
import { field, form, pkg, testCatalog } from './fixtures.js';

for (const dialect of DIALECTS) {
  describe(`a record's department follows its owner (${dialect})`, () => {
    let store: Store;
    const ctx = { actor: 'tester' };
    let shanghai: string;
    let beijing: string;
    let sunli: string;
    let zhengyu: string;
    let nobody: string;

    beforeAll(async () => {
      store = await openTestStore(dialect, testCatalog);
      await store.apps.publish(pkg('crm', [form('customer', [field('name', 'text'), field('owner', 'owner')])]), ctx);
      shanghai = (await store.departments.create({ name: '上海办事处' }, ctx)).id;
      beijing = (await store.departments.create({ name: '北京办事处' }, ctx)).id;
      const user = async (username: string) =>
        (await store.db.insertInto('trellis.users').values({ username, display_name: username, email: null, password_hash: null, locale: null, locked_until: null }).returning('id').executeTakeFirstOrThrow()).id;
      sunli = await user('sunli');
      zhengyu = await user('zhengyu');
      nobody = await user('nobody');
      await store.departments.setUserDepartments(sunli, [beijing, shanghai], shanghai, ctx);
      await store.departments.setUserDepartments(zhengyu, [beijing], beijing, ctx);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('a record created for an owner is filed under the owner’s primary department, not the creator’s', async () => {
      const r = await store.records.create('crm', 'customer', { name: 'A', owner: sunli }, { actor: zhengyu, deptId: beijing });
      expect(r).toMatchObject({ ownerId: sunli, deptId: shanghai });
      const none = await store.records.create('crm', 'customer', { name: 'B', owner: nobody }, { actor: zhengyu, deptId: beijing });
      expect(none).toMatchObject({ ownerId: nobody, deptId: null });
      const own = await store.records.create('crm', 'customer', { name: 'C' }, { actor: zhengyu, deptId: beijing });
      expect(own).toMatchObject({ ownerId: zhengyu, deptId: beijing });
    });

    it('handing a record to another owner moves it into their department in the same update', async () => {
      const r = await store.records.create('crm', 'customer', { name: 'D', owner: sunli }, ctx);
      const moved = await store.records.update('crm', 'customer', r.id, { version: r.version, data: { owner: zhengyu } }, ctx);
      expect(moved).toMatchObject({ ownerId: zhengyu, deptId: beijing, version: r.version + 1 });
      const renamed = await store.records.update('crm', 'customer', r.id, { version: moved.version, data: { name: 'D2' } }, ctx);
      expect(renamed).toMatchObject({ ownerId: zhengyu, deptId: beijing });
    });
  });
}
