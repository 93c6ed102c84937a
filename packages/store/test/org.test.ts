import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type Store } from '../src/index.js';
import { customerForm, pkg, testCatalog } from './fixtures.js';

const ctx = { actor: null };

async function user(store: Store, username: string): Promise<string> {
  return (await store.db.insertInto('trellis.users').values({ username, display_name: username, email: null, password_hash: null, locale: null, locked_until: null }).returning('id').executeTakeFirstOrThrow()).id;
}

for (const dialect of DIALECTS) {
  describe(`departments and roles (${dialect})`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await openTestStore(dialect, testCatalog);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('keeps a tree: create, move, refuse cycles, managers, members, trees of an actor, refuse deleting non-empty', async () => {
      const root = await store.departments.create({ name: 'Company' }, ctx);
      const sales = await store.departments.create({ name: 'Sales', parentId: root.id, sort: 1 }, ctx);
      const east = await store.departments.create({ name: 'East', parentId: sales.id }, ctx);
      expect(east).toMatchObject({ parentId: sales.id, managerIds: [], memberCount: 0, version: 1 });

      const cycle = store.departments.update(sales.id, { version: sales.version, parentId: east.id }, ctx);
      await expect(cycle).rejects.toMatchObject({ code: 'DEPARTMENT_CYCLE', status: 400, details: [{ path: '/parentId' }] });
      await expect(store.departments.update(sales.id, { version: sales.version, parentId: sales.id }, ctx)).rejects.toMatchObject({ code: 'DEPARTMENT_CYCLE' });
      await expect(store.departments.update(sales.id, { version: 99, name: 'x' }, ctx)).rejects.toMatchObject({ code: 'DEPARTMENT_VERSION_CONFLICT', status: 409 });

      const boss = await user(store, 'boss');
      const rep = await user(store, 'rep');
      const managed = await store.departments.update(sales.id, { version: sales.version, managerIds: [boss], name: 'Sales & Marketing' }, { actor: boss });
      expect(managed).toMatchObject({ name: 'Sales & Marketing', managerIds: [boss], version: 2 });
      await expect(store.departments.update(sales.id, { version: 2, managerIds: ['00000000-0000-4000-8000-000000000000'] }, ctx)).rejects.toMatchObject({ code: 'ORG_USER_NOT_FOUND', details: [{ path: '/managerIds/0' }] });

      expect(await store.departments.setUserDepartments(rep, [sales.id, east.id], east.id, ctx)).toEqual({ deptIds: [east.id, sales.id], primaryDeptId: east.id });
      const repOrg = await store.departments.actorOrg(rep);
      expect(repOrg.deptIds).toEqual([east.id, sales.id]);
      expect([...repOrg.deptTree].sort()).toEqual([sales.id, east.id].sort());
      expect(repOrg.managedDeptTree).toEqual([]);
      expect([...(await store.departments.actorOrg(boss)).managedDeptTree].sort()).toEqual([sales.id, east.id].sort());

      await expect(store.departments.delete(east.id, ctx)).rejects.toMatchObject({ code: 'DEPARTMENT_NOT_EMPTY', status: 409 });
      await expect(store.departments.delete(root.id, ctx)).rejects.toMatchObject({ code: 'DEPARTMENT_NOT_EMPTY' });
      const empty = await store.departments.create({ name: 'Empty', parentId: root.id }, ctx);
      await store.departments.delete(empty.id, ctx);
      await expect(store.departments.get(empty.id)).rejects.toMatchObject({ code: 'DEPARTMENT_NOT_FOUND', status: 404 });

      const audit = await store.db.selectFrom('trellis.audit_log').select(['action', 'actor']).where('action', 'like', 'department_%').orderBy('id').execute();
      expect(audit.map((a) => a.action)).toEqual(['department_create', 'department_create', 'department_create', 'department_update', 'department_create', 'department_delete']);
      expect(audit[3]!.actor).toBe(boss);
    });

    it('resolves roles through users, departments and (include_children) departments above theirs', async () => {
      const top = await store.departments.create({ name: 'Top' }, ctx);
      const mid = await store.departments.create({ name: 'Mid', parentId: top.id }, ctx);
      const leaf = await store.departments.create({ name: 'Leaf', parentId: mid.id }, ctx);
      const u = await user(store, 'leafy');
      const def = (key: string) => ({ key, name: key, forms: { customer: { actions: ['view' as const] } } });
      const direct = await store.roles.create('crm', def('direct'), ctx);
      const tree = await store.roles.create('crm', def('tree'), ctx);
      const flat = await store.roles.create('crm', def('flat'), ctx);
      const other = await store.roles.create('other', def('tree'), ctx);
      await expect(store.roles.create('crm', def('tree'), ctx)).rejects.toMatchObject({ code: 'ROLE_KEY_TAKEN', status: 409 });

      await store.roles.setMembers('crm', direct.id, [{ userId: u }], ctx);
      const withTree = await store.roles.setMembers('crm', tree.id, [{ deptId: top.id, includeChildren: true }], ctx);
      expect(withTree.members).toEqual([{ deptId: top.id, includeChildren: true }]);
      await store.roles.setMembers('crm', flat.id, [{ deptId: top.id, includeChildren: false }], ctx);
      await store.roles.setMembers('other', other.id, [{ deptId: mid.id, includeChildren: true }], ctx);
      await expect(store.roles.setMembers('crm', flat.id, [{ deptId: top.id, includeChildren: false }, { userId: '00000000-0000-4000-8000-000000000000' }], ctx)).rejects.toMatchObject({
        code: 'ORG_USER_NOT_FOUND',
        details: [{ path: '/members/1/userId' }],
      });

      expect((await store.roles.rolesOf('crm', u, [leaf.id])).map((r) => r.key)).toEqual(['direct', 'tree']);
      expect((await store.roles.rolesOf('crm', u, [top.id])).map((r) => r.key)).toEqual(['direct', 'flat', 'tree']);
      expect((await store.roles.rolesOf('crm', u, [])).map((r) => r.key)).toEqual(['direct']);
      expect(await store.roles.appsOf(u, [leaf.id])).toEqual(['crm', 'other']);

      // a revoked membership stops at once
      await store.roles.setMembers('crm', tree.id, [], ctx);
      expect((await store.roles.rolesOf('crm', u, [leaf.id])).map((r) => r.key)).toEqual(['direct']);
    });

    it('updates with version, deletes, and audits every role write', async () => {
      const role = await store.roles.create('audited', { key: 'r', name: { en: 'R', 'zh-CN': '角色' }, description: 'd', forms: {} }, ctx);
      expect(role).toMatchObject({ app: 'audited', key: 'r', name: { en: 'R', 'zh-CN': '角色' }, description: 'd', design: false, forms: {}, version: 1, members: [] });
      const changed = await store.roles.update('audited', role.id, { version: 1, design: true, forms: { customer: { actions: ['view'], scope: { '==': [{ var: 'owner_id' }, { var: '$user.id' }] } } } }, ctx);
      expect(changed).toMatchObject({ design: true, version: 2, forms: { customer: { actions: ['view'] } } });
      await expect(store.roles.update('audited', role.id, { version: 1, design: false }, ctx)).rejects.toMatchObject({ code: 'ROLE_VERSION_CONFLICT', status: 409 });
      await expect(store.roles.get('crm', role.id)).rejects.toMatchObject({ code: 'ROLE_NOT_FOUND' });
      await store.roles.delete('audited', role.id, ctx);
      expect(await store.roles.list('audited')).toEqual([]);
      const audit = await store.db.selectFrom('trellis.audit_log').select(['action', 'app']).where('app', '=', 'audited').orderBy('id').execute();
      expect(audit.map((a) => a.action)).toEqual(['role_create', 'role_update', 'role_delete']);
    });

    it('publishing a package with roles creates only the roles the app does not have, in the publish', async () => {
      const roles = [
        { key: 'rep', name: 'Rep', forms: { customer: { actions: ['view' as const] } } },
        { key: 'boss', name: 'Boss', design: true, forms: {} },
      ];
      await store.apps.publish({ ...pkg('seeded', [customerForm()]), roles }, ctx);
      const first = await store.roles.list('seeded');
      expect(first.map((r) => [r.key, r.design])).toEqual([['boss', true], ['rep', false]]);
      const rep = first.find((r) => r.key === 'rep')!;
      await store.roles.update('seeded', rep.id, { version: rep.version, forms: {} }, ctx);
      await store.apps.publish({ ...pkg('seeded', [customerForm()], { description: 'v2' }), roles: [...roles, { key: 'new', name: 'New', forms: {} }] }, ctx);
      const second = await store.roles.list('seeded');
      expect(second.map((r) => r.key)).toEqual(['boss', 'new', 'rep']);
      // the edited role kept its edit
      expect(second.find((r) => r.key === 'rep')!.forms).toEqual({});
    });
  });
}
