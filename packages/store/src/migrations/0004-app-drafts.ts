import { sql, type Kysely, type Migration } from 'kysely';
import { SYSTEM_SCHEMA } from '../system-tables.js';

/**
 * Creates `trellis.app_drafts`: the one draft app package per app that the form designer
 * edits, with a revision number for optimistic concurrency.
 */
export const appDraftsMigration: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .withSchema(SYSTEM_SCHEMA)
      .createTable('app_drafts')
      .addColumn('app', 'text', (c) => c.primaryKey())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('package', 'jsonb', (c) => c.notNull())
      .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_by', 'text')
      .execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.withSchema(SYSTEM_SCHEMA).dropTable('app_drafts').ifExists().execute();
  },
};
