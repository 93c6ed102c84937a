import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import { writeAudit, type WriteContext } from '../audit/audit-log.js';
import { StoreErrors } from '../errors.js';
import { isUuid } from '../identifiers.js';
import { escapeLike } from '../records/text-search.js';
import type { SystemDatabase, UsersTable } from '../system-tables.js';

/** A user account as the API shows it: never its password hash or lockout counters. */
export interface StoredUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly isAdmin: boolean;
  readonly status: 'active' | 'suspended';
  readonly locale: string | null;
  /** Departments the user belongs to, the primary one first. */
  readonly deptIds: readonly string[];
  readonly primaryDeptId: string | null;
  readonly createdAt: string;
  readonly version: number;
}

/** A user with what login needs: the hash and the lockout state. Never leaves the server. */
export interface UserCredentials extends StoredUser {
  readonly passwordHash: string | null;
  readonly failedLogins: number;
  readonly lockedUntil: string | null;
  readonly credentialsChangedAt: string;
}

/** A new account. `passwordHash` is an argon2id hash made by the caller (the store never sees passwords). */
export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string | null;
  readonly email?: string | null;
  readonly isAdmin?: boolean;
  readonly locale?: string | null;
}

/** A change to an account, checked against `version`. */
export interface UserPatch {
  readonly version: number;
  readonly displayName?: string;
  readonly email?: string | null;
  readonly status?: 'active' | 'suspended';
  readonly isAdmin?: boolean;
  readonly locale?: string | null;
  /** A new argon2id hash (an administrator's reset): ends every session of the user. */
  readonly passwordHash?: string;
}

/** The lockout rule of {@link UserRepository.loginFailed}. */
export interface LockoutPolicy {
  /** Consecutive failures that lock the account (default 5). */
  readonly maxFailures: number;
  /** How long the lock lasts in milliseconds (default 15 minutes). */
  readonly lockMs: number;
}

/** The default lockout: 5 consecutive failures lock the account for 15 minutes. */
export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMs: 15 * 60 * 1000 };

type UserRow = Selectable<UsersTable>;
type Db = Kysely<SystemDatabase>;

const isUniqueViolation = (e: unknown): boolean => (e as { code?: unknown } | null)?.code === '23505';

/**
 * The accounts in `trellis.users`: create, read, search, update with `version`, password
 * changes and the failed-login counter. Every write commits with its audit row (`app` null);
 * audit rows carry the public account only, never a hash. A password change or a suspension
 * moves `credentials_changed_at`, which ends every older session on its next request.
 *
 * @example
 * const user = await store.users.create({ username: 'li', displayName: 'Li Lei', passwordHash }, { actor: admin.id, ip });
 */
