import { sql, type Kysely } from 'kysely';
import type { EvalContext } from '@trellis/expr';
import { conditionSql } from './conditions.js';
import { writeAudit, type WriteContext } from '../audit/audit-log.js';
import { StoreErrors } from '../errors.js';
import { isUuid } from '../identifiers.js';
import type { SystemDatabase } from '../system-tables.js';
import { LIST_ALIAS, type FormCatalog, type FormMeta } from './form-catalog.js';
import { firstMatch, type MatchPair } from '../relations/first-match.js';
import { relatedDisplay } from '../relations/related-display.js';
import { checkRelatedIds, relatedIdsOf, writeJoinRows, type RelatedIds } from '../relations/relation-writes.js';
import { listRecords, type ListQuery, type ListResult, type ListSettings } from './list-records.js';
import { duplicateError } from './duplicate-error.js';
import { mapValueError, selectColumns, toColumnValues, toRecord, type StoredRecord } from './record-shape.js';
import { drawSerials, requestedOwner, type OwnerPolicy, type SerialSettings } from './store-filled-fields.js';
import { userDepartments } from '../org/department-repository.js';
import { readChildRows, splitChildData, withRows, writeChildRows } from '../child-tables/child-rows.js';

/**
 * The row permissions of one read or write, checked in the same statement or transaction as
 * the read or write itself (no check-then-write race). Scopes are json-logic conditions over
 * the form's fields and system columns (like list filters); absent, `null` or `true` = every row.
 */
export interface RowAccess {
  /** Rows the caller may see; a record outside is `RECORD_NOT_FOUND` (404), as if absent. */
  readonly view?: unknown;
  /** Rows the action (edit, delete, create) may touch; `false` = none. Visible but outside: `PERMISSION_DENIED` (403). */
  readonly action?: unknown;
  /** `$user` and `$now` for the scopes. */
  readonly ctx?: EvalContext;
}

/** Who creates a record, and optionally who owns it (default: the actor when it is a user id). */
export interface CreateContext extends WriteContext {
  readonly ownerId?: string | null;
  readonly deptId?: string | null;
  /** `action`: the create scope; the new record must fall within it (checked before commit). */
  readonly access?: RowAccess;
}

/** An update's audit context and row permissions (`action` = the edit scope, checked before and after the write). */
export interface UpdateContext extends WriteContext {
  readonly access?: RowAccess;
}

/** An update: the version the client read, and the changed fields only. */
export interface RecordUpdate {
  readonly version: number;
  readonly data: Readonly<Record<string, unknown>>;
}

/** How the store fills serial numbers and owners (see `store-filled-fields.ts`). */
export interface FillSettings {
  readonly serial: SerialSettings;
  readonly ownerPolicy?: OwnerPolicy | undefined;
}

/** A delete may carry the version the client read, to refuse deleting a record changed since. */
export interface DeleteContext extends WriteContext {
  readonly version?: number;
  /** `action`: the delete scope (restore uses it too). */
  readonly access?: RowAccess;
}

/** Attaches the files a record's data names, inside the write's transaction (see `FileRepository.attach`). */
export type AttachFiles = (trx: Kysely<SystemDatabase>, meta: FormMeta, recordId: string, data: Readonly<Record<string, unknown>>, locale?: string) => Promise<void>;

/**
 * Records of published forms: create, read, update with optimistic concurrency, soft delete
 * to the recycle bin, restore, and list. Every write commits with its audit row.
 *
 * @example
 * const r = await store.records.create('crm', 'customer', { name: 'ACME' }, { actor: userId });
 * await store.records.update('crm', 'customer', r.id, { version: r.version, data: { name: 'ACME Ltd' } }, { actor: userId });
 */
export class RecordRepository {
  readonly #db: Kysely<SystemDatabase>;
  readonly #forms: FormCatalog;
  readonly #settings: ListSettings;
  readonly #fill: FillSettings;
  readonly #attachFiles: AttachFiles | undefined;

