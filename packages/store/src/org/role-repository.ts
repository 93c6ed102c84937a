import { sql, type Kysely } from 'kysely';
import type { FormPermission, LocalizedText, RoleDef } from '@trellis/schema';
import { writeAudit, type WriteContext } from '../audit/audit-log.js';
import { StoreErrors } from '../errors.js';
import { isUuid } from '../identifiers.js';
import { jsonParam } from '../json-param.js';
import type { SystemDatabase } from '../system-tables.js';
import { ancestorsOf, assertUsers } from './department-repository.js';

/** A member of a role: one user, or a whole department (with its subtree when `includeChildren`). */
export type RoleMember = { readonly userId: string } | { readonly deptId: string; readonly includeChildren: boolean };

/** A role as stored: its definition, identity, version and members. */
export interface Role extends RoleDef {
  readonly id: string;
  readonly app: string;
  readonly version: number;
  readonly members: readonly RoleMember[];
}

/** What `roles.update` changes; `version` is the one the caller read. */
export interface RoleUpdate {
  readonly version: number;
  readonly name?: LocalizedText;
  readonly description?: LocalizedText | null;
  readonly design?: boolean;
  readonly forms?: Readonly<Record<string, FormPermission>>;
}

/** The part of a role permission evaluation needs. */
export interface HeldRole {
  readonly key: string;
  readonly design: boolean;
  readonly forms: Readonly<Record<string, FormPermission>>;
}

type RoleRow = { id: string; app: string; key: string; name: unknown; description: unknown; design: boolean; forms: unknown; version: number };

/**
 * Roles of apps and their members. A user holds a role when a member row names them, or a
 * department they belong to, or (with `includeChildren`) a department above one they belong
 * to. Every write commits with its audit row (`role_create`, `role_update`, `role_delete`,
 * `role_members`).
 *
 * @example
 * const rep = await store.roles.create('crm', { key: 'rep', name: 'Rep', forms: { customer: { actions: ['view'] } } }, ctx);
 * await store.roles.setMembers('crm', rep.id, [{ userId }], ctx);
 */
export class RoleRepository {
  readonly #db: Kysely<SystemDatabase>;

  constructor(db: Kysely<SystemDatabase>) {
    this.#db = db;
  }

