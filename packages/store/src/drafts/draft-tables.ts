import type { ColumnType } from 'kysely';

/** `trellis.app_drafts`: the draft package of an app being designed. */
export interface AppDraftsTable {
  app: string;
  revision: number;
  package: ColumnType<unknown, string, string>;
  updated_at: ColumnType<string, string | undefined, string>;
  updated_by: string | null;
}

/** kysely's view of the draft table, added with `db.withTables<DraftsDatabase>()`. */
export type DraftsDatabase = {
  'trellis.app_drafts': AppDraftsTable;
};
