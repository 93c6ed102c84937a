import { sql, type Kysely, type RawBuilder } from 'kysely';
import { StoreErrors } from '../errors.js';
import { isUuid } from '../identifiers.js';
import { jsonParam } from '../json-param.js';
import type { SystemDatabase } from '../system-tables.js';
import type { FieldColumn } from '../records/form-catalog.js';
import { columnValue } from '../records/record-shape.js';

/** A live sub-table field of a form and the child table holding its rows. */
export interface ChildTableMeta {
  readonly fieldId: string;
  readonly key: string;
  readonly table: string;
  /** The live row columns, in creation order. */
  readonly columns: readonly FieldColumn[];
  readonly byKey: ReadonlyMap<string, FieldColumn>;
}

/** What a form needs to know of its child tables. */
export interface ChildTablesOf {
  readonly form: string;
  readonly schema: string;
  readonly children: readonly ChildTableMeta[];
}

/** One row as the API sends it: its id, then one property per live row column. */
export type ChildRow = Readonly<Record<string, unknown>> & { readonly id: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function childDb(db: Kysely<SystemDatabase>, meta: ChildTablesOf): Kysely<any> {
  return (db as unknown as Kysely<any>).withSchema(meta.schema);
}

/**
 * Splits record data into the parent's column values and the rows of each sub-table named in
 * it (`null` = no rows). Rows must be objects whose keys are `id` (a uuid, optional) and live
 * row columns; anything else is refused with `STORE_FIELD_UNKNOWN` / `STORE_VALUE_INVALID`
 * naming `/data/<key>/<row>/<column>`.
 *
 * @example const { data, rows } = splitChildData(meta, { title: 'A', items: [{ qty: 2 }] });
 */
export function splitChildData(meta: ChildTablesOf, input: Readonly<Obj>): { data: Readonly<Obj>; rows: Map<ChildTableMeta, readonly Obj[]> } {
  const rows = new Map<ChildTableMeta, readonly Obj[]>();
  if (meta.children.length === 0 || !isObj(input)) return { data: input, rows };
  const data: Obj = { ...input };
  const problems: { path: string; message: string }[] = [];
  let unknown = false;
  for (const child of meta.children) {
    if (!Object.prototype.hasOwnProperty.call(input, child.key) || input[child.key] === undefined) continue;
    const value = input[child.key];
    delete data[child.key];
    if (value === null) {
      rows.set(child, []);
      continue;
    }
    if (!Array.isArray(value)) {
      problems.push({ path: `/data/${child.key}`, message: 'must be an array of rows' });
      continue;
    }
    value.forEach((row, i) => {
      if (!isObj(row)) return void problems.push({ path: `/data/${child.key}/${i}`, message: 'must be an object of column values' });
      for (const k of Object.keys(row)) {
        if (k === 'id') {
          if (row[k] !== undefined && row[k] !== null && !isUuid(row[k])) problems.push({ path: `/data/${child.key}/${i}/id`, message: 'must be a uuid' });
        } else if (!child.byKey.has(k)) {
          unknown = true;
          problems.push({ path: `/data/${child.key}/${i}/${k}`, message: `sub-table '${child.key}' has no column '${k}'` });
        }
      }
    });
    rows.set(child, value as Obj[]);
  }
  if (problems.length > 0) {
    throw StoreErrors.create(
      unknown ? 'STORE_FIELD_UNKNOWN' : 'STORE_VALUE_INVALID',
      `[store] the sub-table rows for form '${meta.form}' are not valid (first: ${problems[0]!.path} ${problems[0]!.message}); send rows of the sub-table's live columns`,
      problems,
    );
  }
  return { data, rows };
}

function rowValues(child: ChildTableMeta, row: Readonly<Obj>): Record<string, unknown | RawBuilder<unknown>> {
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'id' || v === undefined) continue;
    const column = child.byKey.get(k)!;
    values[column.column] = columnValue(column, v);
  }
  return values;
}

/**
 * Writes the rows of each sub-table given for one parent record, inside the caller's
 * transaction. On create every row is inserted (a given `id` is kept). On update, per
 * sub-table: a row whose `id` is a row of this record is updated, a row without `id` is
 * inserted, stored rows missing from the array are deleted, and `position` follows the array
 * order. An `id` that is not a row of this record is refused (`STORE_VALUE_INVALID`).
 *
 * @example await writeChildRows(trx, meta, record.id, rows, 'update');
 */
