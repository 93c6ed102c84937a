import type { Kysely, Migration } from 'kysely';
import { SYSTEM_SCHEMA } from '../system-tables.js';

/**
 * Creates `trellis.app_child_tables` and `trellis.app_child_columns`: which child table holds
 * the rows of each sub-table field, and which column each of its row columns (see
 * docs/decisions/0009-subtable-child-tables.md).
 */
export const childTablesMigration: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    const s = db.schema.withSchema(SYSTEM_SCHEMA);
    await s
      .createTable('app_child_tables')
      .addColumn('app', 'text', (c) => c.notNull())
      .addColumn('form_key', 'text', (c) => c.notNull())
      .addColumn('field_id', 'text', (c) => c.notNull())
      .addColumn('field_key', 'text', (c) => c.notNull())
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('hidden', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('since_version', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('app_child_tables_pk', ['app', 'form_key', 'field_id'])
      .addUniqueConstraint('app_child_tables_table_unique', ['app', 'table_name'])
      .addForeignKeyConstraint('app_child_tables_form_fk', ['app', 'form_key'], `${SYSTEM_SCHEMA}.app_forms`, ['app', 'form_key'])
      .execute();
    await s
      .createTable('app_child_columns')
      .addColumn('app', 'text', (c) => c.notNull())
      .addColumn('form_key', 'text', (c) => c.notNull())
      .addColumn('parent_field_id', 'text', (c) => c.notNull())
      .addColumn('field_id', 'text', (c) => c.notNull())
      .addColumn('field_key', 'text', (c) => c.notNull())
      .addColumn('column_name', 'text', (c) => c.notNull())
      .addColumn('value_type', 'text', (c) => c.notNull())
      .addColumn('hidden', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('since_version', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('app_child_columns_pk', ['app', 'form_key', 'parent_field_id', 'field_id'])
      .addUniqueConstraint('app_child_columns_column_unique', ['app', 'form_key', 'parent_field_id', 'column_name'])
      .addForeignKeyConstraint('app_child_columns_table_fk', ['app', 'form_key', 'parent_field_id'], `${SYSTEM_SCHEMA}.app_child_tables`, ['app', 'form_key', 'field_id'])
      .execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.withSchema(SYSTEM_SCHEMA).dropTable('app_child_columns').ifExists().execute();
    await db.schema.withSchema(SYSTEM_SCHEMA).dropTable('app_child_tables').ifExists().execute();
  },
};
