import type { FieldAccess, FormPermission, LocalizedText, PermissionAction, RoleDef } from '@trellis/schema';
import { api } from '../api/api.js';
import type { Department } from './department-tree.js';
import type { HistoryEntry } from './record-history.js';

const seg = encodeURIComponent;

export type { Me } from '../api/api-client.js';

/** A person as the directory names them (`GET /api/users/directory`, for any logged-in user). */
export interface DirectoryUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
}

/** A user account as the users API returns it. */
export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly isAdmin: boolean;
  readonly status: 'active' | 'suspended';
  readonly locale: string | null;
  readonly deptIds: readonly string[];
  readonly primaryDeptId: string | null;
  readonly createdAt: string;
  readonly version: number;
}

/** The body of `POST /api/users`. */
export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly email?: string;
  readonly isAdmin?: boolean;
  readonly locale?: string;
}

/** The body of `PATCH /api/users/:id`: `version` and what changes. */
export interface UserPatch {
  readonly version: number;
  readonly displayName?: string;
  readonly email?: string | null;
  readonly status?: 'active' | 'suspended';
  readonly isAdmin?: boolean;
  readonly password?: string;
  readonly locale?: string | null;
}

/** A role member: a user, or a department (with or without the ones below it). */
export type RoleMember = { readonly userId: string } | { readonly deptId: string; readonly includeChildren: boolean };

/** A role of an app as stored: its definition, members and version. */
export interface Role extends RoleDef {
  readonly id: string;
  readonly app: string;
  readonly version: number;
  readonly members: readonly RoleMember[];
}

/** The body of `PATCH /api/apps/:app/roles/:id`. */
export interface RolePatch {
  readonly version: number;
  readonly name?: LocalizedText;
  readonly description?: LocalizedText;
  readonly design?: boolean;
  readonly forms?: Readonly<Record<string, FormPermission>>;
}

/** What the caller may do in an app (`GET /api/apps/:app/permissions`). */
export interface EffectivePermissions {
  readonly isAdmin: boolean;
  readonly design: boolean;
  readonly roles: readonly string[];
  readonly forms: Readonly<Record<string, { readonly actions: readonly PermissionAction[]; readonly fields: Readonly<Record<string, FieldAccess>> }>>;
}

/** An API key of the caller (never its secret). */
export interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly apps: readonly string[] | null;
  readonly actions: readonly PermissionAction[] | null;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

/** The body of `POST /api/auth/api-keys`. */
export interface NewApiKey {
  readonly name: string;
  readonly apps?: readonly string[] | null;
  readonly actions?: readonly PermissionAction[] | null;
  readonly expiresAt?: string;
}

/** One row of the audit log. */
export interface AuditEntry extends HistoryEntry {
  readonly app: string | null;
  readonly form: string | null;
  readonly recordId: string | null;
}

/**
 * The management pages' server calls, one function per route of the identity,
 * organisation, permissions and audit API (see docs/decisions/0017-admin-pages.md).
 *
 * @example const { items } = await adminApi.listUsers('li');
 */
export const adminApi = {

  directory: (q = '') => api.request<{ items: DirectoryUser[] }>('GET', `/api/users/directory${q.trim() ? `?q=${seg(q.trim())}` : ''}`),
  listUsers: (q = '') => api.request<{ items: User[] }>('GET', `/api/users${q.trim() ? `?q=${seg(q.trim())}` : ''}`),
  createUser: (body: NewUser) => api.request<User>('POST', '/api/users', body),
  updateUser: (id: string, patch: UserPatch) => api.request<User>('PATCH', `/api/users/${seg(id)}`, patch),
  setUserDepartments: (id: string, deptIds: readonly string[], primaryDeptId: string | null) =>
    api.request<{ deptIds: string[]; primaryDeptId: string | null }>('PUT', `/api/users/${seg(id)}/departments`, { deptIds, primaryDeptId }),

  listDepartments: () => api.request<{ items: Department[] }>('GET', '/api/departments'),
  createDepartment: (body: { name: string; parentId?: string | null; sort?: number }) => api.request<Department>('POST', '/api/departments', body),
  updateDepartment: (id: string, patch: { version: number; name?: string; parentId?: string | null; sort?: number; managerIds?: readonly string[] }) =>
    api.request<Department>('PATCH', `/api/departments/${seg(id)}`, patch),
  deleteDepartment: (id: string) => api.request<void>('DELETE', `/api/departments/${seg(id)}`),

  listRoles: (app: string) => api.request<{ items: Role[] }>('GET', `/api/apps/${seg(app)}/roles`),
  createRole: (app: string, role: RoleDef) => api.request<Role>('POST', `/api/apps/${seg(app)}/roles`, role),
  updateRole: (app: string, id: string, patch: RolePatch) => api.request<Role>('PATCH', `/api/apps/${seg(app)}/roles/${seg(id)}`, patch),
  deleteRole: (app: string, id: string) => api.request<void>('DELETE', `/api/apps/${seg(app)}/roles/${seg(id)}`),
  setRoleMembers: (app: string, id: string, members: readonly RoleMember[]) => api.request<Role>('PUT', `/api/apps/${seg(app)}/roles/${seg(id)}/members`, { members }),
  permissions: (app: string) => api.request<EffectivePermissions>('GET', `/api/apps/${seg(app)}/permissions`),

  listApiKeys: () => api.request<{ items: ApiKey[] }>('GET', '/api/auth/api-keys'),
  createApiKey: (body: NewApiKey) => api.request<{ key: ApiKey; secret: string }>('POST', '/api/auth/api-keys', body),
  revokeApiKey: (id: string) => api.request<void>('DELETE', `/api/auth/api-keys/${seg(id)}`),

  /** `GET /api/audit?…`; `query` from `auditQuery`. */
  audit: (query: string) => api.request<{ items: AuditEntry[]; nextBeforeId: number | null }>('GET', `/api/audit${query ? `?${query}` : ''}`),
  recordHistory: (app: string, form: string, id: string) =>
    api.request<{ items: HistoryEntry[] }>('GET', `/api/apps/${seg(app)}/forms/${seg(form)}/records/${seg(id)}/history`),
};
