import { loadActorOrg, type ActorOrg } from '../identity/actor-org.js';
import { sql, type Kysely } from 'kysely';
import { writeAudit, type WriteContext } from '../audit/audit-log.js';
import { StoreErrors } from '../errors.js';
import { isUuid } from '../identifiers.js';
import type { SystemDatabase } from '../system-tables.js';

/** A department as the API shows it: the tree is flat, `parentId` links it. */
export interface Department {
  readonly id: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly sort: number;
  /** Users who manage this department (and so its whole subtree). */
  readonly managerIds: readonly string[];
  /** Users who belong to this department directly. */
  readonly memberCount: number;
  readonly version: number;
}

/** What `departments.update` changes; `version` is the one the caller read. */
export interface DepartmentUpdate {
  readonly version: number;
  readonly name?: string;
  readonly parentId?: string | null;
  readonly sort?: number;
  readonly managerIds?: readonly string[];
}

/** A user's departments: every one they belong to, the primary one first. */
export interface UserDepartments {
  readonly deptIds: readonly string[];
  readonly primaryDeptId: string | null;
}

const D = 'trellis.departments';

/**
 * The organisation tree: departments with managers and members. Every write commits with
 * its audit row (`department_create`, `department_update`, `department_delete`); a move is
 * refused when it would make a department its own ancestor, a delete when the department
 * still has sub-departments or members.
 *
 * @example
 * const sales = await store.departments.create({ name: 'Sales' }, { actor: adminId });
 * await store.departments.update(sales.id, { version: sales.version, managerIds: [userId] }, { actor: adminId });
 */
export class DepartmentRepository {
  readonly #db: Kysely<SystemDatabase>;

  constructor(db: Kysely<SystemDatabase>) {
    this.#db = db;
  }

