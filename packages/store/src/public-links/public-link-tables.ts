import type { ColumnType, Generated } from 'kysely';

/** `trellis.public_links`: one row per public link of a form. */
export interface PublicLinksTable {
  id: string;
  token: string;
  app: string;
  form_key: string;
  enabled: Generated<boolean>;
  thank_you: ColumnType<unknown, string | null, string | null>;
  one_per_field: string | null;
  fields: ColumnType<unknown, string | null, string | null>;
  expires_at: string | null;
  created_at: Generated<string>;
  updated_at: ColumnType<string, string | undefined, string>;
  created_by: string | null;
}

/** `trellis.public_link_claims`: a normalised value (hashed) already submitted for a form's field. */
export interface PublicLinkClaimsTable {
  app: string;
  form_key: string;
  field_key: string;
  value_hash: string;
  link_id: string;
  record_id: string | null;
  claimed_at: Generated<string>;
}

/**
 * kysely's view of the public-link tables, added to the store's handle with
 * `db.withTables<PublicLinksDatabase>()` (kept apart from `SystemDatabase` so the feature
 * stays in its own files).
 */
export type PublicLinksDatabase = {
  'trellis.public_links': PublicLinksTable;
  'trellis.public_link_claims': PublicLinkClaimsTable;
};
