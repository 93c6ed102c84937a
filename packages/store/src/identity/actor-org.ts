import { sql, type Kysely } from 'kysely';
import { SYSTEM_SCHEMA, type SystemDatabase } from '../system-tables.js';

/** A user's place in the organisation, as row scopes see it (`$user.deptIds`, …). */
export interface ActorOrg {
  /** Departments the user belongs to directly, the primary one first. */
  readonly deptIds: readonly string[];
  /** `deptIds` and every department below them (the own departments first). */
  readonly deptTree: readonly string[];
  /** Departments the user manages and every department below them. */
  readonly managedDeptTree: readonly string[];
}

/**
 * Loads a user's departments, department tree and managed tree in one round trip each
 * (recursive CTEs over `parent_id`; `union` drops repeats and stops at a cycle). Called on
 * every request, so a moved user or department counts at once.
 *
 * @example
 * const { deptIds, deptTree, managedDeptTree } = await loadActorOrg(store.db, user.id);
 */
export async function loadActorOrg(db: Kysely<SystemDatabase>, userId: string): Promise<ActorOrg> {
  const deptRows = await db
    .selectFrom('trellis.user_departments')
    .select('dept_id')
    .where('user_id', '=', userId)
    .orderBy('is_primary', 'desc')
    .orderBy('dept_id')
    .execute();
  const deptIds = deptRows.map((r) => r.dept_id);
  const departments = sql.table(`${SYSTEM_SCHEMA}.departments`);
  const below = async (seed: ReturnType<typeof sql>) => {
    const { rows } = await sql<{ id: string }>`
      with recursive t(id) as (
        ${seed}
        union
        select d.id from ${departments} d join t on d.parent_id = t.id
      )
      select id from t`.execute(db);
    return rows.map((r) => r.id);
  };
  const tree = deptIds.length === 0 ? [] : await below(sql`select dept_id from ${sql.table(`${SYSTEM_SCHEMA}.user_departments`)} where user_id = ${userId}`);
  const own = new Set(deptIds);
  const deptTree = [...deptIds, ...tree.filter((id) => !own.has(id)).sort()];
  const managedDeptTree = (await below(sql`select dept_id from ${sql.table(`${SYSTEM_SCHEMA}.department_managers`)} where user_id = ${userId}`)).sort();
  return { deptIds, deptTree, managedDeptTree };
}
