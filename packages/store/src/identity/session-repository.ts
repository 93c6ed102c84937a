import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { writeAudit, type WriteContext } from '../audit/audit-log.js';
import type pg from 'pg';
import type { SystemDatabase } from '../system-tables.js';
import { runPrepared } from './prepared-query.js';
import { orgOfRow, orgSelection, type ActorOrg, type ActorUser } from './actor-org.js';

/** Idle timeout of a session: 8 hours without a request ends it. */
export const DEFAULT_SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** Absolute lifetime of a session: 7 days after login, whatever the activity. */
export const DEFAULT_SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** `last_seen_at` is written at most this often (one write a minute per session, not one per request). */
export const SESSION_TOUCH_MS = 60 * 1000;

/** The SHA-256 of a session token or API-key secret, as stored (hex). */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A session just created: the token goes into the cookie and is never stored. */
export interface NewSession {
  readonly token: string;
  readonly idHash: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/** A live session, as `resolve` finds it, with its user and the user's organisation (read in the same query). */
export interface ResolvedSession {
  readonly idHash: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  readonly user: ActorUser;
  readonly org: ActorOrg;
}

/** Timeouts and clock of session checks. */
export interface SessionTiming {
  readonly now?: Date;
  readonly idleMs?: number;
}

/**
 * Browser sessions in `trellis.sessions`, shared by every server process on the database.
 * The cookie holds a random 32-byte token; the row holds only its SHA-256. A session ends
 * after the idle timeout, at its absolute expiry, when its user is suspended, or when the
 * user's credentials changed after it began (a password change) — checked on every `resolve`.
 *
 * @example
 * const s = await store.sessions.create(user.id, { actor: user.id, ip }, { userAgent });
 * reply.setCookie('trellis_session', s.token, { httpOnly: true, sameSite: 'lax', path: '/' });
 */
export class SessionRepository {
  readonly #db: Kysely<SystemDatabase>;
  readonly #pool: pg.Pool | undefined;

  /** `pool`: on PostgreSQL, the store's pool, so `resolve` runs as a prepared statement. */
  constructor(db: Kysely<SystemDatabase>, pool?: pg.Pool) {
    this.#db = db;
    this.#pool = pool;
  }

  /**
   * Starts a session for a successful login: the session row, the user's failed-login count
   * reset, and the `login` audit row, in one transaction.
   */
  async create(
    userId: string,
    ctx: WriteContext,
    options: { readonly userAgent?: string | null; readonly now?: Date; readonly absoluteMs?: number } = {},
  ): Promise<NewSession> {
    const now = options.now ?? new Date();
    const token = randomBytes(32).toString('base64url');
    const idHash = sha256Hex(token);
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + (options.absoluteMs ?? DEFAULT_SESSION_ABSOLUTE_MS)).toISOString();
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto('trellis.sessions')
        .values({
          id_hash: idHash,
          user_id: userId,
          csrf_token: csrfToken,
          created_at: now.toISOString(),
          last_seen_at: now.toISOString(),
          expires_at: expiresAt,
          ip: ctx.ip ?? null,
          user_agent: options.userAgent?.slice(0, 500) ?? null,
        })
        .execute();
      await trx.updateTable('trellis.users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
      await writeAudit(trx, { ...ctx, actor: userId }, { action: 'login', app: null, recordId: userId });
    });
    return { token, idHash, csrfToken, expiresAt };
  }

  /**
   * The live session of a cookie token with its user and organisation (one query), or
   * undefined when there is none or it has ended (an idle or expired session is deleted on the
   * way). Touches `last_seen_at` at most once a minute.
   */
  async resolve(token: string, timing: SessionTiming = {}): Promise<ResolvedSession | undefined> {
    if (token === '' || token.length > 200) return undefined;
    const now = timing.now ?? new Date();
    const idleMs = timing.idleMs ?? DEFAULT_SESSION_IDLE_MS;
    const idHash = sha256Hex(token);
    const query = this.#db
      .selectFrom('trellis.sessions as s')
      .innerJoin('trellis.users as u', 'u.id', 's.user_id')
      .select(['s.id_hash', 's.user_id', 's.csrf_token', 's.created_at', 's.last_seen_at', 's.expires_at', 'u.status', 'u.credentials_changed_at'])
      .select(['u.username', 'u.display_name', 'u.is_admin', 'u.locale', orgSelection(sql.ref('u.id')).as('org')])
      .where('s.id_hash', '=', idHash)
      .compile();
    const [row] = await runPrepared(this.#db, this.#pool, 'trellis_session_resolve', query);
    if (row === undefined) return undefined;
    const t = now.getTime();
    const lastSeen = Date.parse(row.last_seen_at);
    if (Date.parse(row.expires_at) <= t || lastSeen + idleMs <= t) {
      await this.#db.deleteFrom('trellis.sessions').where('id_hash', '=', idHash).execute();
      return undefined;
    }
    if (row.status !== 'active' || Date.parse(row.created_at) < Date.parse(row.credentials_changed_at)) return undefined;
    let lastSeenAt = row.last_seen_at;
    if (t - lastSeen >= SESSION_TOUCH_MS) {
      lastSeenAt = now.toISOString();
      await this.#db.updateTable('trellis.sessions').set({ last_seen_at: lastSeenAt }).where('id_hash', '=', idHash).execute();
    }
    return {
      idHash: row.id_hash,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      createdAt: row.created_at,
      lastSeenAt,
      expiresAt: row.expires_at,
      user: { id: row.user_id, username: row.username, displayName: row.display_name, isAdmin: row.is_admin, locale: row.locale },
      org: orgOfRow(row),
    };
  }

  /** Ends one session (logout) with its `logout` audit row; true when it existed. */
  async delete(idHash: string, ctx: WriteContext): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      const r = await trx.deleteFrom('trellis.sessions').where('id_hash', '=', idHash).returning('user_id').executeTakeFirst();
      if (r === undefined) return false;
      await writeAudit(trx, { ...ctx, actor: ctx.actor ?? r.user_id }, { action: 'logout', app: null, recordId: r.user_id });
      return true;
    });
  }

  /** Ends every session of a user (logout everywhere); returns how many ended. */
  async deleteAllForUser(userId: string, ctx: WriteContext): Promise<number> {
    return this.#db.transaction().execute(async (trx) => {
      const r = await trx.deleteFrom('trellis.sessions').where('user_id', '=', userId).executeTakeFirst();
      const ended = Number(r.numDeletedRows);
      await writeAudit(trx, ctx, { action: 'logout', app: null, recordId: userId, after: { allSessions: true, ended } });
      return ended;
    });
  }

  /** Deletes sessions past their absolute expiry; returns how many. */
  async sweep(now: Date = new Date()): Promise<number> {
    const r = await this.#db.deleteFrom('trellis.sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
