import { sql, type Expression, type SqlBool } from 'kysely';
import { StoreErrors } from '../errors.js';
import type { FormMeta, SortableColumn } from './form-catalog.js';

/** One sort key of a list: a field key or a system column name. */
export interface SortSpec {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

/** A resolved sort key: its column, and how nulls sort (Postgres: last ascending, first descending). */
export interface SortColumn extends SortableColumn {
  readonly name: string;
  readonly direction: 'asc' | 'desc';
}

/** The default order of a list: newest first. */
export const DEFAULT_SORT: readonly SortSpec[] = [{ field: 'created_at', direction: 'desc' }];

/**
 * Resolves the requested sort against the form, and appends `id` as the final tie-breaker
 * (same direction as the last key) so the order is total and keyset paging is stable.
 */
export function resolveSort(meta: FormMeta, sort: readonly SortSpec[] | undefined): SortColumn[] {
  const specs = sort && sort.length > 0 ? sort : DEFAULT_SORT;
  const details: { path: string; message: string }[] = [];
  const columns: SortColumn[] = [];
  const seen = new Set<string>();
  specs.forEach((spec, i) => {
    const col = meta.sortable.get(spec?.field);
    if (!col || (spec.direction !== 'asc' && spec.direction !== 'desc')) {
      details.push({
        path: `/sort/${i}`,
        message: col ? `direction must be 'asc' or 'desc'` : `'${String(spec?.field)}' is not a sortable field of form '${meta.form}'`,
      });
      return;
    }
    if (seen.has(spec.field)) return;
    seen.add(spec.field);
    columns.push({ ...col, name: spec.field, direction: spec.direction });
  });
  if (details.length > 0) {
    throw StoreErrors.create('STORE_SORT_INVALID', `[store] the list of form '${meta.form}' cannot be sorted as asked; sort by field keys or system columns (not json or list fields)`, details);
  }
  if (!seen.has('id')) columns.push({ column: 'id', valueType: 'uuid', notNull: true, name: 'id', direction: columns[columns.length - 1]!.direction });
  return columns;
}

/** The sort, as a cursor remembers it (so a cursor is refused under a different sort). */
function sortSignature(sort: readonly SortColumn[]): string {
  return sort.map((s) => `${s.name}:${s.direction}`).join(',');
}

/**
 * Encodes the position after `row` as an opaque cursor: the sort and the row's sort values
 * (base64url JSON). Values are what the driver returned: numbers, ISO strings, dates.
 */
export function encodeCursor(sort: readonly SortColumn[], row: Readonly<Record<string, unknown>>): string {
  const payload = { s: sortSignature(sort), v: sort.map((s) => row[s.column] ?? null) };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor} for the same sort; `STORE_CURSOR_INVALID` otherwise. */
export function decodeCursor(sort: readonly SortColumn[], cursor: string): unknown[] {
  const invalid = (why: string) =>
    StoreErrors.create('STORE_CURSOR_INVALID', `[store] the list cursor ${why}; start again from the first page`, [{ path: '/cursor', message: why }]);
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('is not a cursor this store made');
  }
  const p = payload as { s?: unknown; v?: unknown };
  if (!p || typeof p !== 'object' || !Array.isArray(p.v) || typeof p.s !== 'string') throw invalid('is not a cursor this store made');
  if (p.s !== sortSignature(sort)) throw invalid('belongs to a different sort order');
  if (p.v.length !== sort.length) throw invalid('does not match the sort');
  p.v.forEach((v, i) => {
    const ok = v === null ? !sort[i]!.notNull : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    if (!ok) throw invalid('holds a value of the wrong kind');
  });
  return p.v;
}

/**
 * The condition "the row comes after the cursor" for the sort. When every key is non-null
 * and all go one way, a row-value comparison `(a, b) < ($1, $2)` that an index can walk;
 * otherwise the expansion `k1 after v1 OR (k1 = v1 AND (k2 after v2 OR …))`, with nulls
 * placed as Postgres orders them (last ascending, first descending).
 */
export function keysetCondition(sort: readonly SortColumn[], values: readonly unknown[], table: string): Expression<SqlBool> {
  const ref = (s: SortColumn) => sql.ref(`${table}.${s.column}`);
  const value = (s: SortColumn, v: unknown) => sql`cast(${v} as ${sql.raw(castType(s))})`;
  const sameWay = sort.every((s) => s.direction === sort[0]!.direction);
  if (sameWay && sort.every((s, i) => s.notNull && values[i] !== null)) {
    const op = sort[0]!.direction === 'asc' ? sql.raw('>') : sql.raw('<');
    return sql<SqlBool>`(${sql.join(sort.map(ref))}) ${op} (${sql.join(sort.map((s, i) => value(s, values[i])))})`;
  }
  const after = (s: SortColumn, v: unknown): Expression<SqlBool> => {
    if (s.direction === 'asc') return v === null ? sql<SqlBool>`false` : s.notNull ? sql<SqlBool>`${ref(s)} > ${value(s, v)}` : sql<SqlBool>`(${ref(s)} > ${value(s, v)} or ${ref(s)} is null)`;
    return v === null ? sql<SqlBool>`${ref(s)} is not null` : sql<SqlBool>`${ref(s)} < ${value(s, v)}`;
  };
  const equal = (s: SortColumn, v: unknown): Expression<SqlBool> => (v === null ? sql<SqlBool>`${ref(s)} is null` : sql<SqlBool>`${ref(s)} = ${value(s, v)}`);
  let condition: Expression<SqlBool> = after(sort[sort.length - 1]!, values[sort.length - 1]);
  for (let i = sort.length - 2; i >= 0; i -= 1) {
    condition = sql<SqlBool>`(${after(sort[i]!, values[i])} or (${equal(sort[i]!, values[i])} and ${condition}))`;
  }
  return condition;
}

/** The SQL type a cursor value is cast to (a fixed list): the drivers send parameters untyped. */
function castType(s: SortColumn): string {
  switch (s.valueType) {
    case 'number':
      return s.column === 'version' ? 'integer' : 'numeric';
    case 'datetime':
      return 'timestamptz';
    case 'date':
      return 'date';
    case 'boolean':
      return 'boolean';
    case 'uuid':
      return 'uuid';
    default:
      return 'text';
  }
}
