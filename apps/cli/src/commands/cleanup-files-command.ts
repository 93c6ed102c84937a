import type { StoreLocation } from '../cli-args.js';
import type { CliIo } from '../cli-io.js';
import { describeLocation, openCliStore } from '../open-cli-store.js';

/**
 * `trellis cleanup-files`: removes uploaded files that no record took within 24 hours (rows
 * and bytes) and reports how many. `trellis start` runs the same cleanup every hour.
 *
 * @example
 * await cleanupFilesCommand({ dataDir: './data' }, processIo); // "Removed 3 unattached files from the embedded database in …"
 */
export async function cleanupFilesCommand(cmd: StoreLocation, io: CliIo): Promise<number> {
  const store = await openCliStore(cmd, io);
  try {
    const { removed } = await store.files.cleanup();
    io.out(`Removed ${removed} unattached file${removed === 1 ? '' : 's'} older than 24 hours from the ${describeLocation(cmd)}.`);
    return removed;
  } finally {
    await store.close();
  }
}