  /** Every department, by `sort` then name, with its managers and member count. */
  async list(): Promise<Department[]> {
    return listDepartments(this.#db);
  }

  /** One department; `DEPARTMENT_NOT_FOUND` when absent. */
  async get(id: string): Promise<Department> {
    const found = isUuid(id) ? (await listDepartments(this.#db, id))[0] : undefined;
    if (found === undefined) throw notFound(id);
    return found;
  }

  /** Adds a department (under `parentId`, or at the top). */
  async create(input: { name: string; parentId?: string | null; sort?: number }, ctx: WriteContext): Promise<Department> {
    return this.#db.transaction().execute(async (trx) => {
      if (input.parentId !== undefined && input.parentId !== null) await lockDepartment(trx, input.parentId, '/parentId');
      const row = await trx
        .insertInto(D)
        .values({ name: input.name, parent_id: input.parentId ?? null, sort: input.sort ?? 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const created = (await listDepartments(trx, row.id))[0]!;
      await writeAudit(trx, ctx, { action: 'department_create', app: null, recordId: created.id, after: created });
      return created;
    });
  }

  /**
   * Renames, moves, re-sorts a department or replaces its managers if it is still at
   * `version`. A move under itself or a sub-department is `DEPARTMENT_CYCLE` (400).
   */
  async update(id: string, update: DepartmentUpdate, ctx: WriteContext): Promise<Department> {
    return this.#db.transaction().execute(async (trx) => {
      const before = await lockDepartment(trx, id, '/id');
      if (before.version !== update.version) throw conflict(id, update.version, before.version);
      if (update.parentId !== undefined && update.parentId !== null && update.parentId !== before.parentId) {
        await lockDepartment(trx, update.parentId, '/parentId');
        const ancestors = await ancestorsOf(trx, [update.parentId]);
        if (ancestors.includes(id)) {
          throw StoreErrors.create('DEPARTMENT_CYCLE', `[store] department '${before.name}' cannot move under itself or one of its own sub-departments; choose another parent`, [
            { path: '/parentId', message: 'is this department or one below it' },
          ]);
        }
      }
      if (update.managerIds !== undefined) {
        await assertUsers(trx, update.managerIds, '/managerIds');
        await trx.deleteFrom('trellis.department_managers').where('dept_id', '=', id).execute();
        const managers = [...new Set(update.managerIds)];
        if (managers.length > 0) await trx.insertInto('trellis.department_managers').values(managers.map((u) => ({ dept_id: id, user_id: u }))).execute();
      }
      await trx
        .updateTable(D)
        .set({
          ...(update.name !== undefined ? { name: update.name } : {}),
          ...(update.parentId !== undefined ? { parent_id: update.parentId } : {}),
          ...(update.sort !== undefined ? { sort: update.sort } : {}),
          updated_at: sql`now()`,
          version: sql`version + 1`,
        })
        .where('id', '=', id)
        .execute();
      const after = (await listDepartments(trx, id))[0]!;
      await writeAudit(trx, ctx, { action: 'department_update', app: null, recordId: id, before, after });
      return after;
    });
  }

  /** Deletes an empty department: `DEPARTMENT_NOT_EMPTY` (409) while it has sub-departments or members. */
  async delete(id: string, ctx: WriteContext & { version?: number }): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      const before = await lockDepartment(trx, id, '/id');
      if (ctx.version !== undefined && ctx.version !== before.version) throw conflict(id, ctx.version, before.version);
      const child = await trx.selectFrom(D).select('id').where('parent_id', '=', id).limit(1).executeTakeFirst();
      if (child !== undefined || before.memberCount > 0) {
        throw StoreErrors.create(
          'DEPARTMENT_NOT_EMPTY',
          `[store] department '${before.name}' still has ${child !== undefined ? 'sub-departments' : ''}${child !== undefined && before.memberCount > 0 ? ' and ' : ''}${before.memberCount > 0 ? `${before.memberCount} member(s)` : ''}; move or remove them first`,
          [{ path: '/id', message: 'department is not empty' }],
        );
      }
      await trx.deleteFrom(D).where('id', '=', id).execute();
      await writeAudit(trx, ctx, { action: 'department_delete', app: null, recordId: id, before });
    });
  }

  /**
   * Replaces the departments a user belongs to; `primaryDeptId` (one of `deptIds`, default
   * the first) is where their new records go. Audited as `user_update`.
   */
  async setUserDepartments(userId: string, deptIds: readonly string[], primaryDeptId: string | null, ctx: WriteContext): Promise<UserDepartments> {
    const ids = [...new Set(deptIds)];
    const primary = primaryDeptId ?? ids[0] ?? null;
    if (primary !== null && !ids.includes(primary)) {
      throw StoreErrors.create('STORE_VALUE_INVALID', '[store] the primary department must be one of the departments the user belongs to; add it to deptIds', [
        { path: '/primaryDeptId', message: 'not in deptIds' },
      ]);
    }
    return this.#db.transaction().execute(async (trx) => {
      await assertUsers(trx, [userId], '/params/id');
      for (const [i, d] of ids.entries()) await lockDepartment(trx, d, `/deptIds/${i}`);
      const before = await userDepartments(trx, userId);
      await trx.deleteFrom('trellis.user_departments').where('user_id', '=', userId).execute();
      if (ids.length > 0) await trx.insertInto('trellis.user_departments').values(ids.map((d) => ({ user_id: userId, dept_id: d, is_primary: d === primary }))).execute();
      const after = { deptIds: primary === null ? [] : [primary, ...ids.filter((d) => d !== primary)], primaryDeptId: primary };
      await writeAudit(trx, ctx, { action: 'user_update', app: null, recordId: userId, before: { departments: before }, after: { departments: after } });
      return after;
    });
  }

  /** A user's departments, the primary first. */
  async ofUser(userId: string): Promise<UserDepartments> {
    return userDepartments(this.#db, userId);
  }

  /**
   * What the request actor of `userId` carries: their departments (primary first), those and
   * every department below (`deptTree`), and the subtrees of the departments they manage
   * (`managedDeptTree`). Read fresh on each call.
   *
   * @example const { deptTree } = await store.departments.actorOrg(userId);
   */
  actorOrg(userId: string): Promise<ActorOrg> {
    return loadActorOrg(this.#db, userId);
  }
}

async function listDepartments(db: Kysely<SystemDatabase>, id?: string): Promise<Department[]> {
  let q = db
    .selectFrom(`${D} as d`)
    .select([
      'd.id',
      'd.parent_id',
      'd.name',
      'd.sort',
      'd.version',
      sql<string[] | null>`(select coalesce(json_agg(m.user_id::text order by m.user_id), '[]'::json) from trellis.department_managers m where m.dept_id = d.id)`.as('manager_ids'),
      sql<number>`(select count(*)::int from trellis.user_departments u where u.dept_id = d.id)`.as('member_count'),
    ]);
  if (id !== undefined) q = q.where('d.id', '=', id);
  const rows = await q.orderBy('d.sort').orderBy('d.name').orderBy('d.id').execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    sort: Number(r.sort),
    managerIds: parseJson(r.manager_ids) ?? [],
    memberCount: Number(r.member_count),
    version: Number(r.version),
  }));
}

