import { readFile } from 'node:fs/promises';
import { describePlan, importAppPackage, type ImportResult } from '@trellis/server';
import type { StoreLocation } from '../cli-args.js';
import type { CliIo } from '../cli-io.js';
import { CliErrors } from '../errors.js';
import { openCliStore } from '../open-cli-store.js';

/**
 * Reads a JSON file, or throws `CLI_FILE_UNREADABLE` naming the file and the reason.
 *
 * @example
 * const pkg = await readJsonFile('crm.json');
 */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw CliErrors.create('CLI_FILE_UNREADABLE', `[cli] cannot read '${file}' (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check the path`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw CliErrors.create('CLI_FILE_UNREADABLE', `[cli] '${file}' is not valid JSON (${(e as Error).message}); an app package is a JSON file`);
  }
}

/**
 * `trellis import FILE [--dry-run]`: installs or upgrades the app of the package and
 * prints what changed (or would change). An invalid package throws `SCHEMA_INVALID` with
 * every problem; nothing is imported then.
 *
 * @example
 * await importCommand({ file: 'crm.json', dryRun: true, dataDir: './data' }, processIo);
 */
export async function importCommand(cmd: { file: string; dryRun: boolean } & StoreLocation, io: CliIo): Promise<ImportResult> {
  const input = await readJsonFile(cmd.file);
  const store = await openCliStore(cmd, io);
  try {
    const result = await importAppPackage(store, input, { dryRun: cmd.dryRun, actor: 'cli' });
    const changes = describePlan(result.plan);
    const head = result.dryRun
      ? result.plan.changed
        ? `Dry run: importing would ${result.plan.newApp ? 'install' : 'upgrade'} app '${result.app}' to version ${result.version}. Nothing was changed.`
        : `Dry run: app '${result.app}' already matches this package (version ${result.version}). Nothing to do.`
      : result.applied
        ? `${result.plan.newApp ? 'Installed' : 'Upgraded'} app '${result.app}' — now at version ${result.version}.`
        : `App '${result.app}' already matches this package (version ${result.version}); nothing was changed.`;
    io.out(head);
    for (const line of changes) io.out(`  ${line}`);
    return result;
  } finally {
    await store.close();
  }
}