export async function writeChildRows(db: Kysely<SystemDatabase>, meta: ChildTablesOf, parentId: string, rows: ReadonlyMap<ChildTableMeta, readonly Obj[]>, mode: 'create' | 'update'): Promise<void> {
  const t = childDb(db, meta);
  for (const [child, list] of rows) {
    const given = list.map((r) => (typeof r['id'] === 'string' ? r['id'].toLowerCase() : undefined));
    const wanted = given.filter((id): id is string => id !== undefined);
    let stored = new Set<string>();
    if (wanted.length > 0 || mode === 'update') {
      const q = t.selectFrom(child.table).select(['id', 'parent_id']);
      const found = mode === 'update' ? await q.where('parent_id', '=', parentId).execute() : await q.where('id', '=', anyUuid(wanted)).execute();
      stored = new Set(found.map((r) => String(r.id)));
    }
    const bad = given
      .map((id, i) => ({ id, i }))
      .filter(({ id, i }) => id !== undefined && ((mode === 'update' ? !stored.has(id) : stored.has(id)) || given.indexOf(id) !== i));
    if (bad.length > 0) {
      throw StoreErrors.create(
        'STORE_VALUE_INVALID',
        `[store] sub-table '${child.key}' of form '${meta.form}': row id ${bad[0]!.id} ${mode === 'update' ? 'is not a row of this record' : 'is already used'}; leave out the id of a new row`,
        bad.map(({ i }) => ({ path: `/data/${child.key}/${i}/id`, message: mode === 'update' ? 'no such row in this record' : 'row id already used' })),
      );
    }
    if (mode === 'update') {
      const keep = new Set(wanted);
      const gone = [...stored].filter((id) => !keep.has(id));
      if (gone.length > 0) await t.deleteFrom(child.table).where('parent_id', '=', parentId).where('id', '=', anyUuid(gone)).execute();
    }
    const inserts: Record<string, unknown>[] = [];
    for (const [i, row] of list.entries()) {
      const id = given[i];
      const values = rowValues(child, row);
      if (mode === 'update' && id !== undefined) {
        await t.updateTable(child.table).set({ ...values, position: i }).where('id', '=', id).where('parent_id', '=', parentId).execute();
      } else {
        inserts.push(id === undefined ? { ...values, parent_id: parentId, position: i } : { ...values, id, parent_id: parentId, position: i });
      }
    }
    // One insert per distinct set of columns given (a multi-row insert needs the same columns in every row).
    const groups = new Map<string, Record<string, unknown>[]>();
    for (const r of inserts) {
      const k = Object.keys(r).sort().join(',');
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    for (const group of groups.values()) await t.insertInto(child.table).values(group).execute();
  }
}

/** `= any(…)` of a list of uuids, sent as one JSON parameter (identical on both drivers). */
function anyUuid(ids: readonly string[]): RawBuilder<unknown> {
  return sql`any(array(select jsonb_array_elements_text(${jsonParam(ids)})::uuid))`;
}

/**
 * The rows of every sub-table of the given parent records: one query per sub-table for the
 * whole set (`parent_id = any(…)`), never one per record. Rows come in `position` order as
 * `{ id, <column>: value }`; a parent without rows in a sub-table has no entry for it.
 *
 * @example const rows = await readChildRows(db, meta, page.map((r) => r.id));
 */
export async function readChildRows(db: Kysely<SystemDatabase>, meta: ChildTablesOf, parentIds: readonly string[]): Promise<Map<string, Record<string, ChildRow[]>>> {
  const out = new Map<string, Record<string, ChildRow[]>>();
  if (meta.children.length === 0 || parentIds.length === 0) return out;
  const t = childDb(db, meta);
  for (const child of meta.children) {
    const rows = await t
      .selectFrom(child.table)
      .select(['id', 'parent_id', ...child.columns.map((c) => c.column)])
      .where('parent_id', '=', anyUuid(parentIds))
      .orderBy('parent_id')
      .orderBy('position')
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const row: Record<string, unknown> = { id: r.id };
      for (const c of child.columns) row[c.key] = r[c.column] ?? null;
      const parent = String(r.parent_id);
      let byKey = out.get(parent);
      if (!byKey) out.set(parent, (byKey = {}));
      (byKey[child.key] ??= []).push(row as ChildRow);
    }
  }
  return out;
}

/**
 * `record` with the value of each sub-table in `data`: its rows, or `null` when it has none
 * (the pipeline's "no value", so a record read back passes `process` unchanged).
 */
export function withRows<R extends { readonly id: string; readonly data: Readonly<Obj> }>(meta: ChildTablesOf, record: R, rows: ReadonlyMap<string, Record<string, ChildRow[]>>): R {
  if (meta.children.length === 0) return record;
  const mine = rows.get(record.id);
  const data: Obj = { ...record.data };
  for (const c of meta.children) data[c.key] = mine?.[c.key] ?? null;
  return { ...record, data };
}
