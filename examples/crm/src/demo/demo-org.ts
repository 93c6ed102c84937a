import type { DemoOwner } from './generate-demo-records.js';

/**
 * The demo organisation of the CRM template: departments, people and which of the app's
 * roles they hold — data, so a local trial opens with accounts to log in as. The accounts
 * share one documented password; they are for local trials only (see the README).
 */

/** The password of every demo account. For local trials only: change or suspend the accounts on any shared server. */
export const DEMO_PASSWORD = 'Trellis-demo-2026';

/** A department of the demo organisation; `key` names it within this file only. */
export interface DemoDepartment {
  readonly key: string;
  readonly name: string;
  /** The `key` of the parent department; absent for a top-level department. */
  readonly parent?: string;
  readonly sort: number;
  /** Usernames of the department's managers (their `$user.managedDeptTree` starts here). */
  readonly managers: readonly string[];
}

/** A demo account. */
export interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
  /** The `key` of the user's (primary and only) department. */
  readonly department: string;
  /** The role the account is meant to show (the keys of `app.json`'s roles). */
  readonly role: string;
  /** The sales regions (customer `region` values) whose demo records the account owns, if any. */
  readonly regions?: readonly string[];
  /** What to try with this account, for the README and the login page of a trial. */
  readonly note: { readonly 'zh-CN': string; readonly en: string };
}

/** Who holds a role: users by name, or every member of a department (and, optionally, of those below it). */
export type DemoRoleMember = { readonly user: string } | { readonly department: string; readonly includeChildren: boolean };

/** The whole demo organisation. */
export interface DemoOrganisation {
  readonly password: string;
  readonly departments: readonly DemoDepartment[];
  readonly users: readonly DemoUser[];
  /** Role key (of the CRM app) → members. */
  readonly roleMembers: Readonly<Record<string, readonly DemoRoleMember[]>>;
}

const note = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/**
 * 销售部 → 华东大区 → 上海办事处 / 杭州办事处, 销售部 → 华北大区 → 北京办事处, 市场部, 客户服务部;
 * a director, two regional managers, four reps, a marketing specialist and a service agent.
 * Every rep holds `sales_rep` through the sales department (with its sub-departments); the
 * managers and the director hold their own role on top (roles combine by union).
 *
 * @example
 * demoOrganisation.users.find((u) => u.role === 'sales_manager')?.username; // 'qianwei'
 */
export const demoOrganisation: DemoOrganisation = {
  password: DEMO_PASSWORD,
  departments: [
    { key: 'sales', name: '销售部', sort: 1, managers: ['zhaomin'] },
    { key: 'east', name: '华东大区', parent: 'sales', sort: 1, managers: ['qianwei'] },
    { key: 'shanghai', name: '上海办事处', parent: 'east', sort: 1, managers: [] },
    { key: 'hangzhou', name: '杭州办事处', parent: 'east', sort: 2, managers: [] },
    { key: 'north', name: '华北大区', parent: 'sales', sort: 2, managers: ['wuhao'] },
    { key: 'beijing', name: '北京办事处', parent: 'north', sort: 1, managers: [] },
    { key: 'marketing', name: '市场部', sort: 2, managers: ['wangfang'] },
    { key: 'service', name: '客户服务部', sort: 3, managers: ['chenjing'] },
  ],
  users: [
    { username: 'zhaomin', displayName: '赵敏', email: 'zhaomin@demo.trellis.local', department: 'sales', role: 'sales_director', note: note('销售总监：看全部数据，可导出', 'Sales director: sees everything, may export') },
    { username: 'qianwei', regions: ['east'], displayName: '钱伟', email: 'qianwei@demo.trellis.local', department: 'east', role: 'sales_manager', note: note('华东大区销售经理：看华东大区（上海、杭州）的全部记录', 'East China sales manager: sees every record of East China (Shanghai, Hangzhou)') },
    { username: 'wuhao', regions: ['north'], displayName: '吴昊', email: 'wuhao@demo.trellis.local', department: 'north', role: 'sales_manager', note: note('华北大区销售经理：看华北大区（北京）的全部记录', 'North China sales manager: sees every record of North China (Beijing)') },
    { username: 'sunli', regions: ['east'], displayName: '孙丽', email: 'sunli@demo.trellis.local', department: 'shanghai', role: 'sales_rep', note: note('上海销售代表：只看自己的客户和公海', 'Shanghai sales rep: sees own customers and the public pool') },
    { username: 'liqiang', regions: ['east'], displayName: '李强', email: 'liqiang@demo.trellis.local', department: 'shanghai', role: 'sales_rep', note: note('上海销售代表', 'Shanghai sales rep') },
    { username: 'zhoujie', regions: ['east'], displayName: '周杰', email: 'zhoujie@demo.trellis.local', department: 'hangzhou', role: 'sales_rep', note: note('杭州销售代表', 'Hangzhou sales rep') },
    { username: 'zhengyu', regions: ['north'], displayName: '郑宇', email: 'zhengyu@demo.trellis.local', department: 'beijing', role: 'sales_rep', note: note('北京销售代表', 'Beijing sales rep') },
    { username: 'wangfang', displayName: '王芳', email: 'wangfang@demo.trellis.local', department: 'marketing', role: 'marketing', note: note('市场专员：管理线索，客户电话脱敏', 'Marketing: manages leads, customer phones masked') },
    { username: 'chenjing', displayName: '陈静', email: 'chenjing@demo.trellis.local', department: 'service', role: 'customer_service', note: note('客服专员：只读客户和联系人，可记录互动', 'Customer service: reads customers and contacts, records interactions') },
  ],
  roleMembers: {
    sales_rep: [{ department: 'sales', includeChildren: true }],
    sales_manager: [{ user: 'qianwei' }, { user: 'wuhao' }],
    sales_director: [{ user: 'zhaomin' }],
    marketing: [{ department: 'marketing', includeChildren: true }],
    customer_service: [{ department: 'service', includeChildren: true }],
  },
};

