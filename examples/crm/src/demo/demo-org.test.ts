import { describe, expect, it } from 'vitest';
import { crmPackage } from '../crm-package.js';
import { DEMO_PASSWORD, DEMO_RECORD_OWNERS, demoOrganisation, seedDemoOrganisation, type DemoOrganisationApi, type RoleMemberInput } from './demo-org.js';
import { generateDemoRecords } from './generate-demo-records.js';

/** An in-memory stand-in for the organisation and role endpoints, recording every call. */
function fakeApi() {
  let next = 0;
  const id = (p: string) => `${p}-${(next += 1)}`;
  const departments: { id: string; parentId: string | null; name: string; sort: number; managerIds: readonly string[] }[] = [];
  const users: { id: string; username: string; password: string; deptIds: readonly string[]; primaryDeptId?: string }[] = [];
  const roles = crmPackage.roles!.map((r) => ({ id: id('role'), key: r.key, members: [] as readonly RoleMemberInput[] }));
  const calls: string[] = [];
  const api: DemoOrganisationApi = {
    listDepartments: async () => departments,
    createDepartment: async (input) => {
      calls.push(`createDepartment ${input.name}`);
      if (input.parentId !== null && !departments.some((d) => d.id === input.parentId)) throw new Error('parent first');
      const d = { id: id('dept'), managerIds: [], ...input };
      departments.push(d);
      return { id: d.id };
    },
    setDepartmentManagers: async (deptId, managerIds) => {
      departments.find((d) => d.id === deptId)!.managerIds = managerIds;
    },
    listUsers: async () => users,
    createUser: async (input) => {
      calls.push(`createUser ${input.username}`);
      const u = { id: id('user'), username: input.username, password: input.password, deptIds: [] };
      users.push(u);
      return { id: u.id };
    },
    setUserDepartments: async (userId, input) => {
      Object.assign(users.find((u) => u.id === userId)!, input);
    },
    listRoles: async (app) => (app === 'crm' ? roles : []),
    setRoleMembers: async (_app, roleId, members) => {
      roles.find((r) => r.id === roleId)!.members = members;
    },
  };
  return { api, departments, users, roles, calls };
}

describe('the demo organisation', () => {
  it('has the sales tree 销售部 → 华东大区 → 上海办事处, Chinese display names and roles of the CRM package', () => {
    const byKey = new Map(demoOrganisation.departments.map((d) => [d.key, d]));
    expect(byKey.get('shanghai')).toMatchObject({ name: '上海办事处', parent: 'east' });
    expect(byKey.get('east')).toMatchObject({ name: '华东大区', parent: 'sales' });
    expect(byKey.get('north')).toMatchObject({ name: '华北大区', parent: 'sales' });
    const roleKeys = new Set(crmPackage.roles!.map((r) => r.key));
    for (const u of demoOrganisation.users) {
      expect(u.displayName).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      expect(roleKeys.has(u.role), u.role).toBe(true);
      expect(byKey.has(u.department), u.department).toBe(true);
    }
    expect(Object.keys(demoOrganisation.roleMembers).sort()).toEqual([...roleKeys].sort());
    expect(demoOrganisation.password).toBe('Trellis-demo-2026');
  });

  it('seeds departments parents first, users with their department, managers and role members', async () => {
    const { api, departments, users, roles } = fakeApi();
    const seeded = await seedDemoOrganisation(api);
    expect(seeded.created).toEqual({ departments: 8, users: 9 });
    const shanghai = departments.find((d) => d.name === '上海办事处')!;
    const east = departments.find((d) => d.name === '华东大区')!;
    expect(shanghai.parentId).toBe(east.id);
    expect(east.managerIds).toEqual([seeded.userIds['qianwei']]);
    const sunli = users.find((u) => u.username === 'sunli')!;
    expect(sunli).toMatchObject({ password: DEMO_PASSWORD, deptIds: [shanghai.id], primaryDeptId: shanghai.id });
    expect(seeded.userDepartmentIds['sunli']).toBe(shanghai.id);
    const members = Object.fromEntries(roles.map((r) => [r.key, r.members]));
    expect(members['sales_rep']).toEqual([{ deptId: seeded.departmentIds['sales'], includeChildren: true }]);
    expect(members['sales_manager']).toEqual([{ userId: seeded.userIds['qianwei'] }, { userId: seeded.userIds['wuhao'] }]);
    expect(members['sales_director']).toEqual([{ userId: seeded.userIds['zhaomin'] }]);
  });

  it('is idempotent: a second run reuses the departments and users it finds', async () => {
    const fake = fakeApi();
    const first = await seedDemoOrganisation(fake.api);
    fake.calls.length = 0;
    const second = await seedDemoOrganisation(fake.api);
    expect(second.created).toEqual({ departments: 0, users: 0 });
    expect(fake.calls).toEqual([]);
    expect(second.userIds).toEqual(first.userIds);
    expect(fake.departments).toHaveLength(8);
  });

  it('refuses to seed role members when the app has no such role (the package was not imported)', async () => {
    const fake = fakeApi();
    await expect(seedDemoOrganisation(fake.api, 'other')).rejects.toThrow(/app 'other' has no role 'sales_rep'; import the CRM package/);
  });

  it('owns the demo records: by region, public-pool customers and returned leads without owner, contacts with their customer', () => {
    const plain = generateDemoRecords(7);
    const owned = generateDemoRecords(7, {}, { owners: DEMO_RECORD_OWNERS });
    expect(plain.owners).toBeUndefined();
    expect({ ...owned, owners: undefined }).toEqual({ ...plain, owners: undefined });
    const o = owned.owners!;
    for (const form of ['customer', 'contact', 'lead', 'opportunity'] as const) expect(o[form]).toHaveLength(owned[form].length);
    const usernames = new Set(DEMO_RECORD_OWNERS.map((x) => x.username));
    owned.customer.forEach((c, i) => {
      if (c['in_public_pool'] === true) expect(o.customer[i]).toBeNull();
      else expect(usernames.has(o.customer[i]!)).toBe(true);
      if (c['region'] === 'north' && o.customer[i] !== null) expect(['wuhao', 'zhengyu']).toContain(o.customer[i]);
    });
    owned.lead.forEach((l, i) => expect(o.lead[i] === null).toBe(l['status'] === 'returned'));
    expect(o.opportunity.every((u) => u !== null && usernames.has(u))).toBe(true);
    // contacts follow their customer: same customer name → same owner
    const ownerOfCustomer = new Map(owned.customer.map((c, i) => [c['name'], o.customer[i]]));
    owned.contact.forEach((c, i) => expect(o.contact[i]).toBe(ownerOfCustomer.get(c['customer_name'])));
    expect(new Set(o.customer.filter(Boolean)).size).toBeGreaterThan(3);
  });
});
