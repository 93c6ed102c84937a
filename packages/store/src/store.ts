import type { FieldTypeCatalog } from '@trellis/schema';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { AppRepository } from './apps/app-repository.js';
import { listAudit, type AuditEntry, type AuditQuery } from './audit/audit-log.js';
import { openDatabase, type DialectName } from './dialect/open-database.js';
import { migrateToLatest, type MigrateResult } from './migrations/migrate.js';
import { FormCatalog } from './records/form-catalog.js';
import { RecordRepository } from './records/record-repository.js';
import { RateLimitRepository } from './rate-limits/rate-limit-repository.js';
import type { SystemDatabase } from './system-tables.js';
import { DEFAULT_EXACT_COUNT_LIMIT, CountCache } from './records/total-count.js';
import { assertTimeZone, DEFAULT_TIME_ZONE, type OwnerPolicy } from './records/store-filled-fields.js';
import { DiskBlobStore, type FileBlobStore } from './files/blob-store.js';
import { FileFieldIndex } from './files/file-fields.js';
import { FileRepository } from './files/file-repository.js';
import { UserRepository } from './identity/user-repository.js';
import { SessionRepository } from './identity/session-repository.js';
import { ApiKeyRepository } from './identity/api-key-repository.js';
import { resolveFilesDir } from './files/files-dir.js';
import { DepartmentRepository } from './org/department-repository.js';
import { RoleRepository } from './org/role-repository.js';

/** The part of a pino logger the store uses. */
export interface StoreLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** How to open a store. */
export interface StoreOptions {
  /** A PostgreSQL URL; when set, the store uses PostgreSQL through a `pg` pool. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data directory when no `databaseUrl` is set (default `./data`; `memory://` for in-memory). */
  readonly dataDir?: string | undefined;
  /** The field-type registry (`fieldTypes` of `@trellis/forms`): gives each field its value type. */
  readonly catalog: FieldTypeCatalog;
  readonly logger?: StoreLogger | undefined;
  /** Run migrations on open (default true). */
  readonly migrate?: boolean | undefined;
  /** Largest number of pooled PostgreSQL connections (default 10). */
  readonly poolSize?: number | undefined;
  /**
   * Where uploaded files' bytes go on disk: default `<dataDir>/files` (`./data/files`), and a
   * temporary directory (removed on close) for an in-memory PGlite. Ignored when `fileStore` is given.
   */
  readonly filesDir?: string | undefined;
  /** Another file store (e.g. S3-like) instead of the disk. */
  readonly fileStore?: FileBlobStore | undefined;
  /** Lists count totals exactly up to this many rows and estimate above (default 100 000). */
  readonly exactCountLimit?: number | undefined;
  /** IANA time zone of the date part and periods of serial numbers (default `Asia/Shanghai`). */
  readonly timeZone?: string | undefined;
  /** The clock of serial numbers (default the system clock; tests move it). */
  readonly now?: (() => Date) | undefined;
  /** Who may reassign a record's owner through an `owner` field (default: anyone who may write it). */
  readonly ownerPolicy?: OwnerPolicy | undefined;
}

/** Audit log access. */
export interface AuditReader {
  /** Audit entries, newest first: of an app (optionally one form or record), or across the log with the admin filters. */
  list(query: AuditQuery): Promise<AuditEntry[]>;
}

/**
 * The database of Trellis: apps and their versions, records of every form, the audit log.
 * One store per process; close it on shutdown.
 */
export interface Store {
  readonly dialect: DialectName;
  readonly apps: AppRepository;
  readonly records: RecordRepository;
  readonly audit: AuditReader;
  /** Fixed-window rate limits shared by every process on this database. */
  readonly rateLimits: RateLimitRepository;
  /** Uploaded files of attachment, image and signature fields. */
  readonly files: FileRepository;
  /** The organisation tree: departments, managers, members. */
  readonly departments: DepartmentRepository;
  /** Roles of apps and their members. */
  readonly roles: RoleRepository;
  /** Local user accounts: create, search, update with `version`, passwords and lockout. */
  readonly users: UserRepository;
  /** Browser sessions (stored hashed, idle and absolute expiry). */
  readonly sessions: SessionRepository;
  /** Integrators' API keys (stored hashed, scoped, revocable). */
  readonly apiKeys: ApiKeyRepository;
  /** The kysely handle, for engines that join the store's transactions (system tables typed; app tables via `Kysely<any>`). */
  readonly db: Kysely<SystemDatabase>;
  /** On PostgreSQL, the `pg` pool (for benchmarks and diagnostics). */
  readonly pool?: pg.Pool;
  /** Applies pending migrations of the system tables (what `trellis migrate` runs). */
  migrate(): Promise<MigrateResult>;
  /** Waits for running work and closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the store: PostgreSQL when `databaseUrl` is set, otherwise PGlite in `dataDir`; then
 * migrates the system tables unless `migrate: false`.
 *
 * @example
 * const store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: './data', catalog: fieldTypes });
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  assertTimeZone(timeZone);
  const database = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, poolSize: options.poolSize });
  const { db } = database;
  const forms = new FormCatalog(db);
  const logger = options.logger;
  const migrate = async (): Promise<MigrateResult> => {
    const result = await migrateToLatest(db);
    if (result.applied.length > 0) logger?.info({ applied: result.applied }, '[store] migrations applied');
    return result;
  };
  try {
    if (options.migrate !== false) await migrate();
  } catch (e) {
    await database.close();
    throw e;
  }
  let filesDir: Awaited<ReturnType<typeof resolveFilesDir>> | undefined;
  try {
    if (options.fileStore === undefined) filesDir = await resolveFilesDir(options.filesDir, options.dataDir, options.databaseUrl);
  } catch (e) {
    await database.close();
    throw e;
  }
  const fileRepository = new FileRepository(db, options.fileStore ?? new DiskBlobStore(filesDir!.path), new FileFieldIndex(options.catalog));
  let closed = false;
  return {
    dialect: database.dialect,
    db,
    ...(database.pool ? { pool: database.pool } : {}),
    apps: new AppRepository(db, options.catalog, (app) => forms.invalidate(app)),
    records: new RecordRepository(db, forms, {
      concurrent: database.dialect === 'postgres',
      exactCountLimit: options.exactCountLimit ?? DEFAULT_EXACT_COUNT_LIMIT,
      counts: new CountCache(),
    }, { serial: { timeZone, now: options.now ?? (() => new Date()) }, ownerPolicy: options.ownerPolicy }, (trx, meta, recordId, data, locale) => fileRepository.attach(trx, meta, recordId, data, locale)),
    files: fileRepository,
    departments: new DepartmentRepository(db),
    roles: new RoleRepository(db),
    audit: { list: (query) => listAudit(db, query) },
    rateLimits: new RateLimitRepository(db),
    users: new UserRepository(db),
    sessions: new SessionRepository(db, database.pool),
    apiKeys: new ApiKeyRepository(db, database.pool),
    migrate,
    async close() {
      if (closed) return;
      closed = true;
      await database.close();
      await filesDir?.dispose();
    },
  };
}
