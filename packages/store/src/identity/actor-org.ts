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

/** The three scalar subqueries of {@link orgSelections}. */
export interface OrgSelections {
  readonly deptIds: RawBuilder<unknown>;
  readonly deptTree: RawBuilder<unknown>;
  readonly managed: RawBuilder<unknown>;
}

/**
 * Three scalar subqueries (JSON arrays of ids) that compute a user's {@link ActorOrg} inside
 * another query: the recursive CTEs walk `departments.parent_id` down (`union` drops repeats
 * and stops at a cycle). Select them as `org_dept_ids`, `org_dept_tree`, `org_managed` and read
 * the row with {@link orgOfRow}, so authenticating a request is one round trip.
 *
 * @example
 * const o = orgSelections(sql.ref('u.id'));
 * db.selectFrom('trellis.users as u').select([o.deptIds.as('org_dept_ids'), o.deptTree.as('org_dept_tree'), o.managed.as('org_managed')])
 */
export function orgSelections(userId: Expression<unknown>): OrgSelections {
  const below = (seed: RawBuilder<unknown>) => sql<unknown>`(
    with recursive t(id) as (${seed} union select d.id from ${t('departments')} d join t on d.parent_id = t.id)
    select coalesce(json_agg(t.id::text order by t.id), '[]'::json) from t)`;
  return {
    deptIds: sql<unknown>`(select coalesce(json_agg(ud.dept_id::text order by ud.is_primary desc, ud.dept_id), '[]'::json) from ${t('user_departments')} ud where ud.user_id = ${userId})`,
    deptTree: below(sql`select dept_id from ${t('user_departments')} where user_id = ${userId}`),
    managed: below(sql`select dept_id from ${t('department_managers')} where user_id = ${userId}`),
  };
}

const ids = (v: unknown): string[] => {
  const parsed = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  return Array.isArray(parsed) ? parsed.map(String) : [];
};

/** The {@link ActorOrg} of a row that selected {@link orgSelections}. */
export function orgOfRow(row: { org_dept_ids?: unknown; org_dept_tree?: unknown; org_managed?: unknown }): ActorOrg {
  const deptIds = ids(row.org_dept_ids);
  const own = new Set(deptIds);
  return {
    deptIds,
    deptTree: [...deptIds, ...ids(row.org_dept_tree).filter((id) => !own.has(id))],
    managedDeptTree: ids(row.org_managed),
  };
}

/**
 * Loads a user's departments, department tree and managed tree in one query (recursive CTEs
 * over `parent_id`). Runs on every request (through the session and API-key lookups, which
 * select the same subqueries), so a moved user or department counts at once.
 *
 * @example
 * const { deptIds, deptTree, managedDeptTree } = await loadActorOrg(store.db, user.id);
 */
export async function loadActorOrg(db: Kysely<SystemDatabase>, userId: string): Promise<ActorOrg> {
  if (!isUuid(userId)) return { deptIds: [], deptTree: [], managedDeptTree: [] };
  const o = orgSelections(sql`cast(${userId} as uuid)`);
  const { rows } = await sql<Record<string, unknown>>`select ${o.deptIds} as org_dept_ids, ${o.deptTree} as org_dept_tree, ${o.managed} as org_managed`.execute(db);
  return orgOfRow(rows[0] ?? {});
}
