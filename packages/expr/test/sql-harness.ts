import { sql, type Kysely } from 'kysely';
import { compileSql, compileSqlValue, type EvalContext, type VarSchema } from '../src/index.js';
import { SQL_TYPES } from '../src/sql-runtime.js';

/** Creates (or recreates) the temp table `rec` with one typed column per variable. */
export async function createRecordTable(db: Kysely<any>, vars: VarSchema): Promise<void> {
  await sql`DROP TABLE IF EXISTS rec`.execute(db);
  const cols = Object.entries(vars).map(([name, v]) => sql`${sql.id(v.column ?? name)} ${sql.raw(SQL_TYPES[v.type]!)}`);
  await sql`CREATE TEMP TABLE rec (rid int PRIMARY KEY${cols.length ? sql`, ` : sql``}${sql.join(cols)})`.execute(db);
}

/** Inserts records (JS shape) into `rec`, ids 0..n-1, replacing the previous rows. */
export async function insertRecords(db: Kysely<any>, vars: VarSchema, records: readonly Record<string, unknown>[]): Promise<void> {
  await sql`DELETE FROM rec`.execute(db);
  const rows = records.map((record, i) => {
    const row: Record<string, unknown> = { rid: i };
    for (const [name, v] of Object.entries(vars)) {
      const value = record[name];
      row[v.column ?? name] = value === undefined || value === null ? null : v.type === 'json' ? JSON.stringify(value) : v.type === 'number' ? String(value) : value;
    }
    return row;
  });
  if (rows.length > 0) await db.insertInto('rec').values(rows).execute();
}

/** Evaluates the rule as a WHERE condition: the ids of the records it selects. */
export async function selectedIds(db: Kysely<any>, rule: unknown, vars: VarSchema, ctx?: EvalContext): Promise<number[]> {
  const where = compileSql(rule, vars);
  const rows = await db.selectFrom('rec as r').select('rid').where(where(ctx, 'r')).orderBy('rid').execute();
  return rows.map((r) => r.rid as number);
}

/** Evaluates the rule as a value for every record, in id order. */
export async function sqlValues(db: Kysely<any>, rule: unknown, vars: VarSchema, ctx?: EvalContext): Promise<unknown[]> {
  const value = compileSqlValue(rule, vars);
  const rows = await db.selectFrom('rec as r').select([value(ctx, 'r').as('v')]).orderBy('rid').execute();
  return rows.map((r) => r.v);
}
