import { writeFile } from 'node:fs/promises';
import { exportAppPackage } from '@trellis/server';
import type { AppPackage } from '@trellis/schema';
import type { StoreLocation } from '../cli-args.js';
import type { CliIo } from '../cli-io.js';
import { openCliStore } from '../open-cli-store.js';

/**
 * `trellis export APP [FILE]`: writes the live package of `APP` as indented JSON to `FILE`,
 * or to standard output (so it can be piped). `STORE_APP_NOT_FOUND` for an unknown app.
 *
 * @example
 * await exportCommand({ app: 'crm', file: 'crm.json', dataDir: './data' }, processIo);
 */
export async function exportCommand(cmd: { app: string; file?: string } & StoreLocation, io: CliIo): Promise<AppPackage> {
  const store = await openCliStore(cmd, io);
  try {
    const pkg = await exportAppPackage(store, cmd.app);
    const json = JSON.stringify(pkg, null, 2) + '\n';
    if (cmd.file === undefined) io.out(json);
    else {
      await writeFile(cmd.file, json, 'utf8');
      io.err(`Exported app '${cmd.app}' to ${cmd.file}.`);
    }
    return pkg;
  } finally {
    await store.close();
  }
}
