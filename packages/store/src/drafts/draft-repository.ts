import { sql, type Kysely } from 'kysely';
import { appSchemaName } from '../identifiers.js';
import { jsonParam } from '../json-param.js';
import type { SystemDatabase } from '../system-tables.js';
import type { FieldRef } from '../apps/publish-plan.js';
import type { DraftsDatabase } from './draft-tables.js';

/** The draft of an app: a package being edited in the designer, not yet published. */
export interface AppDraft {
  readonly app: string;
  /** Starts at 1 and grows by one on every save; a save must name the revision it edited. */
  readonly revision: number;
  /** The draft package as last saved (not necessarily valid: the plan and publish check it). */
  readonly package: unknown;
  readonly updatedAt: string;
  readonly updatedBy: string | null;
}

/** The outcome of {@link DraftRepository.save}: the new draft, or the current revision when the caller's was stale. */
export type SaveDraftResult =
  | { readonly ok: true; readonly draft: AppDraft }
  | { readonly ok: false; readonly currentRevision: number };

/** A hidden field with the number of records that hold a value in its column. */
export interface FieldWithData extends FieldRef {
  readonly records: number;
}

type Db = Kysely<SystemDatabase & DraftsDatabase>;

/**
 * Drafts of apps in `trellis.app_drafts`, one per app, saved with optimistic concurrency:
 * `save(app, pkg, expectedRevision)` writes only when the stored revision equals
 * `expectedRevision` (0 = no draft yet). The store does not validate drafts; the server
 * checks a draft when it plans or publishes it.
 *
 * @example
 * const drafts = new DraftRepository(store.db);
 * const r = await drafts.save('crm', pkg, 0, { actor: null }); // r.ok → r.draft.revision === 1
 */
export class DraftRepository {
  readonly #db: Db;

  constructor(db: Kysely<SystemDatabase>) {
    this.#db = db.withTables<DraftsDatabase>();
  }

  /** The draft of an app, or `undefined` when it has none. */
  async get(app: string): Promise<AppDraft | undefined> {
    const row = await this.#db.selectFrom('trellis.app_drafts').selectAll().where('app', '=', app).executeTakeFirst();
    return row === undefined ? undefined : toDraft(row);
  }

  /**
   * Saves the draft when its stored revision is `expectedRevision` (0 when there is no
   * draft yet), as revision `expectedRevision + 1`; otherwise reports the current revision.
   * The check and the write are one statement, so two concurrent saves of one revision
   * cannot both succeed.
   */
  async save(app: string, pkg: unknown, expectedRevision: number, ctx: { readonly actor: string | null }): Promise<SaveDraftResult> {
    const now = new Date().toISOString();
    const row =
      expectedRevision === 0
        ? await this.#db
            .insertInto('trellis.app_drafts')
            .values({ app, revision: 1, package: jsonParam(pkg) as never, updated_at: now, updated_by: ctx.actor })
            .onConflict((oc) => oc.column('app').doNothing())
            .returningAll()
            .executeTakeFirst()
        : await this.#db
            .updateTable('trellis.app_drafts')
            .set({ revision: expectedRevision + 1, package: jsonParam(pkg) as never, updated_at: now, updated_by: ctx.actor })
            .where('app', '=', app)
            .where('revision', '=', expectedRevision)
            .returningAll()
            .executeTakeFirst();
    if (row !== undefined) return { ok: true, draft: toDraft(row) };
    const current = await this.get(app);
    return { ok: false, currentRevision: current?.revision ?? 0 };
  }

  /** Removes the draft of an app (after it was published); true when there was one. */
  async delete(app: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('trellis.app_drafts').where('app', '=', app).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Of the given fields (a plan's `fieldsHidden`), those whose column holds a value in at
   * least one record (the recycle bin included), with the count. Table and column names come
   * from the store's own layout tables, never from the caller.
   */
  async fieldsWithData(app: string, fields: readonly FieldRef[]): Promise<FieldWithData[]> {
    const out: FieldWithData[] = [];
    for (const f of fields) {
      const layout = await this.#db
        .selectFrom('trellis.app_fields as fd')
        .innerJoin('trellis.app_forms as fm', (j) => j.onRef('fm.app', '=', 'fd.app').onRef('fm.form_key', '=', 'fd.form_key'))
        .select(['fm.table_name', 'fd.column_name'])
        .where('fd.app', '=', app)
        .where('fd.form_key', '=', f.form)
        .where('fd.field_id', '=', f.fieldId)
        .executeTakeFirst();
      if (layout === undefined) continue;
      const table = sql.table(`${appSchemaName(app)}.${layout.table_name}`);
      const counted = await sql<{ n: string | number }>`select count(*) as n from ${table} where ${sql.ref(layout.column_name)} is not null`.execute(this.#db);
      const records = Number(counted.rows[0]?.n ?? 0);
      if (records > 0) out.push({ ...f, records });
    }
    return out;
  }

  /** Of the given forms (a plan's `formsHidden`), those whose table holds at least one record, with the count. */
  async formsWithData(app: string, forms: readonly { readonly form: string }[]): Promise<FormWithData[]> {
    const out: FormWithData[] = [];
    for (const f of forms) {
      const layout = await this.#db.selectFrom('trellis.app_forms').select('table_name').where('app', '=', app).where('form_key', '=', f.form).executeTakeFirst();
      if (layout === undefined) continue;
      const table = sql.table(`${appSchemaName(app)}.${layout.table_name}`);
      const counted = await sql<{ n: string | number }>`select count(*) as n from ${table}`.execute(this.#db);
      const records = Number(counted.rows[0]?.n ?? 0);
      if (records > 0) out.push({ form: f.form, table: layout.table_name, records });
    }
    return out;
  }
}

/** A form about to be hidden with the number of records in its table. */
export interface FormWithData {
  readonly form: string;
  readonly table: string;
  readonly records: number;
}

function toDraft(row: { app: string; revision: number; package: unknown; updated_at: string; updated_by: string | null }): AppDraft {
  const pkg = typeof row.package === 'string' ? (JSON.parse(row.package) as unknown) : row.package;
  return { app: row.app, revision: Number(row.revision), package: pkg, updatedAt: new Date(row.updated_at).toISOString(), updatedBy: row.updated_by };
}
