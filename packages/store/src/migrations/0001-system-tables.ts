import { sql, type Kysely, type Migration } from 'kysely';
import { SYSTEM_SCHEMA } from '../system-tables.js';

/** Creates the schema `trellis` with apps, versions, form/field mappings and the audit log. */
export const systemTablesMigration: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    const s = db.schema.withSchema(SYSTEM_SCHEMA);
    await db.schema.createSchema(SYSTEM_SCHEMA).ifNotExists().execute();

    await s
      .createTable('apps')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('current_version', 'integer', (c) => c.notNull())
      .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
      .execute();

    await s
      .createTable('app_versions')
      .addColumn('app', 'text', (c) => c.notNull().references(`${SYSTEM_SCHEMA}.apps.key`))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('package', 'jsonb', (c) => c.notNull())
      .addColumn('published_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('published_by', 'text')
      .addPrimaryKeyConstraint('app_versions_pk', ['app', 'version'])
      .execute();

    await s
      .createTable('app_forms')
      .addColumn('app', 'text', (c) => c.notNull().references(`${SYSTEM_SCHEMA}.apps.key`))
      .addColumn('form_key', 'text', (c) => c.notNull())
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('hidden', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('since_version', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('app_forms_pk', ['app', 'form_key'])
      .addUniqueConstraint('app_forms_table_unique', ['app', 'table_name'])
      .execute();

    await s
      .createTable('app_fields')
      .addColumn('app', 'text', (c) => c.notNull())
      .addColumn('form_key', 'text', (c) => c.notNull())
      .addColumn('field_id', 'text', (c) => c.notNull())
      .addColumn('field_key', 'text', (c) => c.notNull())
      .addColumn('column_name', 'text', (c) => c.notNull())
      .addColumn('value_type', 'text', (c) => c.notNull())
      .addColumn('hidden', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('since_version', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('app_fields_pk', ['app', 'form_key', 'field_id'])
      .addUniqueConstraint('app_fields_column_unique', ['app', 'form_key', 'column_name'])
      .addForeignKeyConstraint('app_fields_form_fk', ['app', 'form_key'], `${SYSTEM_SCHEMA}.app_forms`, ['app', 'form_key'])
      .execute();

    await s
      .createTable('audit_log')
      .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('actor', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('app', 'text', (c) => c.notNull())
      .addColumn('form', 'text')
      .addColumn('record_id', 'uuid')
      .addColumn('before', 'jsonb')
      .addColumn('after', 'jsonb')
      .addColumn('ip', 'text')
      .execute();
    await s.createIndex('audit_log_record_idx').on('audit_log').columns(['app', 'form', 'record_id', 'id']).execute();
    await s.createIndex('audit_log_app_idx').on('audit_log').columns(['app', 'id']).execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropSchema(SYSTEM_SCHEMA).ifExists().cascade().execute();
  },
};
