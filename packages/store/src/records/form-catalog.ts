import type { ValueType } from '@trellis/schema';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { StoreErrors } from '../errors.js';
import { appSchemaName } from '../identifiers.js';
import type { SystemDatabase } from '../system-tables.js';
import { loadLivePackage, NO_STORE_FILLED_FIELDS, storeFilledFields, type StoreFilledFields } from './store-filled-fields.js';
import type { ChildTableMeta } from '../child-tables/child-rows.js';
import { loadChildTables } from '../child-tables/child-table-state.js';
import { withFormLinks } from '../relations/form-links.js';
import type { FormLinks } from '../relations/relation-layout.js';

/** A value-holding field of a live form and the column that stores it. */
export interface FieldColumn {
  readonly fieldId: string;
  readonly key: string;
  readonly column: string;
  readonly valueType: ValueType;
}

/** A system column of every app table, as lists and conditions see it. */
export interface SystemColumnInfo {
  readonly valueType: ValueType;
  readonly notNull: boolean;
}

/** The system columns, their value types, and whether they can be null (keyset paging needs to know). */
export const SYSTEM_COLUMN_INFO: Readonly<Record<string, SystemColumnInfo>> = {
  id: { valueType: 'uuid', notNull: true },
  version: { valueType: 'number', notNull: true },
  created_at: { valueType: 'datetime', notNull: true },
  updated_at: { valueType: 'datetime', notNull: true },
  created_by: { valueType: 'uuid', notNull: false },
  updated_by: { valueType: 'uuid', notNull: false },
  owner_id: { valueType: 'uuid', notNull: false },
  dept_id: { valueType: 'uuid', notNull: false },
  deleted_at: { valueType: 'datetime', notNull: false },
  deleted_by: { valueType: 'uuid', notNull: false },
};

/** A column a list can be sorted by. */
export interface SortableColumn {
  readonly column: string;
  readonly valueType: ValueType;
  readonly notNull: boolean;
}

/** Everything the record operations need to know about one live form. */
export interface FormMeta {
  readonly app: string;
  readonly form: string;
  readonly schema: string;
  readonly table: string;
  /** The form's live value-holding fields (hidden ones are not here). */
  readonly fields: readonly FieldColumn[];
  readonly byKey: ReadonlyMap<string, FieldColumn>;
  /** Variables for conditions: every field key (with its column) and every system column. */
  readonly vars: Readonly<Record<string, { readonly type: ValueType; readonly column?: string }>>;
  /** Names a list may sort by: field keys and system columns (not json or list values). */
  readonly sortable: ReadonlyMap<string, SortableColumn>;
  /** Columns text search (`q`) looks in. */
  readonly textColumns: readonly string[];
  /** The table as a quoted `"schema"."table"` reference. */
  readonly tableRef: RawBuilder<unknown>;
  /** The columns a record read selects, as references into the list alias `t` (built once per layout), then the computed values. */
  readonly listColumns: readonly RawBuilder<unknown>[];
  /** Serial and system fields: values the store draws or reads from system columns. */
  readonly filled: StoreFilledFields;
  /** The live sub-table fields and their child tables (rows are read and written by `child-tables/child-rows.ts`). */
  readonly children: readonly ChildTableMeta[];
  /** Relations, lookups and rollups of the form (absent for a form without them). */
  readonly links?: FormLinks;
}

/** The alias lists give the form's table; conditions qualify their columns with it. */
export const LIST_ALIAS = 't';

/** The system columns every record read selects, in wire order. */
export const SYSTEM_SELECT = ['id', 'version', 'created_at', 'updated_at', 'created_by', 'updated_by', 'owner_id', 'dept_id', 'deleted_at'] as const;

interface CachedApp {
  readonly loadedAt: number;
  readonly forms: ReadonlyMap<string, FormMeta>;
}

/** How long a process trusts its cached layout before rereading it (another process may have published). */
const CACHE_TTL_MS = 2_000;

/**
 * The live layout of each app's forms, cached per app. Publishing through this store
 * invalidates the app at once; a publish by another process is seen within two seconds.
 *
 * @example
 * const meta = await forms.get('crm', 'customer');
 */
export class FormCatalog {
  readonly #db: Kysely<SystemDatabase>;
  readonly #cache = new Map<string, CachedApp>();

  constructor(db: Kysely<SystemDatabase>) {
    this.#db = db;
  }

