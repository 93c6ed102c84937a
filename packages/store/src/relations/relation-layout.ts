import { sql, type RawBuilder } from 'kysely';
import type { AppPackage, FieldDef, FormDef } from '@trellis/schema';
import { conditionSql } from '../records/conditions.js';
import type { FormMeta } from '../records/form-catalog.js';
import { joinTableName } from './join-tables.js';

/** A relation field of a live form, as reads and writes need it. */
export interface RelationLink {
  readonly key: string;
  readonly multiple: boolean;
  /** Single: the uuid column holding the related id. */
  readonly column?: string;
  /** Multiple: the join table (in the app's schema). */
  readonly joinTable?: string;
  /** The related form. */
  readonly target: string;
  /** Fields of the target shown with each related record (its title field by default). */
  readonly display: readonly string[];
  /** The target's title field, when it has one. */
  readonly title?: string;
}

/** A value computed on read: a multiple relation's ids, a lookup or a rollup, selected as `alias`. */
export interface ComputedColumn {
  readonly key: string;
  /** The select alias (`_c_<key>`, from the validated key). */
  readonly alias: string;
  /** The SQL expression, a correlated subquery over the record aliased `t`. */
  readonly expression: RawBuilder<unknown>;
}

/** The relations of one live form: links, computed columns and the keys that have no column. */
export interface FormLinks {
  readonly relations: ReadonlyMap<string, RelationLink>;
  readonly computed: readonly ComputedColumn[];
  /** Keys record data may carry that are not columns: computed values (ignored) and multiple relations (join rows). */
  readonly withoutColumn: ReadonlySet<string>;
}

/** The alias of the record a computed column is correlated with (the list alias). */
const OUTER = 't';

const titleOf = (form: FormDef): string | undefined => form.titleField ?? form.fields.find((f) => f.type === 'text')?.key;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Reads the relation, lookup and rollup fields of each live form from the app's package and
 * builds, once per layout, what reads and writes need: relation links (columns, join tables,
 * display fields) and one correlated subquery per computed value — lookups and rollups are
 * computed by the database when records are read, never by loading related rows. A field
 * whose definition no longer resolves against the live layout reads as null.
 *
 * @example const links = buildFormLinks(pkg, metas).get('customer');
 */
export function buildFormLinks(pkg: AppPackage, metas: ReadonlyMap<string, FormMeta>): Map<string, FormLinks> {
  const defs = new Map(pkg.forms.map((f) => [f.key, f]));
  const relationsByForm = new Map<string, Map<string, RelationLink>>();
  for (const form of pkg.forms) {
    const meta = metas.get(form.key);
    if (meta === undefined) continue;
    const relations = new Map<string, RelationLink>();
    for (const field of form.fields) {
      if (field.type !== 'relation') continue;
      const target = defs.get(str(field.options?.['form']));
      if (target === undefined || !metas.has(target.key)) continue;
      const shown = Array.isArray(field.options?.['displayFields']) ? (field.options['displayFields'] as unknown[]).filter((k): k is string => typeof k === 'string') : [];
      const title = titleOf(target);
      const display = shown.length > 0 ? shown : title === undefined ? [] : [title];
      const base = { key: field.key, target: target.key, display, ...(title !== undefined ? { title } : {}) };
      if (field.options?.['multiple'] === true) relations.set(field.key, { ...base, multiple: true, joinTable: joinTableName(meta.table, field.id) });
      else {
        const column = meta.byKey.get(field.key)?.column;
        if (column !== undefined) relations.set(field.key, { ...base, multiple: false, column });
      }
    }
    relationsByForm.set(form.key, relations);
  }

  const out = new Map<string, FormLinks>();
  for (const form of pkg.forms) {
    const meta = metas.get(form.key);
    if (meta === undefined) continue;
    const relations = relationsByForm.get(form.key)!;
    const computed: ComputedColumn[] = [];
    const withoutColumn = new Set<string>();
    for (const field of form.fields) {
      const relation = relations.get(field.key);
      let expression: RawBuilder<unknown> | undefined;
      if (field.type === 'relation' && field.options?.['multiple'] === true) {
        withoutColumn.add(field.key);
        if (relation?.joinTable !== undefined) expression = multipleIds(meta, relation.joinTable);
      } else if (field.type === 'lookup') {
        withoutColumn.add(field.key);
        expression = lookupSql(field, relations, metas, meta);
      } else if (field.type === 'rollup') {
        withoutColumn.add(field.key);
        expression = rollupSql(field, form, meta, defs, metas, relationsByForm);
      } else continue;
      computed.push({ key: field.key, alias: `_c_${field.key}`, expression: expression ?? sql`null` });
    }
    out.set(form.key, { relations, computed, withoutColumn });
  }
  return out;
}

