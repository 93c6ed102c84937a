import { readFileSync } from 'node:fs';
import { TrellisError } from '@trellis/schema';
import { parseCliArgs, USAGE, type CliCommand } from './cli-args.js';
import type { CliIo } from './cli-io.js';
import { exportCommand } from './commands/export-command.js';
import { importCommand } from './commands/import-command.js';
import { migrateCommand } from './commands/migrate-command.js';
import { cleanupFilesCommand } from './commands/cleanup-files-command.js';
import { startCommand, type RunningServer } from './commands/start-command.js';

/** The version of the `trellis` command (this package's). */
export const CLI_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The outcome of one invocation: an exit code, or a running server (for `start`). */
export type CliOutcome = { readonly exitCode: number } | { readonly running: RunningServer };

/**
 * Prints an error for a person: the message, then each detail as `path: message`.
 *
 * @example
 * reportError(e, processIo);
 */
export function reportError(error: unknown, io: CliIo): number {
  if (TrellisError.is(error)) {
    io.err(`error: ${error.message}`);
    for (const d of error.details) io.err(`  ${d.path === '' ? '/' : d.path}: ${d.message}`);
    return error.code === 'CLI_USAGE' ? 2 : 1;
  }
  io.err(`error: ${(error as Error)?.message ?? String(error)}`);
  return 1;
}

/**
 * Runs `trellis` with `argv` (without `node` and the script) and the environment. Errors are
 * printed, not thrown: usage errors give exit code 2, others 1.
 *
 * @example
 * const outcome = await runCli(['export', 'crm'], process.env, processIo);
 */
export async function runCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, io: CliIo): Promise<CliOutcome> {
  let cmd: CliCommand;
  try {
    cmd = parseCliArgs(argv, env);
    switch (cmd.kind) {
      case 'help':
        io.out(USAGE);
        return { exitCode: 0 };
      case 'version':
        io.out(CLI_VERSION);
        return { exitCode: 0 };
      case 'start':
        return { running: await startCommand(cmd, io, { logLevel: env['LOG_LEVEL'] ?? 'info' }) };
      case 'import':
        await importCommand(cmd, io);
        return { exitCode: 0 };
      case 'export':
        await exportCommand(cmd, io);
        return { exitCode: 0 };
      case 'migrate':
        await migrateCommand(cmd, io);
        return { exitCode: 0 };
      case 'cleanup-files':
        await cleanupFilesCommand(cmd, io);
        return { exitCode: 0 };
    }
  } catch (e) {
    return { exitCode: reportError(e, io) };
  }
}
