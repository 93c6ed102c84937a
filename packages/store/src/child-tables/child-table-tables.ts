import type { Kysely } from 'kysely';
import type { SystemDatabase } from '../system-tables.js';

/**
 * `trellis.app_child_tables`: the child table of each sub-table field, keyed by the parent
 * form and the field's stable `id` (renaming the field's key keeps the table and its rows);
 * a removed sub-table field is hidden, never dropped.
 */
export interface AppChildTablesTable {
  app: string;
  form_key: string;
  field_id: string;
  field_key: string;
  table_name: string;
  hidden: boolean;
  since_version: number;
}

/** `trellis.app_child_columns`: the column of each row column of a sub-table, keyed by the column's `id`. */
export interface AppChildColumnsTable {
  app: string;
  form_key: string;
  parent_field_id: string;
  field_id: string;
  field_key: string;
  column_name: string;
  value_type: string;
  hidden: boolean;
  since_version: number;
}

/** kysely's view of the child-table metadata, added with `db.withTables<ChildTablesDatabase>()`. */
export type ChildTablesDatabase = {
  'trellis.app_child_tables': AppChildTablesTable;
  'trellis.app_child_columns': AppChildColumnsTable;
};

/** A database handle that sees the system tables and the child-table metadata. */
export type ChildTablesDb = Kysely<SystemDatabase & ChildTablesDatabase>;

/** `db` with the child-table metadata tables typed. */
export function withChildTables(db: Kysely<SystemDatabase>): ChildTablesDb {
  return db.withTables<ChildTablesDatabase>();
}