function parseJson<T>(v: T | string | null): T | null {
  return typeof v === 'string' ? (JSON.parse(v) as T) : v;
}

/** Locks a department row for the transaction and returns it; `DEPARTMENT_NOT_FOUND` (404) when absent. */
async function lockDepartment(trx: Kysely<SystemDatabase>, id: string, path: string): Promise<Department> {
  const row = isUuid(id) ? await trx.selectFrom(D).select('id').where('id', '=', id).forUpdate().executeTakeFirst() : undefined;
  if (row === undefined) throw notFound(id, path);
  return (await listDepartments(trx, id))[0]!;
}

/**
 * A user's departments, the primary first (any of theirs counts as primary when none is marked).
 *
 * @example (await userDepartments(trx, ownerId)).primaryDeptId
 */
export async function userDepartments(db: Kysely<SystemDatabase>, userId: string): Promise<UserDepartments> {
  const rows = await db
    .selectFrom('trellis.user_departments')
    .select(['dept_id', 'is_primary'])
    .where('user_id', '=', userId)
    .orderBy('is_primary', 'desc')
    .orderBy('dept_id')
    .execute();
  return { deptIds: rows.map((r) => r.dept_id), primaryDeptId: rows.find((r) => r.is_primary)?.dept_id ?? rows[0]?.dept_id ?? null };
}

/**
 * The given departments and every department below them (a recursive CTE over `parent_id`).
 *
 * @example await descendantsOf(db, [salesId]) // [salesId, eastId, westId]
 */
export async function descendantsOf(db: Kysely<SystemDatabase>, ids: readonly string[]): Promise<string[]> {
  const start = ids.filter(isUuid);
  if (start.length === 0) return [];
  const rows = await sql<{ id: string }>`with recursive tree(id) as (
      select id from trellis.departments where id in (${sql.join(start)})
      union
      select d.id from trellis.departments d join tree t on d.parent_id = t.id
    ) select id::text as id from tree order by id`.execute(db);
  return rows.rows.map((r) => r.id);
}

/**
 * The given departments and every department above them.
 *
 * @example await ancestorsOf(db, [eastId]) // [eastId, salesId, rootId]
 */
export async function ancestorsOf(db: Kysely<SystemDatabase>, ids: readonly string[]): Promise<string[]> {
  const start = ids.filter(isUuid);
  if (start.length === 0) return [];
  const rows = await sql<{ id: string }>`with recursive up(id, parent_id) as (
      select id, parent_id from trellis.departments where id in (${sql.join(start)})
      union
      select d.id, d.parent_id from trellis.departments d join up u on d.id = u.parent_id
    ) select id::text as id from up order by id`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** Refuses user ids that name no user: `ORG_USER_NOT_FOUND` (404) with the path of each. */
export async function assertUsers(db: Kysely<SystemDatabase>, ids: readonly string[], path: string): Promise<void> {
  const wanted = [...new Set(ids)];
  const found = new Set(
    wanted.filter(isUuid).length === 0 ? [] : (await db.selectFrom('trellis.users').select('id').where('id', 'in', wanted.filter(isUuid)).execute()).map((r) => r.id),
  );
  const details = ids.flatMap((id, i) => (found.has(id) ? [] : [{ path: path === '/params/id' ? path : `${path}/${i}`, message: `no user '${id}'` }]));
  if (details.length > 0) throw StoreErrors.create('ORG_USER_NOT_FOUND', `[store] ${details.length} user id(s) name no user (first: ${details[0]!.path}); check the ids`, details);
}

function notFound(id: string, path = '/id') {
  return StoreErrors.create('DEPARTMENT_NOT_FOUND', `[store] department '${id}' does not exist; check the id`, [{ path, message: 'no such department' }]);
}

function conflict(id: string, expected: number, actual: number) {
  return StoreErrors.create('DEPARTMENT_VERSION_CONFLICT', `[store] department '${id}' was changed by someone else (you have version ${expected}, it is now ${actual}); reload and retry`, [
    { path: '/version', message: `expected ${actual}` },
  ]);
}
