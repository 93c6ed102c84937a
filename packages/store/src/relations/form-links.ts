import { sql, type Kysely } from 'kysely';
import type { AppPackage, FieldDef, FormDef } from "@trellis/schema";
import type { FormMeta } from '../records/form-catalog.js';
import type { SystemDatabase } from '../system-tables.js';
import { buildFormLinks } from './relation-layout.js';

/**
 * Adds the relations, lookups and rollups of the app's live package to its form layouts:
 * `links`, and the computed values appended to `listColumns` (as `_c_<key>`), so every read
 * — one record or a page — selects them in the same statement.
 *
 * @example const forms = await withFormLinks(db, 'crm', metas);
 */
export async function withFormLinks(db: Kysely<SystemDatabase>, app: string, metas: ReadonlyMap<string, FormMeta>): Promise<Map<string, FormMeta>> {
  const row = await db
    .selectFrom('trellis.app_versions')
    .innerJoin('trellis.apps', (j) => j.onRef('trellis.apps.key', '=', 'trellis.app_versions.app').onRef('trellis.apps.current_version', '=', 'trellis.app_versions.version'))
    .select('trellis.app_versions.package')
    .where('trellis.app_versions.app', '=', app)
    .executeTakeFirst();
  const out = new Map(metas);
  const pkg = row?.package as AppPackage | undefined;
  if (pkg === undefined || !Array.isArray(pkg.forms)) return out;
  const needs = pkg.forms.some((f: FormDef) => f.fields.some((x: FieldDef) => x.type === 'relation' || x.type === 'lookup' || x.type === 'rollup'));
  if (!needs) return out;
  for (const [form, links] of buildFormLinks(pkg, metas)) {
    const meta = metas.get(form)!;
    if (links.relations.size === 0 && links.computed.length === 0) continue;
    out.set(form, { ...meta, links, listColumns: [...meta.listColumns, ...links.computed.map((c) => sql`${c.expression} as ${sql.id(c.alias)}`)] });
  }
  return out;
}