  constructor(db: Kysely<SystemDatabase>, forms: FormCatalog, settings: ListSettings, fill: FillSettings, attachFiles?: AttachFiles) {
    this.#db = db;
    this.#forms = forms;
    this.#settings = settings;
    this.#fill = fill;
    this.#attachFiles = attachFiles;
  }

  /** The live form's layout (fields, columns, variables for conditions). */
  form(app: string, form: string): Promise<FormMeta> {
    return this.#forms.get(app, form);
  }

  /** Inserts a record with the given field values; returns it as stored (version 1). */
  async create(app: string, form: string, data: Readonly<Record<string, unknown>>, ctx: CreateContext): Promise<StoredRecord> {
    const meta = await this.#forms.get(app, form);
    const { data: columns, rows } = splitChildData(meta, data);
    const values = toColumnValues(meta, columns);
    const actor = userId(ctx.actor);
    const asked = requestedOwner(meta.filled, data);
    const owner = asked ?? (ctx.ownerId === undefined ? actor : ctx.ownerId);
    const related = relatedIdsOf(meta.links, data);
    return this.#write(meta, { values }, async (trx) => {
      await checkRelatedIds(trx, related, (f) => this.#forms.get(app, f, trx));
      if (asked !== undefined) await this.#fill.ownerPolicy?.({ app, form, recordId: null, from: null, to: asked, actor: ctx.actor });
      Object.assign(values, await drawSerials(trx, app, form, meta.filled.serials, this.#fill.serial));
      const row = await table(trx, meta)
        .insertInto(meta.table)
        // a record given to an owner belongs to the owner's department (their row scopes follow)
        .values({ ...values, created_by: actor, updated_by: actor, owner_id: owner, dept_id: asked !== undefined ? await primaryDeptOf(trx, asked) : (ctx.deptId ?? null) })
        .returning(selectColumns(meta))
        .executeTakeFirstOrThrow();
      const inserted = await this.#reread(trx, meta, row, related);
      await checkAccess(trx, meta, inserted.id, ctx.access, false);
      await writeChildRows(trx, meta, inserted.id, rows, 'create');
      await this.#attachFiles?.(trx, meta, inserted.id, data, ctx.locale);
      const record = await loadRows(trx, meta, inserted);
      await writeAudit(trx, ctx, { action: 'create', app, form, recordId: record.id, after: record });
      return record;
    });
  }

  /** One record; `RECORD_NOT_FOUND` when absent or (unless `includeDeleted`) in the recycle bin. */
  async get(app: string, form: string, id: string, options: { includeDeleted?: boolean; access?: RowAccess } = {}): Promise<StoredRecord> {
    const meta = await this.#forms.get(app, form);
    const row = isUuid(id) ? await readRow(this.#db, meta, id, options.access) : undefined;
    if (!row || (row['deleted_at'] !== null && !options.includeDeleted)) throw notFound(meta, id);
    const record = await loadRows(this.#db, meta, toRecord(meta, row));
    if (meta.links === undefined || meta.links.relations.size === 0) return record;
    return { ...record, related: await relatedDisplay(this.#db, meta.links, [record.data], (f) => this.#forms.get(app, f)) };
  }

  /**
   * Writes the changed fields if the record is still at `version` (`UPDATE … WHERE id AND
   * version`); otherwise `RECORD_VERSION_CONFLICT` (409) and nothing is written.
   */
  async update(app: string, form: string, id: string, update: RecordUpdate, ctx: UpdateContext): Promise<StoredRecord> {
    const meta = await this.#forms.get(app, form);
    if (!Number.isInteger(update?.version)) {
      throw StoreErrors.create('STORE_VALUE_INVALID', `[store] an update of form '${form}' must carry the record's version (an integer) as read`, [
        { path: '/version', message: 'must be an integer' },
      ]);
    }
    const { data: columns, rows } = splitChildData(meta, update.data);
    const values = toColumnValues(meta, columns);
    const related = relatedIdsOf(meta.links, update.data);
    if (!isUuid(id)) throw notFound(meta, id);
    let current: Readonly<Record<string, unknown>> = values;
    return this.#write(meta, { values: () => current, selfId: id }, async (trx) => {
      const beforeRow = await selectRow(trx, meta, id, true);
      if (!beforeRow || beforeRow.deleted_at !== null) throw notFound(meta, id);
      await checkAccess(trx, meta, id, ctx.access, true);
      current = { ...columnsOf(meta, beforeRow), ...values };
      // the computed values (lookups, rollups, multiple relations) as they were, read before the write
      const beforeRecord = meta.links === undefined || meta.links.computed.length === 0 ? toRecord(meta, beforeRow) : toRecord(meta, (await readRow(trx, meta, id))!);
      await checkRelatedIds(trx, related, (f) => this.#forms.get(app, f, trx));
      const asked = requestedOwner(meta.filled, update.data);
      // a new owner takes the record into their department (manager scopes follow the owner)
      const owner = asked !== undefined && asked !== beforeRow.owner_id ? { owner_id: asked, dept_id: await primaryDeptOf(trx, asked) } : {};
      if (asked !== undefined && 'owner_id' in owner) await this.#fill.ownerPolicy?.({ app, form, recordId: id, from: (beforeRow.owner_id as string | null) ?? null, to: asked, actor: ctx.actor });
      const row = await table(trx, meta)
        .updateTable(meta.table)
        .set({ ...values, ...owner, updated_at: sql`now()`, updated_by: userId(ctx.actor), version: sql`version + 1` })
        .where('id', '=', id)
        .where('version', '=', update.version)
        .returning(selectColumns(meta))
        .executeTakeFirst();
      if (!row) throw conflict(meta, id, update.version, Number(beforeRow.version));
      const before = await loadRows(trx, meta, beforeRecord);
      await writeChildRows(trx, meta, id, rows, 'update');
      await this.#attachFiles?.(trx, meta, id, update.data, ctx.locale);
      const after = await loadRows(trx, meta, await this.#reread(trx, meta, row, related));
      // the edit may not move the record out of the rows the caller may edit
      await checkAccess(trx, meta, id, ctx.access, false);
      await writeAudit(trx, ctx, { action: 'update', app, form, recordId: id, before, after });
      return after;
    });
  }

  /** Moves a live record to the recycle bin (`deleted_at` set); its data stays. */
  async softDelete(app: string, form: string, id: string, ctx: DeleteContext): Promise<StoredRecord> {
    return this.#move(app, form, id, ctx, 'delete');
  }

  /** Takes a record out of the recycle bin. */
  async restore(app: string, form: string, id: string, ctx: DeleteContext): Promise<StoredRecord> {
    return this.#move(app, form, id, ctx, 'restore');
  }

  /** A page of records; see {@link ListQuery}. */
  async list(app: string, form: string, query: ListQuery = {}): Promise<ListResult> {
    const meta = await this.#forms.get(app, form);
    const page = await listRecords(this.#db, meta, query, this.#settings);
    const rows = meta.children.length === 0 ? undefined : await readChildRows(this.#db, meta, page.items.map((r) => r.id));
    const withChildren = rows === undefined ? page : { ...page, items: page.items.map((r) => withRows(meta, r, rows)) };
    if (meta.links === undefined || meta.links.relations.size === 0) return withChildren;
    return { ...withChildren, related: await relatedDisplay(this.#db, meta.links, page.items.map((r) => r.data), (f) => this.#forms.get(app, f)) };
  }

  /**
   * The oldest live record of `form` whose fields equal the given values, or null: what data
   * linkage copies its defaults from (`defaultFrom: { kind: 'linkage' }`).
   *
   * @example await store.records.firstMatch('crm', 'customer', [{ field: 'name', value: 'ACME' }])
   */
  async firstMatch(app: string, form: string, match: readonly MatchPair[], access?: RowAccess): Promise<StoredRecord | null> {
    const meta = await this.#forms.get(app, form);
    if (access?.view === false) return null;
    return firstMatch(this.#db, meta, match, allRows(access?.view) ? undefined : conditionSql(meta, access!.view, access!.ctx, LIST_ALIAS));
  }

  /** After a write: the join rows, then the record read back with its computed values. */
  async #reread(trx: Kysely<SystemDatabase>, meta: FormMeta, row: Record<string, unknown>, related: readonly RelatedIds[]): Promise<StoredRecord> {
    // computed values (lookups, rollups, the ids of multiple relations) need a read after the write
    if (meta.links === undefined || meta.links.computed.length === 0) return toRecord(meta, row);
    const id = row['id'] as string;
    await writeJoinRows(trx as unknown as Kysely<any>, meta, id, related);
    return toRecord(meta, (await readRow(trx, meta, id))!);
  }

  async #move(app: string, form: string, id: string, ctx: DeleteContext, action: 'delete' | 'restore'): Promise<StoredRecord> {
    const meta = await this.#forms.get(app, form);
    const deleting = action === 'delete';
    if (!isUuid(id)) throw notFound(meta, id, !deleting);
    let current: Readonly<Record<string, unknown>> = {};
    return this.#write(meta, { values: () => current, selfId: id }, async (trx) => {
      const beforeRow = await selectRow(trx, meta, id, true);
      if (beforeRow) current = columnsOf(meta, beforeRow);
      if (!beforeRow || (beforeRow.deleted_at === null) === !deleting) throw notFound(meta, id, !deleting);
      await checkAccess(trx, meta, id, ctx.access, true);
      const expected = ctx.version ?? Number(beforeRow.version);
      if (Number(beforeRow.version) !== expected) throw conflict(meta, id, expected, Number(beforeRow.version));
      const actor = userId(ctx.actor);
      const row = await table(trx, meta)
        .updateTable(meta.table)
        .set(
          deleting
            ? { deleted_at: sql`now()`, deleted_by: actor, updated_at: sql`now()`, updated_by: actor, version: sql`version + 1` }
            : { deleted_at: null, deleted_by: null, updated_at: sql`now()`, updated_by: actor, version: sql`version + 1` },
        )
        .where('id', '=', id)
        .where('version', '=', expected)
        .returning(selectColumns(meta))
        .executeTakeFirstOrThrow();
      const before = await loadRows(trx, meta, toRecord(meta, beforeRow));
      const after = withRows(meta, toRecord(meta, row), new Map([[id, pickRows(meta, before)]]));
      await writeAudit(trx, ctx, { action, app, form, recordId: id, before, after });
      return after;
    });
  }

  async #write<T>(
    meta: FormMeta,
    target: { readonly values: Readonly<Record<string, unknown>> | (() => Readonly<Record<string, unknown>>); readonly selfId?: string },
    work: (trx: Kysely<SystemDatabase>) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.#db.transaction().execute(work);
    } catch (e) {
      const values = typeof target.values === 'function' ? target.values() : target.values;
      throw mapValueError(await duplicateError(this.#db, meta, e, values, target.selfId), meta.form);
    }
  }
}

/** `record` with the rows of its sub-tables (no query when the form has none). */
async function loadRows(db: Kysely<SystemDatabase>, meta: FormMeta, record: StoredRecord): Promise<StoredRecord> {
  if (meta.children.length === 0) return record;
  return withRows(meta, record, await readChildRows(db, meta, [record.id]));
}

/** The sub-table values of a record that already has them. */
function pickRows(meta: FormMeta, record: StoredRecord): Record<string, never[]> {
  return Object.fromEntries(meta.children.map((c) => [c.key, record.data[c.key] ?? undefined])) as Record<string, never[]>;
}

function table(db: Kysely<SystemDatabase>, meta: FormMeta): Kysely<any> {
  return (db as unknown as Kysely<any>).withSchema(meta.schema);
}

/** One record with its computed values (lookups, rollups, multiple relations), by id (and within `access.view`). */
async function readRow(db: Kysely<SystemDatabase>, meta: FormMeta, id: string, access?: RowAccess): Promise<Record<string, unknown> | undefined> {
  let q = (db as unknown as Kysely<any>)
    .selectFrom(meta.tableRef.as(LIST_ALIAS))
    .select(meta.listColumns as never)
    .where(sql.ref(`${LIST_ALIAS}.id`), '=', id);
  if (!allRows(access?.view)) q = q.where(scopeSql(meta, access!.view, access!.ctx));
  return q.executeTakeFirst() as Promise<Record<string, unknown> | undefined>;
}

const allRows = (rule: unknown): boolean => rule === undefined || rule === null || rule === true;

function scopeSql(meta: FormMeta, rule: unknown, ctx: EvalContext | undefined) {
  return rule === false ? sql<boolean>`false` : conditionSql(meta, rule, ctx, LIST_ALIAS);
}

/** Whether the row `id` (read in `db`, e.g. the write's transaction) satisfies `rule`. */
async function rowMatches(db: Kysely<SystemDatabase>, meta: FormMeta, id: string, rule: unknown, ctx: EvalContext | undefined): Promise<boolean> {
  if (allRows(rule)) return true;
  if (rule === false) return false;
  const row = await (db as unknown as Kysely<any>)
    .selectFrom(meta.tableRef.as(LIST_ALIAS))
    .select(sql`1`.as('one'))
    .where(sql.ref(`${LIST_ALIAS}.id`), '=', id)
    .where(scopeSql(meta, rule, ctx))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Inside a write's transaction, after the row is locked: `RECORD_NOT_FOUND` when (`checkView`)
 * the row is outside the view scope, `PERMISSION_DENIED` when it is outside the action's scope.
 */
async function checkAccess(trx: Kysely<SystemDatabase>, meta: FormMeta, id: string, access: RowAccess | undefined, checkView: boolean): Promise<void> {
  if (access === undefined) return;
  if (checkView && !(await rowMatches(trx, meta, id, access.view, access.ctx))) throw notFound(meta, id);
  if (!(await rowMatches(trx, meta, id, access.action, access.ctx))) {
    throw StoreErrors.create('PERMISSION_DENIED', `[store] your roles do not allow this change to record '${id}' of form '${meta.form}' (it is, or would end up, outside the records you may change); ask an administrator for the right`, [
      { path: '/id', message: 'outside the records your roles allow for this action' },
    ]);
  }
}

async function selectRow(db: Kysely<SystemDatabase>, meta: FormMeta, id: string, lock: boolean): Promise<Record<string, unknown> | undefined> {
  let q = table(db, meta).selectFrom(meta.table).select(selectColumns(meta)).where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The field columns of a selected row, by column name. */
function columnsOf(meta: FormMeta, row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of meta.fields) out[f.column] = row[f.column];
  return out;
}

/** The actor as a user id for the `*_by` columns (uuid), or null for non-user actors. */
function userId(actor: string | null | undefined): string | null {
  return isUuid(actor) ? actor : null;
}

function notFound(meta: FormMeta, id: string, inRecycleBin = false) {
  return StoreErrors.create(
    'RECORD_NOT_FOUND',
    inRecycleBin
      ? `[store] record '${id}' of form '${meta.form}' is not in the recycle bin; only deleted records can be restored`
      : `[store] record '${id}' of form '${meta.form}' does not exist or is in the recycle bin; check the id or restore it first`,
    [{ path: '/id', message: 'no such record' }],
  );
}

function conflict(meta: FormMeta, id: string, expected: number, actual: number) {
  return StoreErrors.create(
    'RECORD_VERSION_CONFLICT',
    `[store] record '${id}' of form '${meta.form}' was changed by someone else (you have version ${expected}, it is now ${actual}); reload and retry`,
    [{ path: '/version', message: `expected ${actual}` }],
  );
}

/** The primary department of a user (any of theirs when none is marked primary), or null. */
async function primaryDeptOf(db: Kysely<SystemDatabase>, user: string): Promise<string | null> {
  return isUuid(user) ? (await userDepartments(db, user)).primaryDeptId : null;
}
