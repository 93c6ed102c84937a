import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { StoreErrors } from '../errors.js';
import type { SystemDatabase } from '../system-tables.js';
import { PGliteDialect } from './pglite-dialect.js';
import { pgliteTypeParsers, pgTypeParsers } from './type-parsers.js';

/** The two databases the store runs on. */
export type DialectName = 'postgres' | 'pglite';

/** Where to connect: PostgreSQL when `databaseUrl` is set, else PGlite in `dataDir`. */
export interface DatabaseConfig {
  readonly databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` keeps everything in memory. Default `./data`. */
  readonly dataDir?: string | undefined;
  /** Largest number of pooled PostgreSQL connections (default 10). */
  readonly poolSize?: number | undefined;
  /**
   * Told when an idle pooled connection fails (the server restarted, the network dropped):
   * the pool discards that connection and opens a new one on the next query. Default: a
   * warning on stderr.
   */
  readonly onIdleError?: ((error: Error) => void) | undefined;
}

/** An open kysely handle plus what is needed to close it. */
export interface OpenDatabase {
  readonly db: Kysely<SystemDatabase>;
  readonly dialect: DialectName;
  /** Present on PostgreSQL: the pool, for callers that need raw access (benchmarks). */
  readonly pool?: pg.Pool;
  close(): Promise<void>;
}

/**
 * Opens kysely on PostgreSQL (a `pg` pool with the store's own type parsers, sessions in
 * UTC) or on PGlite (serialised through {@link PGliteDialect}).
 *
 * @example
 * const { db, close } = await openDatabase({ dataDir: 'memory://' });
 */
export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    let pool: pg.Pool;
    try {
      pool = new pg.Pool({
        connectionString: config.databaseUrl,
        types: pgTypeParsers,
        options: '-c TimeZone=UTC',
        max: config.poolSize ?? 10,
      });
      // An idle client's error is emitted on the pool; unhandled, it would end the process.
      pool.on('error', config.onIdleError ?? ((e) => console.warn(`[store] an idle PostgreSQL connection failed and was discarded: ${e.message}`)));
      const client = await pool.connect();
      client.release();
    } catch (e) {
      throw StoreErrors.create(
        'STORE_CONFIG_INVALID',
        `[store] cannot connect to PostgreSQL at the configured DATABASE_URL: ${(e as Error).message}; check the URL and that the server is running`,
      );
    }
    const db = new Kysely<SystemDatabase>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', pool, close: () => db.destroy() };
  }

  const dataDir = config.dataDir ?? './data';
  let pglite: PGlite;
  try {
    if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
    pglite = await PGlite.create(dataDir, { parsers: pgliteTypeParsers });
    await pglite.exec(`SET TimeZone = 'UTC'`);
  } catch (e) {
    throw StoreErrors.create(
      'STORE_CONFIG_INVALID',
      `[store] cannot open the embedded database in '${dataDir}': ${(e as Error).message}; check the directory, and that no other Trellis process uses it`,
    );
  }
  const db = new Kysely<SystemDatabase>({ dialect: new PGliteDialect(pglite) });
  return { db, dialect: 'pglite', close: () => db.destroy() };
}
