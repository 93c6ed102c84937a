import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { TrellisError } from '@trellis/schema';
import { SYSTEM_SCHEMA } from '../system-tables.js';
import { StoreErrors } from '../errors.js';
import { systemTablesMigration } from './0001-system-tables.js';
import { publicLinksMigration } from './0003-public-links.js';
import { appDraftsMigration } from './0004-app-drafts.js';
import { rateLimitsMigration } from './0007-rate-limits.js';
import { serialCountersMigration } from './0005-serial-counters.js';
import { childTablesMigration } from './0009-child-tables.js';
import { filesMigration } from './0006-files.js';
import { identityMigration } from './0010-identity.js';
import { scopeIndexesMigration } from './0013-scope-indexes.js';

/** The store's migrations, in order. Names sort lexically; never rename or edit a shipped one. */
export const STORE_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_system_tables': systemTablesMigration,
  '0003_public_links': publicLinksMigration,
  '0004_app_drafts': appDraftsMigration,
  '0005_serial_counters': serialCountersMigration,
  '0006_files': filesMigration,
  '0007_rate_limits': rateLimitsMigration,
  '0009_child_tables': childTablesMigration,
  '0010_identity': identityMigration,
  '0013_scope_indexes': scopeIndexesMigration,
};

/** What `store.migrate()` did: the names of the migrations it applied now. */
export interface MigrateResult {
  readonly applied: readonly string[];
}

/**
 * Brings the system tables to the latest migration with kysely's `Migrator` (which takes a
 * Postgres advisory lock, so two processes migrating one database do not collide). Its
 * bookkeeping tables live in the `trellis` schema too.
 *
 * @example
 * const { applied } = await migrateToLatest(db);
 */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrateResult> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...STORE_MIGRATIONS }) },
    migrationTableSchema: SYSTEM_SCHEMA,
    // Features add migrations in parallel (`0002_drafts`, `0003_public_links`): a database that already
    // ran a later-named one must still accept an earlier-named newcomer instead of refusing to start.
    allowUnorderedMigrations: true,
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    if (TrellisError.is(result.error)) throw result.error;
    throw StoreErrors.create('STORE_MIGRATION_FAILED', `[store] migration '${failed}' failed: ${String((result.error as Error).message ?? result.error)}; fix the database and run 'trellis migrate' again`);
  }
  return { applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
