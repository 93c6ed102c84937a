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
  app: string;
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

/** kysely's view of the system tables. App tables are dynamic and reached through `Kysely<any>`. */
export interface SystemDatabase {
  'trellis.apps': AppsTable;
  'trellis.app_versions': AppVersionsTable;
  'trellis.app_forms': AppFormsTable;
  'trellis.app_fields': AppFieldsTable;
  'trellis.audit_log': AuditLogTable;
  'trellis.serial_counters': SerialCountersTable;
}

/** The database handle the store passes around (a `Kysely` or a transaction of one). */
export type StoreDb = Kysely<SystemDatabase>;
