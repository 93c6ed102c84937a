import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppPackage, FieldDef, FormDef } from '@trellis/schema';
import { StoreErrors } from '../errors.js';
import type { CurrentState } from '../apps/publish-plan.js';

/** A join table of a multiple relation that a publish creates (if it does not exist yet). */
export interface JoinTableChange {
  /** The form owning the relation field, and its table. */
  readonly form: string;
  readonly table: string;
  readonly fieldId: string;
  readonly key: string;
  /** The join table: `<owner table>_r<8 hex of the field id's SHA-256>`, at most 58 characters. */
  readonly joinTable: string;
  /** The related form and its table. */
  readonly target: string;
  readonly targetTable: string;
}

/**
 * The name of a multiple relation's join table: the owner's table name (a validated key of
 * at most 48 characters) and a hash of the field's stable id — never user text, never more
 * than 63 characters, and unchanged when the field's key is renamed.
 *
 * @example joinTableName('contact', 'f_3') // 'contact_r5b1c0d2e'
 */
export function joinTableName(ownerTable: string, fieldId: string): string {
  return `${ownerTable}_r${createHash('sha256').update(fieldId).digest('hex').slice(0, 8)}`;
}

const relationTarget = (field: FieldDef): string => (typeof field.options?.['form'] === 'string' ? field.options['form'] : '');
const isMultiple = (field: FieldDef): boolean => field.options?.['multiple'] === true;

/** The table of a form: the stored one, or its key for a form this publish creates. */
export function tableOf(current: CurrentState, form: string): string {
  return current.forms.get(form)?.table ?? form;
}

/**
 * The join tables of the package's multiple relations that the live version does not have
 * yet (`CREATE TABLE IF NOT EXISTS`, so a relation that comes back reuses its table and
 * rows). Refuses, with `STORE_COLUMN_TYPE_CHANGE`, a relation field (same id) whose target
 * form or multiplicity changes: its stored links would point at the wrong records.
 *
 * @example planJoinTables(current, pkg) // [{ form: 'deal', key: 'contacts', joinTable: 'deal_r…', target: 'contact', … }]
 */
export function planJoinTables(current: CurrentState, pkg: AppPackage): JoinTableChange[] {
  const previous = new Map<string, FieldDef>();
  for (const form of current.package?.forms ?? []) for (const f of form.fields) previous.set(`${form.key}\u0000${f.id}`, f);
  const out: JoinTableChange[] = [];
  const changes: { path: string; message: string }[] = [];
  pkg.forms.forEach((form: FormDef, i) => {
    form.fields.forEach((field, j) => {
      if (field.type !== 'relation') return;
      const old = previous.get(`${form.key}\u0000${field.id}`);
      if (old !== undefined && old.type === 'relation' && (relationTarget(old) !== relationTarget(field) || isMultiple(old) !== isMultiple(field))) {
        changes.push({
          path: `/forms/${i}/fields/${j}/options`,
          message: `relation '${field.key}' of form '${form.key}' links ${isMultiple(old) ? 'many' : 'one'} '${relationTarget(old)}' record(s); changing it to ${isMultiple(field) ? 'many' : 'one'} '${relationTarget(field)}' would break its stored links`,
        });
      }
      if (!isMultiple(field)) return;
      if (old !== undefined && old.type === 'relation' && isMultiple(old)) return;
      const table = tableOf(current, form.key);
      out.push({ form: form.key, table, fieldId: field.id, key: field.key, joinTable: joinTableName(table, field.id), target: relationTarget(field), targetTable: tableOf(current, relationTarget(field)) });
    });
  });
  if (changes.length > 0) {
    throw StoreErrors.create(
      'STORE_COLUMN_TYPE_CHANGE',
      `[store] publishing app '${pkg.app.key}' would change the target or multiplicity of ${changes.length} relation field(s); add a new relation field (new id) and hide the old one`,
      changes,
    );
  }
  return out;
}

/**
 * Creates a join table `(record_id, related_id, position)`: the primary key keeps a record
 * from linking one record twice, `record_id` references the owner and `related_id` the
 * related form (both cascade when a row is purged), and an index on `related_id` serves
 * reverse reads (rollups over records pointing here).
 *
 * @example await createJoinTable(trx, 'app_crm', change);
 */
export async function createJoinTable(db: Kysely<any>, schema: string, change: JoinTableChange): Promise<void> {
  const s = db.schema.withSchema(schema);
  await s
    .createTable(change.joinTable)
    .ifNotExists()
    .addColumn('record_id', 'uuid', (c) => c.notNull().references(`${change.table}.id`).onDelete('cascade'))
    .addColumn('related_id', 'uuid', (c) => c.notNull().references(`${change.targetTable}.id`).onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${change.joinTable}_pk`, ['record_id', 'related_id'])
    .execute();
  await s.createIndex(`${change.joinTable}_ix`).ifNotExists().on(change.joinTable).columns(['related_id', 'record_id']).execute();
}