export class UserRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Creates an account; a taken username (any case) is `USER_USERNAME_TAKEN` (409). */
  async create(input: NewUser, ctx: WriteContext, now: Date = new Date()): Promise<StoredUser> {
    return this.#db.transaction().execute(async (trx) => {
      let row: UserRow;
      try {
        row = await trx
          .insertInto('trellis.users')
          .values({
            username: input.username,
            display_name: input.displayName,
            email: input.email ?? null,
            password_hash: input.passwordHash,
            is_admin: input.isAdmin ?? false,
            locale: input.locale ?? null,
            credentials_changed_at: now.toISOString(),
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
      } catch (e) {
        if (isUniqueViolation(e)) throw usernameTaken(input.username, ctx.locale);
        throw e;
      }
      const user = toUser(row, NO_DEPTS);
      await writeAudit(trx, ctx, { action: 'user_create', app: null, recordId: user.id, after: user });
      return user;
    });
  }

  /**
   * Creates the first administrator `admin` exactly once per database: in one transaction it
   * claims the setup step `first_admin` (`insert … on conflict do nothing returning`); only the
   * transaction that inserted the row creates the account, every other caller gets undefined.
   */
  async createFirstAdmin(passwordHash: string, ctx: WriteContext, now: Date = new Date()): Promise<StoredUser | undefined> {
    return this.#db.transaction().execute(async (trx) => {
      const won = await trx.insertInto('trellis.setup').values({ step: 'first_admin' }).onConflict((oc) => oc.column('step').doNothing()).returning('step').executeTakeFirst();
      if (won === undefined) return undefined;
      const row = await trx
        .insertInto('trellis.users')
        .values({
          username: 'admin',
          display_name: 'Administrator',
          password_hash: passwordHash,
          is_admin: true,
          credentials_changed_at: now.toISOString(),
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const user = toUser(row, NO_DEPTS);
      await writeAudit(trx, ctx, { action: 'user_create', app: null, recordId: user.id, after: user });
      return user;
    });
  }

  /** The account with this id, or undefined. */
  async get(id: string): Promise<StoredUser | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.#db.selectFrom('trellis.users').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return undefined;
    return toUser(row, await deptsOf(this.#db, [row.id]).then((m) => m.get(row.id) ?? NO_DEPTS));
  }

  /** The account with this username (case-insensitive) with its credentials, for login. */
  async byUsername(username: string): Promise<UserCredentials | undefined> {
    const row = await this.#db
      .selectFrom('trellis.users')
      .selectAll()
      .where(sql<string>`lower(username)`, '=', username.toLowerCase())
      .executeTakeFirst();
    if (row === undefined) return undefined;
    const user = toUser(row, (await deptsOf(this.#db, [row.id])).get(row.id) ?? NO_DEPTS);
    return {
      ...user,
      passwordHash: row.password_hash,
      failedLogins: row.failed_logins,
      lockedUntil: row.locked_until,
      credentialsChangedAt: row.credentials_changed_at,
    };
  }

  /** The credentials of the account with this id (for a password change), or undefined. */
  async credentials(id: string): Promise<UserCredentials | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.#db.selectFrom('trellis.users').select('username').where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : this.byUsername(row.username);
  }

  /** Accounts by username; `q` matches part of the username, display name or email (case-insensitive). At most 1000. */
  async list(query: { readonly q?: string } = {}): Promise<StoredUser[]> {
    let q = this.#db.selectFrom('trellis.users').selectAll();
    const text = query.q?.trim();
    if (text !== undefined && text !== '') {
      const pattern = `%${escapeLike(text.toLowerCase())}%`;
      q = q.where((eb) =>
        eb.or([
          eb(sql<string>`lower(username)`, 'like', pattern),
          eb(sql<string>`lower(display_name)`, 'like', pattern),
          eb(sql<string>`lower(coalesce(email, ''))`, 'like', pattern),
        ]),
      );
    }
    const rows = await q.orderBy(sql`lower(username)`).limit(1000).execute();
    const depts = await deptsOf(this.#db, rows.map((r) => r.id));
    return rows.map((r) => toUser(r, depts.get(r.id) ?? NO_DEPTS));
  }

  /**
   * Changes an account if `patch.version` is still current (else `USER_VERSION_CONFLICT`, 409,
   * nothing written). A new password hash or a suspension moves `credentials_changed_at` and
   * deletes the user's sessions, so they stop working on the next request.
   */
  async update(id: string, patch: UserPatch, ctx: WriteContext, now: Date = new Date()): Promise<StoredUser> {
    return this.#db.transaction().execute(async (trx) => {
      const row = isUuid(id) ? await trx.selectFrom('trellis.users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst() : undefined;
      if (row === undefined) throw userNotFound(id, ctx.locale);
      if (row.version !== patch.version) {
        throw StoreErrors.create(
          'USER_VERSION_CONFLICT',
          en(ctx.locale)
            ? `[store] user '${row.username}' was changed by someone else (version ${row.version}, you sent ${patch.version}); reload it and apply your change again`
            : `[store] 用户「${row.username}」已被他人修改（当前版本 ${row.version}，提交的版本 ${patch.version}）；请刷新后重新修改`,
          [{ path: '/version', message: `current version is ${row.version}` }],
        );
      }
      const endsSessions = patch.passwordHash !== undefined || (patch.status === 'suspended' && row.status !== 'suspended');
      const updated = await trx
        .updateTable('trellis.users')
        .set({
          ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
          ...(patch.email !== undefined ? { email: patch.email } : {}),
          ...(patch.status !== undefined ? { status: patch.status } : {}),
          ...(patch.isAdmin !== undefined ? { is_admin: patch.isAdmin } : {}),
          ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
          ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash, failed_logins: 0, locked_until: null } : {}),
          ...(endsSessions ? { credentials_changed_at: now.toISOString() } : {}),
          updated_at: now.toISOString(),
          version: row.version + 1,
        })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (endsSessions) await trx.deleteFrom('trellis.sessions').where('user_id', '=', row.id).execute();
      const depts = (await deptsOf(trx, [row.id])).get(row.id) ?? NO_DEPTS;
      const before = toUser(row, depts);
      const after = toUser(updated, depts);
      await writeAudit(trx, ctx, {
        action: 'user_update',
        app: null,
        recordId: row.id,
        before,
        after: patch.passwordHash !== undefined ? { ...after, passwordReset: true } : after,
      });
      return after;
    });
  }

  /**
   * The user's own password change: stores the new hash, moves `credentials_changed_at` and
   * deletes every other session; the session in `keepSession` (the caller's) stays valid.
   */
  async setPassword(id: string, passwordHash: string, ctx: WriteContext, options: { readonly keepSession?: string; readonly now?: Date } = {}): Promise<void> {
    const now = (options.now ?? new Date()).toISOString();
    await this.#db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('trellis.users')
        .set((eb) => ({ password_hash: passwordHash, credentials_changed_at: now, failed_logins: 0, locked_until: null, updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst();
      if (row === undefined) throw userNotFound(id, ctx.locale);
      let del = trx.deleteFrom('trellis.sessions').where('user_id', '=', id);
      if (options.keepSession !== undefined) {
        del = del.where('id_hash', '<>', options.keepSession);
        // The kept session starts again at the change, so the older-than-credentials rule spares it.
        await trx.updateTable('trellis.sessions').set({ created_at: now, last_seen_at: now }).where('id_hash', '=', options.keepSession).execute();
      }
      await del.execute();
      await writeAudit(trx, ctx, { action: 'password_change', app: null, recordId: id });
    });
  }

  /**
   * Records a failed login (audit `login_failed` with the attempted username and the reason).
   * For an existing account it counts the failure; the `maxFailures`-th consecutive one locks
   * the account for `lockMs` and starts the count again. Returns the lock, if one is now set.
   */
  async loginFailed(
    user: { readonly id: string } | null,
    username: string,
    reason: 'unknown_user' | 'wrong_password' | 'locked' | 'suspended' | 'no_password',
    ctx: WriteContext,
    options: { readonly now?: Date; readonly lockout?: LockoutPolicy } = {},
  ): Promise<{ readonly lockedUntil: string | null }> {
    const now = options.now ?? new Date();
    const { maxFailures, lockMs } = options.lockout ?? DEFAULT_LOCKOUT;
    return this.#db.transaction().execute(async (trx) => {
      let lockedUntil: string | null = null;
      if (user !== null && reason === 'wrong_password') {
        const until = new Date(now.getTime() + lockMs).toISOString();
        const row = await trx
          .updateTable('trellis.users')
          .set({
            failed_logins: sql<number>`case when failed_logins + 1 >= ${maxFailures} then 0 else failed_logins + 1 end`,
            locked_until: sql<string | null>`case when failed_logins + 1 >= ${maxFailures} then ${until}::timestamptz else locked_until end`,
          })
          .where('id', '=', user.id)
          .returning(['locked_until'])
          .executeTakeFirst();
        if (row?.locked_until != null && Date.parse(row.locked_until) > now.getTime()) lockedUntil = row.locked_until;
      }
      await writeAudit(trx, { ...ctx, actor: user?.id ?? null }, {
        action: 'login_failed',
        app: null,
        recordId: user?.id ?? null,
        after: { username, reason, ...(lockedUntil !== null ? { lockedUntil } : {}) },
      });
      return { lockedUntil };
    });
  }
}