  /** The roles of an app with their members, by key. */
  async list(app: string): Promise<Role[]> {
    return loadRoles(this.#db, app);
  }

  /** One role of an app; `ROLE_NOT_FOUND` (404) when absent. */
  async get(app: string, id: string): Promise<Role> {
    const role = isUuid(id) ? (await loadRoles(this.#db, app, id))[0] : undefined;
    if (role === undefined) throw notFound(app, id);
    return role;
  }

  /** Adds a role to an app; `ROLE_KEY_TAKEN` (409) when the key is in use. */
  async create(app: string, def: RoleDef, ctx: WriteContext): Promise<Role> {
    return this.#db.transaction().execute(async (trx) => {
      const taken = await trx.selectFrom('trellis.roles').select('id').where('app', '=', app).where('key', '=', def.key).executeTakeFirst();
      if (taken !== undefined) {
        throw StoreErrors.create('ROLE_KEY_TAKEN', `[store] app '${app}' already has a role '${def.key}'; choose another key`, [{ path: '/key', message: 'already used' }]);
      }
      const id = await insertRole(trx, app, def);
      const created = (await loadRoles(trx, app, id))[0]!;
      await writeAudit(trx, ctx, { action: 'role_create', app, recordId: id, after: created });
      return created;
    });
  }

  /** Changes a role if it is still at `version`; `ROLE_VERSION_CONFLICT` (409) otherwise. */
  async update(app: string, id: string, update: RoleUpdate, ctx: WriteContext): Promise<Role> {
    return this.#db.transaction().execute(async (trx) => {
      const before = await lockRole(trx, app, id);
      if (before.version !== update.version) throw conflict(app, id, update.version, before.version);
      await trx
        .updateTable('trellis.roles')
        .set({
          ...(update.name !== undefined ? { name: jsonParam(update.name) as never } : {}),
          ...(update.description !== undefined ? { description: jsonParam(update.description) as never } : {}),
          ...(update.design !== undefined ? { design: update.design } : {}),
          ...(update.forms !== undefined ? { forms: jsonParam(update.forms) as never } : {}),
          updated_at: sql`now()`,
          version: sql`version + 1`,
        })
        .where('id', '=', id)
        .execute();
      const after = (await loadRoles(trx, app, id))[0]!;
      await writeAudit(trx, ctx, { action: 'role_update', app, recordId: id, before, after });
      return after;
    });
  }

  /** Deletes a role and its member rows. */
  async delete(app: string, id: string, ctx: WriteContext): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      const before = await lockRole(trx, app, id);
      await trx.deleteFrom('trellis.roles').where('id', '=', id).execute();
      await writeAudit(trx, ctx, { action: 'role_delete', app, recordId: id, before });
    });
  }

  /** Replaces a role's members (users and departments); audited as `role_members`. */
  async setMembers(app: string, id: string, members: readonly RoleMember[], ctx: WriteContext): Promise<Role> {
    return this.#db.transaction().execute(async (trx) => {
      const before = await lockRole(trx, app, id);
      const users = members.flatMap((m, i) => ('userId' in m ? [{ id: m.userId, i }] : []));
      const depts = members.flatMap((m, i) => ('deptId' in m ? [{ id: m.deptId, i, includeChildren: m.includeChildren }] : []));
      await assertUsersAt(trx, users);
      const found = new Set(
        depts.filter((d) => isUuid(d.id)).length === 0
          ? []
          : (await trx.selectFrom('trellis.departments').select('id').where('id', 'in', depts.map((d) => d.id).filter(isUuid)).execute()).map((r) => r.id),
      );
      const missing = depts.filter((d) => !found.has(d.id));
      if (missing.length > 0) {
        throw StoreErrors.create('DEPARTMENT_NOT_FOUND', `[store] ${missing.length} department id(s) name no department; check the ids`, missing.map((d) => ({ path: `/members/${d.i}/deptId`, message: `no department '${d.id}'` })));
      }
      await trx.deleteFrom('trellis.role_members').where('role_id', '=', id).execute();
      const rows = [
        ...[...new Set(users.map((u) => u.id))].map((u) => ({ role_id: id, user_id: u, dept_id: null, include_children: false })),
        ...[...new Map(depts.map((d) => [d.id, d])).values()].map((d) => ({ role_id: id, user_id: null, dept_id: d.id, include_children: d.includeChildren })),
      ];
      if (rows.length > 0) await trx.insertInto('trellis.role_members').values(rows).execute();
      await trx.updateTable('trellis.roles').set({ updated_at: sql`now()`, version: sql`version + 1` }).where('id', '=', id).execute();
      const after = (await loadRoles(trx, app, id))[0]!;
      await writeAudit(trx, ctx, { action: 'role_members', app, recordId: id, before: { members: before.members }, after: { members: after.members } });
      return after;
    });
  }

  /**
   * The roles a user holds in an app: member rows naming the user, one of `deptIds`, or (with
   * `includeChildren`) a department above one of `deptIds` (a recursive CTE over the tree).
   * Read fresh on every call, so a revoked role stops working on the next request.
   *
   * @example const held = await store.roles.rolesOf('crm', actor.id, actor.deptIds);
   */
  async rolesOf(app: string, userId: string, deptIds: readonly string[]): Promise<HeldRole[]> {
    const rows = await heldQuery(this.#db, userId, deptIds, app);
    return rows.map((r) => ({ key: r.key, design: r.design, forms: (parse(r.forms) ?? {}) as Record<string, FormPermission> }));
  }

  /** The apps in which the user holds any role (for the app list). */
  async appsOf(userId: string, deptIds: readonly string[]): Promise<string[]> {
    const rows = await heldQuery(this.#db, userId, deptIds);
    return [...new Set(rows.map((r) => r.app))].sort();
  }
}

async function heldQuery(db: Kysely<SystemDatabase>, userId: string, deptIds: readonly string[], app?: string): Promise<{ app: string; key: string; design: boolean; forms: unknown }[]> {
  if (!isUuid(userId)) return [];
  const direct = deptIds.filter(isUuid);
  const above = await ancestorsOf(db, direct);
  const inList = (ids: readonly string[]) => (ids.length === 0 ? sql<boolean>`false` : sql<boolean>`m.dept_id in (${sql.join(ids)})`);
  let q = db
    .selectFrom('trellis.roles as r')
    .select(['r.app', 'r.key', 'r.design', 'r.forms'])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('trellis.role_members as m')
          .select(sql`1`.as('one'))
          .whereRef('m.role_id', '=', 'r.id')
          .where(sql<boolean>`(m.user_id = ${userId} or ${inList(direct)} or (m.include_children and ${inList(above)}))`),
      ),
    );
  if (app !== undefined) q = q.where('r.app', '=', app);
  return q.orderBy('r.app').orderBy('r.key').execute();
}

