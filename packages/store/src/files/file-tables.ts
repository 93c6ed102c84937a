import type { Generated } from 'kysely';

/**
 * `trellis.files`: one row per uploaded file. `record_id` is null until a record that
 * references the file is saved (and again after the record drops it); the bytes live in the
 * file store under the row's `id`, never under the user's file name.
 */
export interface FilesTable {
  id: string;
  app: string;
  form_key: string;
  field_id: string;
  record_id: string | null;
  name: string;
  size: number;
  mime_type: string;
  sha256: string;
  created_by: string | null;
  created_at: Generated<string>;
}

/** kysely's view of the files table, added with `db.withTables<FilesDatabase>()`. */
export type FilesDatabase = {
  'trellis.files': FilesTable;
};
