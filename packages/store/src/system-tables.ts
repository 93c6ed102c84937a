import type { ColumnType, Generated, Kysely } from 'kysely';

/** The Postgres schema holding the store's own tables. */
export const SYSTEM_SCHEMA = 'trellis';

/** `trellis.apps`: one row per app, pointing at its live version. */
export interface AppsTable {
  key: string;
  current_version: number;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

/** `trellis.app_versions`: every published package, immutable once written. */
export interface AppVersionsTable {
  app: string;
  version: number;
  package: ColumnType<unknown, string, never>;
  published_at: Generated<string>;
  published_by: string | null;
}

/** `trellis.app_forms`: which table holds a form's records; a removed form is hidden, not dropped. */
export interface AppFormsTable {
  app: string;
  form_key: string;
  table_name: string;
  hidden: boolean;
  since_version: number;
}

/**
 * `trellis.app_fields`: the column of each value-holding field, keyed by the field's stable
 * `id` so that renaming the field's `key` keeps its column and data.
 */
export interface AppFieldsTable {
  app: string;
  form_key: string;
  field_id: string;
  field_key: string;
  column_name: string;
  value_type: string;
  hidden: boolean;
  since_version: number;
}

/** `trellis.audit_log`: one row per write, committed with the write. */
export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<string>;
  actor: string | null;
  action: string;
  /** null for rows that belong to no app: logins, users, departments. */
  app: string | null;
  form: string | null;
  record_id: string | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  ip: string | null;
}

/** `trellis.serial_counters`: the last serial number drawn per field and counter period. */
export interface SerialCountersTable {
  app: string;
  form_key: string;
  field_id: string;
  period: string;
  value: ColumnType<string | number, number, number>;
}

/** `trellis.users`: local accounts. `credentials_changed_at` ends older sessions. */
export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  /** argon2id hash; null: cannot log in with a password. */
  password_hash: string | null;
  is_admin: Generated<boolean>;
  status: Generated<'active' | 'suspended'>;
  locale: string | null;
  failed_logins: Generated<number>;
  locked_until: string | null;
  credentials_changed_at: Generated<string>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
  version: Generated<number>;
}

/** `trellis.setup`: one-time steps done (`first_admin`), so each runs exactly once. */
export interface SetupTable {
  step: string;
  done_at: Generated<string>;
}

/** `trellis.departments`: the organisation tree. */
export interface DepartmentsTable {
  id: Generated<string>;
  parent_id: string | null;
  name: string;
  sort: Generated<number>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
  version: Generated<number>;
}

/** `trellis.department_managers`: who manages a department (and so its whole subtree). */
export interface DepartmentManagersTable {
  dept_id: string;
  user_id: string;
}

/** `trellis.user_departments`: a user belongs to one or more departments; one is primary. */
export interface UserDepartmentsTable {
  user_id: string;
  dept_id: string;
  is_primary: Generated<boolean>;
}

/** `trellis.sessions`: logged-in browsers; the cookie holds the token, the row its SHA-256. */
export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<string>;
  last_seen_at: Generated<string>;
  /** Absolute expiry; idle expiry is `last_seen_at` + the idle timeout. */
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

/** `trellis.api_keys`: integrators' bearer tokens, stored as SHA-256 of the secret. */
export interface ApiKeysTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  /** The first characters of the token, shown in lists to recognise it. */
  prefix: string;
  secret_hash: string;
  /** App keys the key may reach; null: every app its user may reach. */
  apps: ColumnType<string[] | null, string | null, string | null>;
  /** Permission actions the key may use; null: every action its user holds. */
  actions: ColumnType<string[] | null, string | null, string | null>;
  created_at: Generated<string>;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

/** `trellis.roles`: roles of an app with their rights (`forms`: form key → FormPermission). */
export interface RolesTable {
  id: Generated<string>;
  app: string;
  key: string;
  name: ColumnType<unknown, string, string>;
  description: ColumnType<unknown, string | null, string | null>;
  design: Generated<boolean>;
  forms: ColumnType<unknown, string, string>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
  version: Generated<number>;
}

/** `trellis.role_members`: a user, or a whole department (with or without its subtree). */
export interface RoleMembersTable {
  id: Generated<string>;
  role_id: string;
  user_id: string | null;
  dept_id: string | null;
  include_children: Generated<boolean>;
}

/** kysely's view of the system tables. App tables are dynamic and reached through `Kysely<any>`. */
export interface SystemDatabase {
  'trellis.apps': AppsTable;
  'trellis.app_versions': AppVersionsTable;
  'trellis.app_forms': AppFormsTable;
  'trellis.app_fields': AppFieldsTable;
  'trellis.audit_log': AuditLogTable;
  'trellis.serial_counters': SerialCountersTable;
  'trellis.users': UsersTable;
  'trellis.setup': SetupTable;
  'trellis.departments': DepartmentsTable;
  'trellis.department_managers': DepartmentManagersTable;
  'trellis.user_departments': UserDepartmentsTable;
  'trellis.sessions': SessionsTable;
  'trellis.api_keys': ApiKeysTable;
  'trellis.roles': RolesTable;
  'trellis.role_members': RoleMembersTable;
}

/** The database handle the store passes around (a `Kysely` or a transaction of one). */
export type StoreDb = Kysely<SystemDatabase>;
