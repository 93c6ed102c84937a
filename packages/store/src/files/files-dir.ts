import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreErrors } from '../errors.js';

/**
 * The directory of uploaded files: `filesDir` when given, else `<dataDir>/files` (default
 * `./data/files`), else — for an in-memory PGlite (`memory://`) — a fresh temporary directory
 * that `dispose` removes. Created when missing.
 */
export async function resolveFilesDir(filesDir: string | undefined, dataDir: string | undefined, databaseUrl: string | undefined): Promise<{ path: string; dispose(): Promise<void> }> {
  const keep = { dispose: async () => {} };
  try {
    if (filesDir !== undefined) {
      await mkdir(filesDir, { recursive: true });
      return { path: filesDir, ...keep };
    }
    const data = dataDir ?? './data';
    if (data.includes('://') && (databaseUrl === undefined || databaseUrl === '')) {
      const path = await mkdtemp(join(tmpdir(), 'trellis-files-'));
      return { path, dispose: () => rm(path, { recursive: true, force: true }) };
    }
    const path = join(data.includes('://') ? './data' : data, 'files');
    await mkdir(path, { recursive: true });
    return { path, ...keep };
  } catch (e) {
    throw StoreErrors.create('STORE_CONFIG_INVALID', `[store] cannot use the files directory: ${(e as Error).message}; set filesDir (TRELLIS_FILES_DIR) to a writable directory`);
  }
}