/** `"schema"."table" as alias` */
const from = (meta: FormMeta, table: string, alias: string) => sql`${sql.id(meta.schema, table)} as ${sql.id(alias)}`;
const col = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

function multipleIds(meta: FormMeta, joinTable: string): RawBuilder<unknown> {
  return sql`(select jsonb_agg(${col('rj', 'related_id')} order by ${col('rj', 'position')}) from ${from(meta, joinTable, 'rj')} where ${col('rj', 'record_id')} = ${col(OUTER, 'id')})`;
}

function lookupSql(field: FieldDef, relations: ReadonlyMap<string, RelationLink>, metas: ReadonlyMap<string, FormMeta>, meta: FormMeta): RawBuilder<unknown> | undefined {
  const relation = relations.get(str(field.options?.['relation']));
  if (relation === undefined) return undefined;
  const target = metas.get(relation.target);
  const column = target?.byKey.get(str(field.options?.['field']))?.column;
  if (target === undefined || column === undefined) return undefined;
  if (!relation.multiple) {
    return sql`(select ${col('rl', column)} from ${from(target, target.table, 'rl')} where ${col('rl', 'id')} = ${col(OUTER, relation.column!)} and ${col('rl', 'deleted_at')} is null)`;
  }
  return sql`(select jsonb_agg(${col('rl', column)} order by ${col('rj', 'position')}) from ${from(meta, relation.joinTable!, 'rj')} join ${from(target, target.table, 'rl')} on ${col('rl', 'id')} = ${col('rj', 'related_id')} and ${col('rl', 'deleted_at')} is null where ${col('rj', 'record_id')} = ${col(OUTER, 'id')})`;
}

function aggregateSql(aggregate: string, column: string | undefined): RawBuilder<unknown> | undefined {
  if (aggregate === 'count') return sql`count(*)::integer`;
  if (column === undefined) return undefined;
  const c = col('rs', column);
  switch (aggregate) {
    case 'sum':
      return sql`coalesce(sum(${c}), 0)`;
    case 'avg':
      return sql`avg(${c})`;
    case 'min':
      return sql`min(${c})`;
    case 'max':
      return sql`max(${c})`;
    default:
      return undefined;
  }
}

function rollupSql(
  field: FieldDef,
  form: FormDef,
  meta: FormMeta,
  defs: ReadonlyMap<string, FormDef>,
  metas: ReadonlyMap<string, FormMeta>,
  relationsByForm: ReadonlyMap<string, ReadonlyMap<string, RelationLink>>,
): RawBuilder<unknown> | undefined {
  const o = field.options ?? {};
  let source: FormMeta | undefined;
  let fromClause: RawBuilder<unknown>;
  let correlation: RawBuilder<unknown>;
  if (typeof o['relation'] === 'string') {
    const relation = relationsByForm.get(form.key)?.get(o['relation']);
    source = relation?.multiple ? metas.get(relation.target) : undefined;
    if (source === undefined || relation?.joinTable === undefined) return undefined;
    fromClause = sql`${from(meta, relation.joinTable, 'rj')} join ${from(source, source.table, 'rs')} on ${col('rs', 'id')} = ${col('rj', 'related_id')}`;
    correlation = sql`${col('rj', 'record_id')} = ${col(OUTER, 'id')}`;
  } else {
    source = metas.get(str(o['form']));
    const via = source === undefined ? undefined : relationsByForm.get(source.form)?.get(str(o['via']));
    if (source === undefined || via === undefined || via.target !== form.key || defs.get(source.form) === undefined) return undefined;
    if (via.multiple) {
      fromClause = sql`${from(source, source.table, 'rs')} join ${from(source, via.joinTable!, 'rj')} on ${col('rj', 'record_id')} = ${col('rs', 'id')}`;
      correlation = sql`${col('rj', 'related_id')} = ${col(OUTER, 'id')}`;
    } else {
      fromClause = from(source, source.table, 'rs');
      correlation = sql`${col('rs', via.column!)} = ${col(OUTER, 'id')}`;
    }
  }
  const column = typeof o['field'] === 'string' ? source.byKey.get(o['field'])?.column : undefined;
  const aggregate = aggregateSql(str(o['aggregate']) || 'count', column);
  if (aggregate === undefined) return undefined;
  const conditions = [correlation, sql`${col('rs', 'deleted_at')} is null`];
  const where = o['where'];
  if (where !== undefined && where !== null && where !== true) {
    try {
      conditions.push(sql`(${conditionSql(source, where, undefined, 'rs')})`);
    } catch {
      return undefined; // refused at publish; a layout that no longer fits reads null
    }
  }
  return sql`(select ${aggregate} from ${fromClause} where ${sql.join(conditions, sql` and `)})`;
}