/**
 * The accounts that own CRM records in the demo data (reps and managers, with their
 * regions), for `generateDemoRecords(seed, sizes, { owners: DEMO_RECORD_OWNERS })`.
 */
export const DEMO_RECORD_OWNERS: readonly DemoOwner[] = demoOrganisation.users
  .filter((u) => u.regions !== undefined)
  .map((u) => ({ username: u.username, regions: u.regions! }));

/** A member of a role as `PUT /api/apps/:app/roles/:id/members` takes it. */
export type RoleMemberInput = { readonly userId: string } | { readonly deptId: string; readonly includeChildren: boolean };

/**
 * What `seedDemoOrganisation` needs: the organisation and role endpoints of the HTTP API
 * (an admin's session or API key), one method per call. The server's wiring implements
 * it with `fetch` or `app.inject`.
 */
export interface DemoOrganisationApi {
  /** `GET /api/departments` */
  listDepartments(): Promise<readonly { readonly id: string; readonly parentId: string | null; readonly name: string }[]>;
  /** `POST /api/departments` → the new department's id. */
  createDepartment(input: { readonly name: string; readonly parentId: string | null; readonly sort: number }): Promise<{ readonly id: string }>;
  /** `PATCH /api/departments/:id { version, managerIds }` (the implementation reads the version). */
  setDepartmentManagers(deptId: string, managerIds: readonly string[]): Promise<void>;
  /** `GET /api/users` */
  listUsers(): Promise<readonly { readonly id: string; readonly username: string }[]>;
  /** `POST /api/users` → the new user's id. */
  createUser(input: { readonly username: string; readonly displayName: string; readonly password: string; readonly email: string; readonly locale: string }): Promise<{ readonly id: string }>;
  /** `PUT /api/users/:id/departments` */
  setUserDepartments(userId: string, input: { readonly deptIds: readonly string[]; readonly primaryDeptId: string }): Promise<void>;
  /** `GET /api/apps/:app/roles` */
  listRoles(app: string): Promise<readonly { readonly id: string; readonly key: string }[]>;
  /** `PUT /api/apps/:app/roles/:id/members` */
  setRoleMembers(app: string, roleId: string, members: readonly RoleMemberInput[]): Promise<void>;
}

/** One JSON call of the HTTP API as an administrator: method, path, body → the parsed response (throws on an error status). */
export type AdminRequest = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body?: object) => Promise<any>;

/**
 * {@link DemoOrganisationApi} over the HTTP API, given one way to make an administrator's
 * JSON request (`fetch` with a session, or `app.inject`).
 *
 * @example
 * const api = organisationApiOver((method, path, body) => inject(method, path, body));
 * await seedDemoOrganisation(api, 'crm');
 */
export function organisationApiOver(call: AdminRequest): DemoOrganisationApi {
  return {
    listDepartments: async () => (await call('GET', '/api/departments')).items,
    createDepartment: (input) => call('POST', '/api/departments', input),
    async setDepartmentManagers(deptId, managerIds) {
      const dept = ((await call('GET', '/api/departments')).items as { id: string; version: number }[]).find((d) => d.id === deptId);
      if (dept === undefined) throw new Error(`[example-crm] department ${deptId} is gone`);
      await call('PATCH', `/api/departments/${deptId}`, { version: dept.version, managerIds });
    },
    listUsers: async () => (await call('GET', '/api/users')).items,
    createUser: (input) => call('POST', '/api/users', input),
    setUserDepartments: async (userId, input) => void (await call('PUT', `/api/users/${userId}/departments`, input)),
    listRoles: async (app) => (await call('GET', `/api/apps/${app}/roles`)).items,
    setRoleMembers: async (app, roleId, members) => void (await call('PUT', `/api/apps/${app}/roles/${roleId}/members`, { members })),
  };
}

