import type { Kysely } from 'kysely';
import { isUuid } from '../identifiers.js';
import { jsonParam } from '../json-param.js';
import type { SystemDatabase } from '../system-tables.js';

/** The kinds of write the audit log records. */
export type AuditAction =
  | 'publish' | 'create' | 'update' | 'delete' | 'restore'
  // identity: accounts, sessions, API keys
  | 'login' | 'login_failed' | 'logout' | 'password_change' | 'user_create' | 'user_update' | 'api_key_create' | 'api_key_revoke'
  // organisation and permissions
  | 'department_create' | 'department_update' | 'department_delete' | 'role_create' | 'role_update' | 'role_delete' | 'role_members';

/** Who did a write and from where; passed to every write of the store. */
export interface WriteContext {
  /** The acting user's id (a uuid fills `created_by`/`updated_by`), or another actor name such as `cli`; null for the system. */
  readonly actor: string | null;
  /** The client's IP address, when the write came over HTTP. */
  readonly ip?: string | null;
  /** Language of the messages the store writes for people into error details (`zh-CN` default, `en`). */
  readonly locale?: string;
}

/** One row of the audit log as `audit.list` returns it. */
export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actor: string | null;
  readonly action: AuditAction;
  /** null for entries that belong to no app (logins, users, departments). */
  readonly app: string | null;
  readonly form: string | null;
  readonly recordId: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly ip: string | null;
}

/** What one audit row says; written by {@link writeAudit}. */
export interface AuditWrite {
  readonly action: AuditAction;
  readonly app: string | null;
  readonly form?: string | null;
  readonly recordId?: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * Appends an audit row. Call it with the transaction of the write it describes, so both
 * commit together or not at all.
 *
 * @example
 * await writeAudit(trx, ctx, { action: 'create', app: 'crm', form: 'customer', recordId: id, after: record });
 */
export async function writeAudit(db: Kysely<SystemDatabase>, ctx: WriteContext, entry: AuditWrite): Promise<void> {
  await db
    .insertInto('trellis.audit_log')
    .values({
      actor: ctx.actor,
      ip: ctx.ip ?? null,
      action: entry.action,
      app: entry.app,
      form: entry.form ?? null,
      record_id: entry.recordId ?? null,
      before: jsonParam(entry.before),
      after: jsonParam(entry.after),
    })
    .execute();
}

/**
 * Filters of `audit.list`, newest first. With `app` the entries of one app (optionally a form
 * or one record); without it every entry, also those of no app (logins, accounts). The other
 * filters are ANDed: the acting user, the kind of write, a time range, one record.
 */
export interface AuditQuery {
  readonly app?: string;
  readonly form?: string;
  readonly recordId?: string;
  /** The acting user's id (or another actor name such as `cli`). */
  readonly actor?: string;
  /** One kind of write, or several. */
  readonly action?: AuditAction | readonly AuditAction[];
  /** Entries at or after this instant (ISO 8601). */
  readonly from?: string;
  /** Entries before this instant (ISO 8601). */
  readonly to?: string;
  /** At most this many entries (default 100, at most 1000). */
  readonly limit?: number;
  /** Only entries with an id below this one (paging back in time). */
  readonly beforeId?: number;
}

/**
 * Reads the audit log, newest first.
 *
 * @example
 * const history = await listAudit(db, { app: 'crm', form: 'customer', recordId: id });
 * const logins = await listAudit(db, { action: ['login', 'login_failed'], from: '2026-01-01T00:00:00Z' });
 */
export async function listAudit(db: Kysely<SystemDatabase>, query: AuditQuery): Promise<AuditEntry[]> {
  if (query.recordId !== undefined && !isUuid(query.recordId)) return [];
  let q = db.selectFrom('trellis.audit_log').selectAll();
  if (query.app !== undefined) q = q.where('app', '=', query.app);
  if (query.form !== undefined) q = q.where('form', '=', query.form);
  if (query.recordId !== undefined) q = q.where('record_id', '=', query.recordId);
  if (query.actor !== undefined) q = q.where('actor', '=', query.actor);
  if (query.action !== undefined) {
    const actions = typeof query.action === 'string' ? [query.action] : [...query.action];
    if (actions.length === 0) return [];
    q = q.where('action', 'in', actions);
  }
  if (query.from !== undefined) q = q.where('at', '>=', query.from);
  if (query.to !== undefined) q = q.where('at', '<', query.to);
  if (query.beforeId !== undefined) q = q.where('id', '<', query.beforeId);
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 100), 1), 1000);
  const rows = await q.orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actor: r.actor,
    action: r.action as AuditAction,
    app: r.app,
    form: r.form,
    recordId: r.record_id,
    before: r.before ?? null,
    after: r.after ?? null,
    ip: r.ip,
  }));
}
