import type { StoreLocation } from '../cli-args.js';
import type { CliIo } from '../cli-io.js';
import { describeLocation, openCliStore } from '../open-cli-store.js';

/**
 * `trellis migrate`: brings the system tables up to date and reports what was applied.
 *
 * @example
 * await migrateCommand({ dataDir: './data' }, processIo); // "Applied 1 migration: 0001-system-tables"
 */
export async function migrateCommand(cmd: StoreLocation, io: CliIo): Promise<readonly string[]> {
  // Opening the store already migrates; `migrate()` afterwards reports a no-op, so open without it.
  const store = await openCliStore(cmd, io, { migrate: false });
  try {
    const { applied } = await store.migrate();
    io.out(
      applied.length === 0
        ? `The ${describeLocation(cmd)} is up to date; no migration to apply.`
        : `Applied ${applied.length} migration${applied.length === 1 ? '' : 's'} to the ${describeLocation(cmd)}: ${applied.join(', ')}`,
    );
    return applied;
  } finally {
    await store.close();
  }
}