/** What `seedDemoOrganisation` did: the ids it created or found, by department key and username. */
export interface SeededOrganisation {
  readonly departmentIds: Readonly<Record<string, string>>;
  readonly userIds: Readonly<Record<string, string>>;
  /** The primary department id of each user, by username (for the `dept_id` of their records). */
  readonly userDepartmentIds: Readonly<Record<string, string>>;
  readonly created: { readonly departments: number; readonly users: number };
}

/**
 * Creates the demo organisation through the API: departments (parents first), users with
 * their department, department managers, and the members of the CRM app's roles (the
 * package must be imported first, so its roles exist). Idempotent: departments (same name
 * under the same parent) and users (same username) that exist are reused, not duplicated;
 * an existing user keeps their password. Role members are replaced by the demo's.
 *
 * @example
 * const seeded = await seedDemoOrganisation(httpApi, 'crm');
 * seeded.userIds['sunli']; // the id to own Sun Li's demo records
 */
export async function seedDemoOrganisation(api: DemoOrganisationApi, app = 'crm', org: DemoOrganisation = demoOrganisation): Promise<SeededOrganisation> {
  const departmentIds: Record<string, string> = {};
  const existingDepartments = await api.listDepartments();
  let createdDepartments = 0;
  for (const d of org.departments) {
    const parentId = d.parent === undefined ? null : departmentIds[d.parent];
    if (parentId === undefined) throw new Error(`[example-crm] demo department '${d.key}' names parent '${String(d.parent)}', which comes later or does not exist; list parents first`);
    const found = existingDepartments.find((e) => e.name === d.name && (e.parentId ?? null) === parentId);
    if (found) departmentIds[d.key] = found.id;
    else {
      departmentIds[d.key] = (await api.createDepartment({ name: d.name, parentId, sort: d.sort })).id;
      createdDepartments += 1;
    }
  }

  const userIds: Record<string, string> = {};
  const userDepartmentIds: Record<string, string> = {};
  const existingUsers = new Map((await api.listUsers()).map((u) => [u.username.toLowerCase(), u.id] as const));
  let createdUsers = 0;
  for (const u of org.users) {
    const deptId = departmentIds[u.department];
    if (deptId === undefined) throw new Error(`[example-crm] demo user '${u.username}' is in department '${u.department}', which the demo organisation does not define`);
    let id = existingUsers.get(u.username.toLowerCase());
    if (id === undefined) {
      id = (await api.createUser({ username: u.username, displayName: u.displayName, password: org.password, email: u.email, locale: 'zh-CN' })).id;
      createdUsers += 1;
    }
    await api.setUserDepartments(id, { deptIds: [deptId], primaryDeptId: deptId });
    userIds[u.username] = id;
    userDepartmentIds[u.username] = deptId;
  }

  for (const d of org.departments) {
    if (d.managers.length === 0) continue;
    await api.setDepartmentManagers(departmentIds[d.key]!, d.managers.map((m) => userIdOf(userIds, m)));
  }

  const roles = new Map((await api.listRoles(app)).map((r) => [r.key, r.id] as const));
  for (const [key, members] of Object.entries(org.roleMembers)) {
    const roleId = roles.get(key);
    if (roleId === undefined) throw new Error(`[example-crm] app '${app}' has no role '${key}'; import the CRM package (with its roles) before seeding the demo organisation`);
    await api.setRoleMembers(
      app,
      roleId,
      members.map((m) => ('user' in m ? { userId: userIdOf(userIds, m.user) } : { deptId: departmentIdOf(departmentIds, m.department), includeChildren: m.includeChildren })),
    );
  }
  return { departmentIds, userIds, userDepartmentIds, created: { departments: createdDepartments, users: createdUsers } };
}

function userIdOf(ids: Readonly<Record<string, string>>, username: string): string {
  const id = ids[username];
  if (id === undefined) throw new Error(`[example-crm] the demo organisation names user '${username}', which it does not define`);
  return id;
}

function departmentIdOf(ids: Readonly<Record<string, string>>, key: string): string {
  const id = ids[key];
  if (id === undefined) throw new Error(`[example-crm] the demo organisation names department '${key}', which it does not define`);
  return id;
}