  /** Forgets what is cached about `app`. */
  invalidate(app: string): void {
    this.#cache.delete(app);
  }

  /** The live form, or `STORE_APP_NOT_FOUND` / `STORE_FORM_NOT_FOUND`. Pass `db` inside a transaction. */
  async get(app: string, form: string, db: Kysely<SystemDatabase> = this.#db): Promise<FormMeta> {
    let cached = this.#cache.get(app);
    if (cached === undefined || Date.now() - cached.loadedAt >= CACHE_TTL_MS || !cached.forms.has(form)) {
      cached = await this.#load(app, db);
      this.#cache.set(app, cached);
    }
    const meta = cached.forms.get(form);
    if (!meta) throw StoreErrors.create('STORE_FORM_NOT_FOUND', `[store] app '${app}' has no form '${form}'; check the form key against the app's live version`);
    return meta;
  }

  async #load(app: string, db: Kysely<SystemDatabase>): Promise<CachedApp> {
    const appRow = await db.selectFrom('trellis.apps').select('key').where('key', '=', app).executeTakeFirst();
    if (!appRow) throw StoreErrors.create('STORE_APP_NOT_FOUND', `[store] app '${app}' does not exist; import its package first`);
    const formRows = await db.selectFrom('trellis.app_forms').selectAll().where('app', '=', app).where('hidden', '=', false).execute();
    const fieldRows = await db
      .selectFrom('trellis.app_fields')
      .selectAll()
      .where('app', '=', app)
      .where('hidden', '=', false)
      .orderBy('since_version')
      .orderBy('column_name')
      .execute();
    const pkg = await loadLivePackage(db, app);
    const childTables = await loadChildTables(db, app, { liveOnly: true });
    const forms = new Map<string, FormMeta>();
    for (const row of formRows) {
      const children = [...(childTables.get(row.form_key)?.values() ?? [])].map((t) => {
        const columns = [...t.columns.values()].map((c) => ({ fieldId: c.fieldId, key: c.key, column: c.column, valueType: c.valueType }));
        return { fieldId: t.fieldId, key: t.key, table: t.table, columns, byKey: new Map(columns.map((c) => [c.key, c])) };
      });
      const fields = fieldRows
        .filter((f) => f.form_key === row.form_key)
        .map((f) => ({ fieldId: f.field_id, key: f.field_key, column: f.column_name, valueType: f.value_type as ValueType }));
      const filled = storeFilledFields(pkg?.forms.find((f) => f.key === row.form_key), new Map(fields.map((f) => [f.fieldId, f.column])));
      forms.set(row.form_key, buildFormMeta(app, row.form_key, row.table_name, fields, filled, children));
    }
    return { loadedAt: Date.now(), forms: await withFormLinks(db, app, forms) };
  }
}

/** Derives the lookup tables of a form from its field columns. */
export function buildFormMeta(app: string, form: string, table: string, fields: readonly FieldColumn[], filled: StoreFilledFields = NO_STORE_FILLED_FIELDS, children: readonly ChildTableMeta[] = []): FormMeta {
  const vars: Record<string, { type: ValueType; column?: string }> = {};
  const sortable = new Map<string, SortableColumn>();
  for (const [name, info] of Object.entries(SYSTEM_COLUMN_INFO)) {
    vars[name] = { type: info.valueType };
    sortable.set(name, { column: name, valueType: info.valueType, notNull: info.notNull });
  }
  for (const f of fields) {
    vars[f.key] = f.column === f.key ? { type: f.valueType } : { type: f.valueType, column: f.column };
    if (f.valueType !== 'json' && f.valueType !== 'text_list') sortable.set(f.key, { column: f.column, valueType: f.valueType, notNull: false });
  }
  for (const s of filled.system) {
    vars[s.key] = { type: s.valueType, column: s.column };
    sortable.set(s.key, { column: s.column, valueType: s.valueType, notNull: SYSTEM_COLUMN_INFO[s.column]!.notNull });
  }
  return {
    app,
    form,
    schema: appSchemaName(app),
    table,
    fields,
    byKey: new Map(fields.map((f) => [f.key, f])),
    vars,
    sortable,
    textColumns: fields.filter((f) => f.valueType === 'text').map((f) => f.column),
    tableRef: sql.id(appSchemaName(app), table),
    listColumns: [...SYSTEM_SELECT, ...fields.map((f) => f.column)].map((c) => sql.ref(`${LIST_ALIAS}.${c}`)),
    filled,
    children,
  };
}
