import { parseArgs } from 'node:util';
import { CliErrors } from './errors.js';

/** Where the store lives: PostgreSQL when `databaseUrl` is set, otherwise PGlite in `dataDir`. */
export interface StoreLocation {
  readonly databaseUrl?: string;
  readonly dataDir: string;
  /** Where uploaded files go (default `<dataDir>/files`). */
  readonly filesDir?: string;
}

/** One parsed invocation of `trellis`. */
export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | ({ readonly kind: 'start'; readonly port: number; readonly host: string; readonly publicRateLimit?: RateLimitSetting } & StoreLocation)
  | ({ readonly kind: 'import'; readonly file: string; readonly dryRun: boolean } & StoreLocation)
  | ({ readonly kind: 'export'; readonly app: string; readonly file?: string } & StoreLocation)
  | ({ readonly kind: 'migrate' } & StoreLocation)
  | ({ readonly kind: 'cleanup-files' } & StoreLocation);

/** A rate limit as the command line gives it: `max` requests per `windowMs`. */
export interface RateLimitSetting {
  readonly max: number;
  readonly windowMs: number;
}

/** The defaults of `trellis start`. */
export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = './data';

/** The text `trellis help` prints. */
export const USAGE = `Usage: trellis <command> [options]

Commands:
  start                 serve the API and the web app (imports the CRM example on first start)
  import FILE           import an app package (new app: install; existing app: upgrade)
  export APP [FILE]     write an app's package as JSON to FILE, or to stdout
  migrate               create or update the system tables, then exit
  cleanup-files         remove uploaded files no record took within 24 hours
  help                  print this text

Options:
  -p, --port PORT       port of 'start' (env PORT, default ${DEFAULT_PORT})
      --host HOST       address of 'start' (default ${DEFAULT_HOST}; 0.0.0.0 for every interface)
  -d, --data DIR        embedded database directory (env TRELLIS_DATA, default ${DEFAULT_DATA_DIR})
      --public-rate-limit N/SECONDS
                        'start' only: anonymous public-form submissions per IP address
                        (env TRELLIS_PUBLIC_RATE_LIMIT, default 20/60)
      --files DIR       uploaded files directory (env TRELLIS_FILES, default DIR/files of --data)
      --dry-run         'import' only: print what the upgrade would change, change nothing
  -h, --help            print this text
  -v, --version         print the version

Environment:
  DATABASE_URL          use this PostgreSQL database instead of the embedded one
  PORT, TRELLIS_DATA    defaults of --port and --data
  TRELLIS_PUBLIC_RATE_LIMIT  default of --public-rate-limit
  TRELLIS_FILES         default of --files
  LOG_LEVEL             log level of 'start' (info by default; debug, warn, error, silent)
`;

function usage(message: string): never {
  throw CliErrors.create('CLI_USAGE', `[cli] ${message}; run 'trellis help' for the usage`);
}

/**
 * Parses a port: a whole number from 0 to 65535 (0 picks a free port).
 *
 * @example
 * parsePort('8080', '--port') // 8080
 */
export function parsePort(value: string, source: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) usage(`${source} must be a port number from 0 to 65535, not '${value}'`);
  return Number(value);
}

/**
 * Parses a rate limit `N/SECONDS` (e.g. `20/60`: 20 requests per minute); N from 1 to
 * 1 000 000, SECONDS from 1 to 86 400.
 *
 * @example
 * parseRateLimit('20/60', '--public-rate-limit') // { max: 20, windowMs: 60000 }
 */
export function parseRateLimit(value: string, source: string): RateLimitSetting {
  const m = /^(\d{1,7})\/(\d{1,5})$/.exec(value.trim());
  const max = m ? Number(m[1]) : NaN;
  const seconds = m ? Number(m[2]) : NaN;
  if (!(max >= 1 && max <= 1_000_000 && seconds >= 1 && seconds <= 86_400)) {
    usage(`${source} must be REQUESTS/SECONDS such as 20/60 (1–1000000 requests per 1–86400 seconds), not '${value}'`);
  }
  return { max, windowMs: seconds * 1000 };
}

