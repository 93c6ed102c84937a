import { sql, type Kysely, type Migration } from 'kysely';
import { SYSTEM_SCHEMA } from '../system-tables.js';

/**
 * Creates `trellis.rate_limits`: one row per bucket, hashed client key and fixed window,
 * counting hits. Shared by every server process on one database, so a limit holds across
 * processes (public-form submissions today, logins with the identity issue).
 */
export const rateLimitsMigration: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    const s = db.schema.withSchema(SYSTEM_SCHEMA);
    await s
      .createTable('rate_limits')
      .addColumn('bucket', 'text', (c) => c.notNull())
      .addColumn('key_hash', 'text', (c) => c.notNull())
      .addColumn('window_start', sql`timestamptz(3)`, (c) => c.notNull())
      .addColumn('expires_at', sql`timestamptz(3)`, (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_limits_pkey', ['bucket', 'key_hash', 'window_start'])
      .execute();
    await s.createIndex('rate_limits_expires_idx').on('rate_limits').column('expires_at').execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.withSchema(SYSTEM_SCHEMA).dropTable('rate_limits').execute();
  },
};
