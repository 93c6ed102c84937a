import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import { writeAudit, type WriteContext } from '../audit/audit-log.js';
import { StoreErrors } from '../errors.js';
import { isUuid } from '../identifiers.js';
import { jsonParam } from '../json-param.js';
import type pg from 'pg';
import type { ApiKeysTable, SystemDatabase } from '../system-tables.js';
import { runPrepared } from './prepared-query.js';
import { SESSION_TOUCH_MS, sha256Hex } from './session-repository.js';
import { orgOfRow, orgSelection, type ActorOrg, type ActorUser } from './actor-org.js';

/** Every API-key secret starts with this, so leaked keys are easy to recognise and scan for. */
export const API_KEY_PREFIX = 'trk_';
/** How many leading characters of a secret are kept (and shown) to recognise a key. */
const SHOWN_PREFIX_LENGTH = 12;

/** An API key as its owner sees it in lists: never the secret or its hash. */
export interface ApiKey {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly prefix: string;
  /** App keys the key may reach; null: every app its user may reach. */
  readonly apps: readonly string[] | null;
  /** Actions the key may use; null: every action its user holds. */
  readonly actions: readonly string[] | null;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

/** What a new key may do. */
export interface NewApiKey {
  readonly name: string;
  readonly apps?: readonly string[] | null;
  readonly actions?: readonly string[] | null;
  readonly expiresAt?: string | null;
}

type Row = Selectable<ApiKeysTable>;

/**
 * Integrators' API keys in `trellis.api_keys`. The secret (`trk_` + 32 random bytes) is
 * returned once by `create` and stored only as its SHA-256; `resolve` refuses revoked and
 * expired keys and keys of suspended users, and notes the last use (at most once a minute).
 *
 * @example
 * const { key, secret } = await store.apiKeys.create(user.id, { name: 'ERP sync', apps: ['crm'] }, { actor: user.id, ip });
 * const found = await store.apiKeys.resolve(secret); // { key, userId }
 */
export class ApiKeyRepository {
  readonly #db: Kysely<SystemDatabase>;
  readonly #pool: pg.Pool | undefined;

  /** `pool`: on PostgreSQL, the store's pool, so `resolve` runs as a prepared statement. */
  constructor(db: Kysely<SystemDatabase>, pool?: pg.Pool) {
    this.#db = db;
    this.#pool = pool;
  }

  /** Creates a key for `userId` with its `api_key_create` audit row; the secret is in the answer only. */
  async create(userId: string, input: NewApiKey, ctx: WriteContext): Promise<{ readonly key: ApiKey; readonly secret: string }> {
    const secret = API_KEY_PREFIX + randomBytes(32).toString('base64url');
    return this.#db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('trellis.api_keys')
        .values({
          user_id: userId,
          name: input.name,
          prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
          secret_hash: sha256Hex(secret),
          apps: jsonParam(input.apps ?? null),
          actions: jsonParam(input.actions ?? null),
          expires_at: input.expiresAt ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const key = toKey(row);
      await writeAudit(trx, ctx, { action: 'api_key_create', app: null, recordId: key.id, after: key });
      return { key, secret };
    });
  }

  /**
   * The usable key of a bearer secret with its user and the user's organisation (one query),
   * or undefined (unknown, revoked, expired, user suspended).
   */
  async resolve(secret: string, now: Date = new Date()): Promise<{ readonly key: ApiKey; readonly userId: string; readonly user: ActorUser; readonly org: ActorOrg } | undefined> {
    if (!secret.startsWith(API_KEY_PREFIX) || secret.length > 200) return undefined;
    const query = this.#db
      .selectFrom('trellis.api_keys as k')
      .innerJoin('trellis.users as u', 'u.id', 'k.user_id')
      .selectAll('k')
      .select(['u.status', 'u.username', 'u.display_name', 'u.is_admin', 'u.locale'])
      .select(orgSelection(sql.ref('u.id')).as('org'))
      .where('k.secret_hash', '=', sha256Hex(secret))
      .compile();
    const [row] = await runPrepared(this.#db, this.#pool, 'trellis_api_key_resolve', query);
    if (row === undefined || row.revoked_at !== null || row.status !== 'active') return undefined;
    const t = now.getTime();
    if (row.expires_at !== null && Date.parse(row.expires_at) <= t) return undefined;
    let lastUsedAt = row.last_used_at;
    if (lastUsedAt === null || t - Date.parse(lastUsedAt) >= SESSION_TOUCH_MS) {
      lastUsedAt = now.toISOString();
      await this.#db.updateTable('trellis.api_keys').set({ last_used_at: lastUsedAt }).where('id', '=', row.id).execute();
    }
    return {
      key: toKey({ ...row, last_used_at: lastUsedAt }),
      userId: row.user_id,
      user: { id: row.user_id, username: row.username, displayName: row.display_name, isAdmin: row.is_admin, locale: row.locale },
      org: orgOfRow(row),
    };
  }

  /** The keys of one user, newest first (revoked ones too, marked by `revokedAt`). */
  async list(userId: string): Promise<ApiKey[]> {
    const rows = await this.#db.selectFrom('trellis.api_keys').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map(toKey);
  }

  /** Revokes one of the user's keys (with its audit row); another user's key is `API_KEY_NOT_FOUND`. Revoking twice is harmless. */
  async revoke(userId: string, id: string, ctx: WriteContext, now: Date = new Date()): Promise<ApiKey> {
    return this.#db.transaction().execute(async (trx) => {
      const row = isUuid(id)
        ? await trx.selectFrom('trellis.api_keys').selectAll().where('id', '=', id).where('user_id', '=', userId).forUpdate().executeTakeFirst()
        : undefined;
      if (row === undefined) {
        throw StoreErrors.create(
          'API_KEY_NOT_FOUND',
          ctx.locale === 'en' ? `[store] you have no API key with the id '${id}'` : `[store] 你没有 id 为「${id}」的 API 密钥`,
        );
      }
      if (row.revoked_at !== null) return toKey(row);
      const updated = await trx.updateTable('trellis.api_keys').set({ revoked_at: now.toISOString() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      const key = toKey(updated);
      await writeAudit(trx, ctx, { action: 'api_key_revoke', app: null, recordId: id, before: toKey(row), after: key });
      return key;
    });
  }
}

function toKey(row: Row): ApiKey {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    prefix: row.prefix,
    apps: row.apps ?? null,
    actions: row.actions ?? null,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}
