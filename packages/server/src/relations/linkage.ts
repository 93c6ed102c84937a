import { fieldTypes, linkageOf, type FieldTypeRegistry } from '@trellis/forms';
import type { FormDef } from '@trellis/schema';
import type { EvalContext } from '@trellis/expr';
import type { Store } from '@trellis/store';

/** The lines a sub-table takes from the matched record's sub-table: new rows (no ids), columns mapped by `rows`. */
function linkedRows(source: unknown, rows: Readonly<Record<string, string>>): Record<string, unknown>[] | null {
  if (!Array.isArray(source) || source.length === 0) return null;
  return source.map((row: Record<string, unknown>) => Object.fromEntries(Object.entries(rows).map(([ours, theirs]) => [ours, row?.[theirs] ?? null])));
}

/** What {@link linkedDefaults} evaluates. */
export interface LinkageOptions {
  /** Only linkages matching on one of these keys (all when absent). */
  readonly changed?: readonly string[];
  /** Skip fields that already hold a value in `values` (what a create does). */
  readonly onlyEmpty?: boolean;
  /** What the caller may read of each source form (absent: everything). */
  readonly guard?: LinkageGuard;
}

/**
 * The caller's reach into a linkage's source form: its view scope (`null` all rows, `false`
 * none) and which fields they read in clear. A linkage matching on, or taking, a field the
 * caller cannot read gives null.
 */
export type LinkageGuard = (form: string) => Promise<{ readonly view: unknown; readonly ctx?: EvalContext; readonly readable: (fieldKey: string) => boolean }>;

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Data linkage (数据联动): for each field of `form` whose `defaultFrom` is a linkage and whose
 * match fields are all filled in `values`, the `take` field of the oldest live record of the
 * linkage's form with equal fields (`take: 'id'`: that record's id, for a relation; for a
 * sub-table, that record's sub-table lines as new lines, columns mapped by `rows`), null
 * when none matches. Match values are cleaned by
 * their field type first (`' ACME '` finds `ACME`); fields are evaluated in form order over
 * the values filled so far, so one linkage may feed the next. The one function behind the
 * linkage route (the browser asks when a key field changes) and record creation (a linked
 * field left empty is filled); the form engine stays pure and gets the values as input.
 *
 * @example await linkedDefaults(store, 'crm', contactForm, { company: 'ACME' }) // { city: '上海' }
 */
export async function linkedDefaults(
  store: Store,
  app: string,
  form: FormDef,
  values: Readonly<Record<string, unknown>>,
  options: LinkageOptions = {},
  registry: FieldTypeRegistry = fieldTypes,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const current: Record<string, unknown> = { ...values };
  const byKey = new Map(form.fields.map((f) => [f.key, f]));
  for (const field of form.fields) {
    const linkage = linkageOf(field);
    if (linkage === undefined || linkage.match.length === 0) continue;
    if (options.changed !== undefined && !linkage.match.some((m) => options.changed!.includes(m.equals))) continue;
    if (options.onlyEmpty === true && !isEmpty(current[field.key])) continue;
    const match: { field: string; value: unknown }[] = [];
    for (const pair of linkage.match) {
      const ours = byKey.get(pair.equals);
      const raw = current[pair.equals];
      const value = ours === undefined || isEmpty(raw) || !registry.has(ours.type) ? null : registry.require(ours.type).clean(raw, ours);
      if (isEmpty(value)) break;
      match.push({ field: pair.field, value });
    }
    if (match.length < linkage.match.length) continue;
    const reach = options.guard === undefined ? undefined : await options.guard(linkage.form);
    if (reach !== undefined && (reach.view === false || !linkage.match.every((m) => reach.readable(m.field)) || !reach.readable(linkage.take))) {
      out[field.key] = null;
      continue;
    }
    let found;
    try {
      found = await store.records.firstMatch(app, linkage.form, match, reach === undefined ? undefined : { view: reach.view, ...(reach.ctx ? { ctx: reach.ctx } : {}) });
    } catch (e) {
      // A value the column type cannot hold (text typed where an id belongs) matches nothing.
      if (String((e as { code?: unknown }).code ?? '').startsWith('22')) found = null;
      else throw e;
    }
    let value: unknown;
    if (found === null) value = null;
    else if (linkage.take === 'id') value = found.id;
    // a sub-table's lines live in its child table: read the matched record whole
    else if (field.type === 'subtable') value = linkedRows((await store.records.get(app, linkage.form, found.id)).data[linkage.take], linkage.rows ?? {});
    else value = found.data[linkage.take] ?? null;
    out[field.key] = value;
    if (value !== null) current[field.key] = value;
  }
  return out;
}
