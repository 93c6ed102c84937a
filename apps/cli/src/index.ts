/**
 * `@trellis/cli` — the `trellis` command as importable modules (`main.ts` is the executable).
 * See README.md and docs/reference/configuration.md.
 */
export { runCli, reportError, CLI_VERSION, type CliOutcome } from './run-cli.js';
export { parseCliArgs, parsePort, USAGE, DEFAULT_PORT, DEFAULT_HOST, DEFAULT_DATA_DIR, type CliCommand, type StoreLocation } from './cli-args.js';
export { processIo, type CliIo } from './cli-io.js';
export { startCommand, installShutdown, type RunningServer, type StartOptions } from './commands/start-command.js';
export { importCommand, readJsonFile } from './commands/import-command.js';
export { exportCommand } from './commands/export-command.js';
export { migrateCommand } from './commands/migrate-command.js';
export { seedOnFirstStart, DEMO_SEED, type FirstStartResult } from './first-start.js';
export { openCliStore, describeLocation } from './open-cli-store.js';
export { findWebRoot, displayUrl } from './web-root.js';
export { CliErrors } from './errors.js';