/** Department ids per user, primary first. */
interface Memberships {
  readonly ids: string[];
  primary: string | null;
}

const NO_DEPTS: Memberships = { ids: [], primary: null };

async function deptsOf(db: Db, userIds: readonly string[]): Promise<Map<string, Memberships>> {
  const out = new Map<string, Memberships>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('trellis.user_departments')
    .select(['user_id', 'dept_id', 'is_primary'])
    .where('user_id', 'in', [...userIds])
    .orderBy('user_id')
    .orderBy('is_primary', 'desc')
    .orderBy('dept_id')
    .execute();
  for (const r of rows) {
    const m = out.get(r.user_id) ?? { ids: [], primary: null };
    m.ids.push(r.dept_id);
    if (r.is_primary) m.primary = r.dept_id;
    out.set(r.user_id, m);
  }
  return out;
}

function toUser(row: UserRow, depts: Memberships): StoredUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    isAdmin: row.is_admin,
    status: row.status,
    locale: row.locale,
    deptIds: [...depts.ids],
    primaryDeptId: depts.primary,
    createdAt: row.created_at,
    version: row.version,
  };
}

const en = (locale: string | undefined): boolean => locale === 'en';

function userNotFound(id: string, locale: string | undefined) {
  return StoreErrors.create('USER_NOT_FOUND', en(locale) ? `[store] no user account has the id '${id}'` : `[store] 不存在 id 为「${id}」的用户`);
}

function usernameTaken(username: string, locale: string | undefined) {
  return StoreErrors.create(
    'USER_USERNAME_TAKEN',
    en(locale) ? `[store] the username '${username}' is already taken; choose another` : `[store] 用户名「${username}」已被占用，请换一个`,
    [{ path: '/username', message: en(locale) ? 'already taken' : '已被占用' }],
  );
}
