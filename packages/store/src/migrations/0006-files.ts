import { sql, type Kysely, type Migration } from 'kysely';
import { SYSTEM_SCHEMA } from '../system-tables.js';

/**
 * Creates `trellis.files`: uploaded files of attachment, image and signature fields (the bytes
 * are in the file store, named by `id`), with the record they are attached to once saved.
 */
export const filesMigration: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    const s = db.schema.withSchema(SYSTEM_SCHEMA);
    await s
      .createTable('files')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('app', 'text', (c) => c.notNull())
      .addColumn('form_key', 'text', (c) => c.notNull())
      .addColumn('field_id', 'text', (c) => c.notNull())
      .addColumn('record_id', 'uuid')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('mime_type', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await s.createIndex('files_record_idx').on('files').columns(['record_id', 'field_id']).execute();
    await s.createIndex('files_unattached_idx').on('files').column('created_at').where(sql.ref('record_id'), 'is', null).execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.withSchema(SYSTEM_SCHEMA).dropTable('files').ifExists().execute();
  },
};
