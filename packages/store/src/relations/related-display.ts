import { sql, type Kysely } from 'kysely';
import { jsonParam } from '../json-param.js';
import type { FormMeta } from '../records/form-catalog.js';
import type { FormLinks } from './relation-layout.js';

/** How one related record is shown: its title and the relation's display fields. */
export interface RelatedDisplay {
  readonly title: string | null;
  readonly fields: Readonly<Record<string, unknown>>;
}

/**
 * Display values of related records, by relation field key and related id:
 * `{ customer: { '<id>': { title: 'ACME', fields: { name: 'ACME', city: '上海' } } } }`.
 * Records in the recycle bin (or gone) are absent, so a cell can say so.
 */
export type RelatedRecords = Readonly<Record<string, Readonly<Record<string, RelatedDisplay>>>>;

/**
 * Loads the display values of every record the relation fields of `records` point at: one
 * query per relation field with ids on the page, selecting only the title and display
 * columns of the live related records.
 *
 * @example const related = await relatedDisplay(db, links, page.items.map((r) => r.data), (f) => forms.get(app, f));
 */
export async function relatedDisplay(
  db: Kysely<any>,
  links: FormLinks | undefined,
  records: readonly Readonly<Record<string, unknown>>[],
  targetMeta: (form: string) => Promise<FormMeta>,
): Promise<RelatedRecords> {
  const out: Record<string, Record<string, RelatedDisplay>> = {};
  if (links === undefined) return out;
  for (const [key, link] of links.relations) {
    const ids = new Set<string>();
    for (const data of records) {
      const v = data[key];
      for (const id of Array.isArray(v) ? v : v === null || v === undefined ? [] : [v]) if (typeof id === 'string') ids.add(id);
    }
    const shown: Record<string, RelatedDisplay> = {};
    out[key] = shown;
    if (ids.size === 0) continue;
    const target = await targetMeta(link.target);
    const keys = [...new Set([...(link.title !== undefined ? [link.title] : []), ...link.display])].filter((k) => target.byKey.has(k));
    const rows = await db
      .selectFrom(target.tableRef.as('rd'))
      .select([sql.ref('rd.id').as('id'), ...keys.map((k) => sql.ref(`rd.${target.byKey.get(k)!.column}`).as(`_d_${k}`))])
      .where(sql<boolean>`${sql.ref('rd.id')} in (select (jsonb_array_elements_text(${jsonParam([...ids])}))::uuid)`)
      .where(sql.ref('rd.deleted_at'), 'is', null)
      .execute();
    for (const row of rows) {
      const fields: Record<string, unknown> = {};
      for (const k of link.display) if (target.byKey.has(k)) fields[k] = row[`_d_${k}`] ?? null;
      const title = link.title !== undefined && target.byKey.has(link.title) ? row[`_d_${link.title}`] : undefined;
      shown[String(row['id'])] = { title: title === undefined || title === null ? null : String(title), fields };
    }
  }
  return out;
}
