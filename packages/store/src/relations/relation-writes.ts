import { sql, type Kysely } from 'kysely';
import type { ErrorDetail } from '@trellis/schema';
import { StoreErrors } from '../errors.js';
import { isUuid } from '../identifiers.js';
import { jsonParam } from '../json-param.js';
import type { FormMeta } from '../records/form-catalog.js';
import type { FormLinks, RelationLink } from './relation-layout.js';

/** The related ids a write sets, per relation field it names. */
export interface RelatedIds {
  readonly link: RelationLink;
  readonly ids: readonly string[];
}

/** The relation values in record data (single: one id or null; multiple: a list or null), keyed by field. */
export function relatedIdsOf(links: FormLinks | undefined, data: Readonly<Record<string, unknown>>): RelatedIds[] {
  if (links === undefined) return [];
  const out: RelatedIds[] = [];
  for (const [key, link] of links.relations) {
    if (!Object.prototype.hasOwnProperty.call(data, key) || data[key] === undefined) continue;
    const v = data[key];
    const ids = v === null ? [] : Array.isArray(v) ? v : [v];
    out.push({ link, ids: ids as string[] });
  }
  return out;
}

/**
 * Checks that every related id names a live record of the relation's target form, locking
 * those records `FOR SHARE` until the write commits (so none can be deleted meanwhile).
 * Otherwise `RECORD_RELATION_INVALID` (400) naming `/data/<key>` (and the position in a
 * list) for each bad id; the caller's transaction then writes nothing.
 *
 * @example await checkRelatedIds(trx, relatedIdsOf(meta.links, data), (form) => forms.get(app, form, trx));
 */
export async function checkRelatedIds(db: Kysely<any>, related: readonly RelatedIds[], targetMeta: (form: string) => Promise<FormMeta>): Promise<void> {
  const problems: ErrorDetail[] = [];
  for (const { link, ids } of related) {
    if (ids.length === 0) continue;
    const at = (i: number) => (link.multiple ? `/data/${link.key}/${i}` : `/data/${link.key}`);
    const wellFormed = ids.filter((id, i) => {
      if (isUuid(id)) return true;
      problems.push({ path: at(i), code: 'RECORD_RELATION_INVALID', message: `'${String(id)}' is not a record id` });
      return false;
    });
    if (wellFormed.length === 0) continue;
    const target = await targetMeta(link.target);
    const rows = await db
      .selectFrom(target.tableRef.as('rt'))
      .select(sql.ref('rt.id').as('id'))
      .where(sql<boolean>`${sql.ref('rt.id')} in (select (jsonb_array_elements_text(${jsonParam(wellFormed)}))::uuid)`)
      .where(sql.ref('rt.deleted_at'), 'is', null)
      .forShare()
      .execute();
    const live = new Set(rows.map((r) => String(r['id'])));
    ids.forEach((id, i) => {
      if (isUuid(id) && !live.has(id)) problems.push({ path: at(i), code: 'RECORD_RELATION_INVALID', message: `no live record '${id}' in form '${link.target}' (it does not exist or is in the recycle bin)` });
    });
  }
  if (problems.length > 0) {
    throw StoreErrors.create(
      'RECORD_RELATION_INVALID',
      `[store] ${problems.length} related record id(s) are not live records of their target form (first: ${problems[0]!.path} ${problems[0]!.message}); pick existing records`,
      problems,
    );
  }
}

/**
 * Replaces the join rows of the multiple relations a write names: delete the record's rows,
 * insert the ids with their positions. Runs in the write's transaction.
 *
 * @example await writeJoinRows(trx, meta, record.id, relatedIdsOf(meta.links, data));
 */
export async function writeJoinRows(db: Kysely<any>, meta: FormMeta, recordId: string, related: readonly RelatedIds[]): Promise<void> {
  for (const { link, ids } of related) {
    if (!link.multiple || link.joinTable === undefined) continue;
    const jt = db.withSchema(meta.schema);
    await jt.deleteFrom(link.joinTable).where('record_id', '=', recordId).execute();
    if (ids.length === 0) continue;
    await jt
      .insertInto(link.joinTable)
      .values(ids.map((id, position) => ({ record_id: recordId, related_id: id, position })))
      .execute();
  }
}