/**
 * Turns `process.argv.slice(2)` and the environment into a {@link CliCommand}. Flags win
 * over environment variables, which win over the defaults. Unknown commands, unknown
 * options and wrong argument counts throw `CLI_USAGE`.
 *
 * @example
 * parseCliArgs(['start', '--port', '8080'], {}) // { kind: 'start', port: 8080, host: '127.0.0.1', dataDir: './data' }
 */
export function parseCliArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        data: { type: 'string', short: 'd' },
        'public-rate-limit': { type: 'string' },
        files: { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    usage((e as Error).message.replace(/\.\s*$/, '').replace(/^\w/, (c) => c.toLowerCase()));
  }
  const { values, positionals } = parsed;
  if (values.version === true) return { kind: 'version' };
  const [command, ...args] = positionals;
  if (values.help === true || command === undefined || command === 'help') return { kind: 'help' };

  const databaseUrl = env['DATABASE_URL'] !== undefined && env['DATABASE_URL'] !== '' ? env['DATABASE_URL'] : undefined;
  const location: StoreLocation = {
    dataDir: values.data ?? (env['TRELLIS_DATA'] !== undefined && env['TRELLIS_DATA'] !== '' ? env['TRELLIS_DATA'] : DEFAULT_DATA_DIR),
    ...(databaseUrl !== undefined ? { databaseUrl } : {}),
  };
  const filesDir = values.files ?? (env['TRELLIS_FILES'] !== undefined && env['TRELLIS_FILES'] !== '' ? env['TRELLIS_FILES'] : undefined);
  if (filesDir !== undefined) Object.assign(location, { filesDir });
  const only = (allowed: readonly string[]) => {
    const given = (['port', 'host', 'dry-run', 'public-rate-limit'] as const).filter((o) => values[o] !== undefined && !allowed.includes(o));
    if (given.length > 0) usage(`'${command}' does not take --${given.join(', --')}`);
  };
  const argCount = (min: number, max: number, shape: string) => {
    if (args.length < min || args.length > max) usage(`'trellis ${command}' takes ${shape}, got ${args.length} argument${args.length === 1 ? '' : 's'}`);
  };

  switch (command) {
    case 'start': {
      only(['port', 'host', 'public-rate-limit']);
      argCount(0, 0, 'no arguments');
      const port = values.port !== undefined ? parsePort(values.port, '--port')
        : env['PORT'] !== undefined && env['PORT'] !== '' ? parsePort(env['PORT'], 'PORT') : DEFAULT_PORT;
      const rate = values['public-rate-limit'] !== undefined ? parseRateLimit(values['public-rate-limit'], '--public-rate-limit')
        : env['TRELLIS_PUBLIC_RATE_LIMIT'] !== undefined && env['TRELLIS_PUBLIC_RATE_LIMIT'] !== '' ? parseRateLimit(env['TRELLIS_PUBLIC_RATE_LIMIT'], 'TRELLIS_PUBLIC_RATE_LIMIT') : undefined;
      return { kind: 'start', port, host: values.host ?? DEFAULT_HOST, ...(rate !== undefined ? { publicRateLimit: rate } : {}), ...location };
    }
    case 'import':
      only(['dry-run']);
      argCount(1, 1, 'one FILE');
      return { kind: 'import', file: args[0]!, dryRun: values['dry-run'] === true, ...location };
    case 'export':
      only([]);
      argCount(1, 2, 'APP and an optional FILE');
      return { kind: 'export', app: args[0]!, ...(args[1] !== undefined ? { file: args[1] } : {}), ...location };
    case 'migrate':
      only([]);
      argCount(0, 0, 'no arguments');
      return { kind: 'migrate', ...location };
    case 'cleanup-files':
      only([]);
      argCount(0, 0, 'no arguments');
      return { kind: 'cleanup-files', ...location };
    default:
      return usage(`unknown command '${command}' (commands: start, import, export, migrate, cleanup-files, help)`);
  }
}
