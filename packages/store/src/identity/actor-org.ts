import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import { isUuid } from '../identifiers.js';
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

/** The account fields a request's actor needs, read with its session or API key. */
export interface ActorUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly isAdmin: boolean;
  readonly locale: string | null;
}

const t = (name: string) => sql.table(`${SYSTEM_SCHEMA}.${name}`);

/**
 * One scalar subquery (a JSON array of `[kind, deptId, isPrimary]`, kind `own`, `below` or
 * `managed`) that computes a user's {@link ActorOrg} inside another query: one recursive CTE
 * seeded with the user's departments and managed departments walks `departments.parent_id`
 * down (`union` drops repeats, so a cycle ends it). Select it as `org` and read the row with
 * {@link orgOfRow}, so authenticating a request is one round trip.
 *
 * @example
 * db.selectFrom('trellis.users as u').select(orgSelection(sql.ref('u.id')).as('org'))
 */
export function orgSelection(userId: Expression<unknown>): RawBuilder<unknown> {
  return sql<unknown>`(
    with recursive t(kind, id, is_primary) as (
      select 'own', dept_id, is_primary from ${t('user_departments')} where user_id = ${userId}
      union all
      select 'managed', dept_id, false from ${t('department_managers')} where user_id = ${userId}
      union
      select case when t.kind = 'managed' then 'managed' else 'below' end, d.id, false from ${t('departments')} d join t on d.parent_id = t.id
    )
    select coalesce(json_agg(json_build_array(t.kind, t.id::text, t.is_primary)), '[]'::json) from t)`;
}

/** The {@link ActorOrg} of a row that selected {@link orgSelection} as `org`. */
export function orgOfRow(row: { org?: unknown }): ActorOrg {
  const parsed = typeof row.org === 'string' ? (JSON.parse(row.org) as unknown) : row.org;
  const entries = (Array.isArray(parsed) ? parsed : []) as [string, string, boolean][];
  const own = entries.filter((e) => e[0] === 'own').sort((x, y) => (x[2] === y[2] ? (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0) : x[2] ? -1 : 1)).map((e) => e[1]);
  const ownSet = new Set(own);
  const below = [...new Set(entries.filter((e) => e[0] === 'below' && !ownSet.has(e[1])).map((e) => e[1]))].sort();
  const managed = [...new Set(entries.filter((e) => e[0] === 'managed').map((e) => e[1]))].sort();
  return { deptIds: own, deptTree: [...own, ...below], managedDeptTree: managed };
}

/**
 * Loads a user's departments, department tree and managed tree in one query (a recursive CTE
 * over `parent_id`). Runs on every request (through the session and API-key lookups, which
 * select the same subqueries), so a moved user or department counts at once.
 *
 * @example
 * const { deptIds, deptTree, managedDeptTree } = await loadActorOrg(store.db, user.id);
 */
export async function loadActorOrg(db: Kysely<SystemDatabase>, userId: string): Promise<ActorOrg> {
  if (!isUuid(userId)) return { deptIds: [], deptTree: [], managedDeptTree: [] };
  const { rows } = await sql<{ org: unknown }>`select ${orgSelection(sql`cast(${userId} as uuid)`)} as org`.execute(db);
  return orgOfRow(rows[0] ?? {});
}
