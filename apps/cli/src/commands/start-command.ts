import { buildServer, ensureFirstAdmin, type FastifyInstance } from '@trellis/server';
import type { Store } from '@trellis/store';
import type { RateLimitSetting, StoreLocation } from '../cli-args.js';
import type { CliIo } from '../cli-io.js';
import { seedOnFirstStart } from '../first-start.js';
import { describeLocation, openCliStore } from '../open-cli-store.js';
import { displayUrl, findWebRoot } from '../web-root.js';

/** A running `trellis start`. */
export interface RunningServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  /** The URL to open (with the real port when 0 was asked). */
  readonly url: string;
  /** Stops accepting requests, finishes those in flight, then closes the database. Idempotent. */
  stop(): Promise<void>;
}

/** Options of {@link startCommand} beyond the command line. */
export interface StartOptions {
  /** pino log level (`LOG_LEVEL`); `silent` in tests. */
  readonly logLevel?: string;
  /** Override the web app directory (tests). */
  readonly webRoot?: URL;
  /** Skip the first-start import (tests of an empty server). */
  readonly seed?: boolean;
  /** The first administrator's password (default `TRELLIS_ADMIN_PASSWORD`; generated and printed once when neither is set). */
  readonly adminPassword?: string;
}

/**
 * `trellis start`: opens the store, creates the administrator `admin` once (password from
 * `TRELLIS_ADMIN_PASSWORD`, else generated and printed once to stderr), builds the server
 * with the web app, imports the CRM example on first start, listens, and prints the URL. Returns a handle whose `stop()`
 * `main.ts` calls on SIGINT/SIGTERM.
 *
 * @example
 * const running = await startCommand({ port: 0, host: '127.0.0.1', dataDir: './data' }, processIo);
 */
export async function startCommand(cmd: { port: number; host: string; publicRateLimit?: RateLimitSetting } & StoreLocation, io: CliIo, options: StartOptions = {}): Promise<RunningServer> {
  const web = findWebRoot(options.webRoot);
  if (!web.built) io.err(`warning: the web app is not built (no ${web.dir}/index.html); serving the API only. Run 'pnpm build' to build it.`);
  const store = await openCliStore(cmd, io);
  let app: FastifyInstance;
  try {
    const admin = await ensureFirstAdmin(store, { password: options.adminPassword ?? process.env.TRELLIS_ADMIN_PASSWORD });
    if (admin.created) {
      io.err(
        admin.generatedPassword !== undefined
          ? `First start: created the administrator 'admin' with the password ${admin.generatedPassword} — log in and change it; it is not shown again.`
          : "First start: created the administrator 'admin' with the password from TRELLIS_ADMIN_PASSWORD.",
      );
    }
    app = await buildServer({
      store,
      logger: { level: options.logLevel ?? 'info' },
      ...(web.built ? { webRoot: web.dir } : {}),
      ...(cmd.publicRateLimit !== undefined ? { publicForms: { rateLimit: cmd.publicRateLimit } } : {}),
    });
    if (options.seed !== false) await seedOnFirstStart(store, app, io);
    await app.listen({ port: cmd.port, host: cmd.host });
  } catch (e) {
    await store.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : cmd.port;
  const url = displayUrl(cmd.host, port);
  io.err(`Trellis is running at ${url} (API docs: ${url}/api/docs) on the ${describeLocation(cmd)}. Press Ctrl-C to stop.`);

  // Uploads no record took within 24 hours, and sessions past their absolute expiry, are removed
  // every hour (failures are logged, never fatal).
  const cleanup = setInterval(() => {
    store.sessions.sweep().catch((e: unknown) => app.log.warn({ err: e }, 'sweep of expired sessions failed'));
    store.files.cleanup().then(
      ({ removed }) => (removed > 0 ? app.log.info({ removed }, 'removed unattached uploaded files') : undefined),
      (e: unknown) => app.log.warn({ err: e }, 'cleanup of unattached files failed'),
    );
  }, 60 * 60 * 1000);
  cleanup.unref();

  let stopping: Promise<void> | undefined;
  return {
    app,
    store,
    url,
    stop() {
      stopping ??= (async () => {
        clearInterval(cleanup);
        try {
          await app.close();
        } finally {
          await store.close();
        }
      })();
      return stopping;
    },
  };
}

/**
 * Stops `running` on the first SIGINT or SIGTERM (a second signal exits at once), then calls
 * `exit(0)`; a failing shutdown exits 1.
 *
 * @example
 * installShutdown(process, running, (code) => process.exit(code), processIo);
 */
export function installShutdown(
  signals: Pick<NodeJS.Process, 'once'>,
  running: Pick<RunningServer, 'stop'>,
  exit: (code: number) => void,
  io: CliIo,
): void {
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) {
      exit(1);
      return;
    }
    stopping = true;
    io.err(`${signal} received: finishing requests in flight and closing the database…`);
    running.stop().then(
      () => exit(0),
      (e: unknown) => {
        io.err(`error while stopping: ${(e as Error).message}`);
        exit(1);
      },
    );
    signals.once(signal as NodeJS.Signals, () => onSignal(signal));
  };
  signals.once('SIGINT', () => onSignal('SIGINT'));
  signals.once('SIGTERM', () => onSignal('SIGTERM'));
}
