import { type Kysely, type Migration } from 'kysely';
import { SYSTEM_SCHEMA } from '../system-tables.js';

/**
 * Creates `trellis.serial_counters`: the last number drawn for each serial field (by its
 * stable id) and counter period (`''`, or the year / month / day it starts again). A create
 * draws with `insert … on conflict do update set value = value + 1 returning value` inside
 * its transaction, so the row lock orders concurrent creates and a rollback returns the number.
 */
export const serialCountersMigration: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .withSchema(SYSTEM_SCHEMA)
      .createTable('serial_counters')
      .addColumn('app', 'text', (c) => c.notNull())
      .addColumn('form_key', 'text', (c) => c.notNull())
      .addColumn('field_id', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('value', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('serial_counters_pk', ['app', 'form_key', 'field_id', 'period'])
      .execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    await db.schema.withSchema(SYSTEM_SCHEMA).dropTable('serial_counters').ifExists().execute();
  },
};