/**
 * Creates, inside the caller's transaction, the roles of a package that the app does not
 * have yet (by key); existing roles (perhaps edited since) are left as they are. Used when
 * an app package with `roles` is published.
 *
 * @example await seedRoles(trx, 'crm', pkg.roles ?? [], ctx) // ['rep'] when only rep was new
 */
export async function seedRoles(trx: Kysely<SystemDatabase>, app: string, roles: readonly RoleDef[], ctx: WriteContext): Promise<string[]> {
  if (roles.length === 0) return [];
  const existing = new Set((await trx.selectFrom('trellis.roles').select('key').where('app', '=', app).execute()).map((r) => r.key));
  const created: string[] = [];
  for (const def of roles) {
    if (existing.has(def.key)) continue;
    const id = await insertRole(trx, app, def);
    const role = (await loadRoles(trx, app, id))[0]!;
    await writeAudit(trx, ctx, { action: 'role_create', app, recordId: id, after: role });
    existing.add(def.key);
    created.push(def.key);
  }
  return created;
}

async function insertRole(trx: Kysely<SystemDatabase>, app: string, def: RoleDef): Promise<string> {
  const row = await trx
    .insertInto('trellis.roles')
    .values({
      app,
      key: def.key,
      name: jsonParam(def.name) as never,
      description: jsonParam(def.description ?? null) as never,
      design: def.design === true,
      forms: jsonParam(def.forms ?? {}) as never,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function lockRole(trx: Kysely<SystemDatabase>, app: string, id: string): Promise<Role> {
  const row = isUuid(id) ? await trx.selectFrom('trellis.roles').select('id').where('id', '=', id).where('app', '=', app).forUpdate().executeTakeFirst() : undefined;
  if (row === undefined) throw notFound(app, id);
  return (await loadRoles(trx, app, id))[0]!;
}

async function assertUsersAt(trx: Kysely<SystemDatabase>, users: readonly { id: string; i: number }[]): Promise<void> {
  try {
    await assertUsers(trx, users.map((u) => u.id), '/members');
  } catch (e) {
    // re-point each detail at /members/<index in the whole list>/userId
    const err = e as { details?: { path: string; message: string }[] };
    if (err.details) err.details = err.details.map((d) => ({ ...d, path: `/members/${users[Number(d.path.split('/').pop())]!.i}/userId` }));
    throw e;
  }
}

async function loadRoles(db: Kysely<SystemDatabase>, app: string, id?: string): Promise<Role[]> {
  let q = db.selectFrom('trellis.roles').select(['id', 'app', 'key', 'name', 'description', 'design', 'forms', 'version']).where('app', '=', app);
  if (id !== undefined) q = q.where('id', '=', id);
  const rows = (await q.orderBy('key').execute()) as RoleRow[];
  if (rows.length === 0) return [];
  const members = await db
    .selectFrom('trellis.role_members')
    .select(['role_id', 'user_id', 'dept_id', 'include_children'])
    .where('role_id', 'in', rows.map((r) => r.id))
    .orderBy('user_id')
    .orderBy('dept_id')
    .execute();
  return rows.map((r) => {
    const description = parse(r.description);
    return {
      id: r.id,
      app: r.app,
      key: r.key,
      name: parse(r.name) as LocalizedText,
      ...(description !== null && description !== undefined ? { description: description as LocalizedText } : {}),
      design: r.design,
      forms: (parse(r.forms) ?? {}) as Record<string, FormPermission>,
      version: Number(r.version),
      members: members
        .filter((m) => m.role_id === r.id)
        .map((m): RoleMember => (m.user_id !== null ? { userId: m.user_id } : { deptId: m.dept_id!, includeChildren: m.include_children })),
    };
  });
}

/** jsonb columns arrive parsed from both drivers. */
function parse(v: unknown): unknown {
  return v;
}

function notFound(app: string, id: string) {
  return StoreErrors.create('ROLE_NOT_FOUND', `[store] app '${app}' has no role '${id}'; check the id`, [{ path: '/params/id', message: 'no such role' }]);
}

function conflict(app: string, id: string, expected: number, actual: number) {
  return StoreErrors.create('ROLE_VERSION_CONFLICT', `[store] role '${id}' of app '${app}' was changed by someone else (you have version ${expected}, it is now ${actual}); reload and retry`, [
    { path: '/version', message: `expected ${actual}` },
  ]);
}
