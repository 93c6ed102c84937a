#!/usr/bin/env node
/**
 * The `trellis` command. All logic lives in importable modules (`run-cli.ts` and
 * `commands/`); this file only wires them to the process: arguments, streams, signals,
 * exit code.
 */
import { processIo } from './cli-io.js';
import { installShutdown } from './commands/start-command.js';
import { runCli } from './run-cli.js';

const outcome = await runCli(process.argv.slice(2), process.env, processIo);
if ('running' in outcome) installShutdown(process, outcome.running, (code) => process.exit(code), processIo);
else process.exitCode = outcome.exitCode;
