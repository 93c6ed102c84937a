import { sql, type Kysely, type Migration } from 'kysely';
import { SYSTEM_SCHEMA } from '../system-tables.js';

/**
 * Creates `trellis.public_links` (a form published under a random token, with its options)
 * and `trellis.public_link_claims` (the normalised values already used for "one submission
 * per phone/email", hashed, unique per form and field).
 */
export const publicLinksMigration: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    const s = db.schema.withSchema(SYSTEM_SCHEMA);
    await s
      .createTable('public_links')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('token', 'text', (c) => c.notNull().unique())
      .addColumn('app', 'text', (c) => c.notNull())
      .addColumn('form_key', 'text', (c) => c.notNull())
      .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
      .addColumn('thank_you', 'jsonb')
      .addColumn('one_per_field', 'text')
      .addColumn('fields', 'jsonb')
      .addColumn('expires_at', sql`timestamptz(3)`)
      .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('created_by', 'text')
      .execute();
    await s.createIndex('public_links_form_idx').on('public_links').columns(['app', 'form_key', 'created_at']).execute();

    await s
      .createTable('public_link_claims')
      .addColumn('app', 'text', (c) => c.notNull())
      .addColumn('form_key', 'text', (c) => c.notNull())
      .addColumn('field_key', 'text', (c) => c.notNull())
      .addColumn('value_hash', 'text', (c) => c.notNull())
      .addColumn('link_id', 'uuid', (c) => c.notNull())
      .addColumn('record_id', 'uuid')
      .addColumn('claimed_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('public_link_claims_pk', ['app', 'form_key', 'field_key', 'value_hash'])
      .execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.withSchema(SYSTEM_SCHEMA).dropTable('public_link_claims').ifExists().execute();
    await db.schema.withSchema(SYSTEM_SCHEMA).dropTable('public_links').ifExists().execute();
  },
};
