import { formatSerial, serialOptions, serialPeriod, systemFieldColumn, type AppPackage, type FormDef, type SerialOptions, type ValueType } from '@trellis/schema';
import { sql, type Kysely } from 'kysely';
import { StoreErrors } from '../errors.js';
import type { SystemDatabase } from '../system-tables.js';

/** A serial-number field of a live form: its column and its options. */
export interface SerialColumn {
  readonly fieldId: string;
  readonly key: string;
  readonly column: string;
  readonly options: Required<SerialOptions>;
}

/** A system field (`created_at`, `owner`, …): the key it shows a system column under. */
export interface SystemFieldColumn {
  readonly key: string;
  readonly column: 'created_by' | 'created_at' | 'updated_by' | 'updated_at' | 'owner_id';
  readonly valueType: ValueType;
}

/**
 * The fields of a form whose values the store itself fills: serial numbers (drawn on
 * create) and system fields (read from the system columns). Derived from the live package.
 */
export interface StoreFilledFields {
  readonly serials: readonly SerialColumn[];
  readonly system: readonly SystemFieldColumn[];
  /** The key of the form's `owner` field, if it has one (writing it reassigns `owner_id`). */
  readonly ownerKey?: string;
}

/** A form without serial or system fields. */
export const NO_STORE_FILLED_FIELDS: StoreFilledFields = { serials: [], system: [] };

const SYSTEM_VALUE_TYPES: Readonly<Record<SystemFieldColumn['column'], ValueType>> = {
  created_by: 'uuid',
  created_at: 'datetime',
  updated_by: 'uuid',
  updated_at: 'datetime',
  owner_id: 'uuid',
};

/**
 * Finds the serial and system fields of `form` (its definition in the live package);
 * `columns` maps field ids to the columns the store made for them.
 */
export function storeFilledFields(form: FormDef | undefined, columns: ReadonlyMap<string, string>): StoreFilledFields {
  if (form === undefined) return NO_STORE_FILLED_FIELDS;
  const serials: SerialColumn[] = [];
  const system: SystemFieldColumn[] = [];
  let ownerKey: string | undefined;
  for (const field of form.fields) {
    const serial = serialOptions(field);
    const column = columns.get(field.id);
    if (serial !== undefined && column !== undefined) serials.push({ fieldId: field.id, key: field.key, column, options: serial });
    const sys = systemFieldColumn(field);
    if (sys !== undefined) {
      system.push({ key: field.key, column: sys, valueType: SYSTEM_VALUE_TYPES[sys] });
      if (sys === 'owner_id') ownerKey = field.key;
    }
  }
  return serials.length === 0 && system.length === 0 ? NO_STORE_FILLED_FIELDS : { serials, system, ...(ownerKey !== undefined ? { ownerKey } : {}) };
}

/** The live package of an app (what its forms' serial and system fields are read from). */
export async function loadLivePackage(db: Kysely<SystemDatabase>, app: string): Promise<AppPackage | null> {
  const row = await db
    .selectFrom('trellis.apps')
    .innerJoin('trellis.app_versions', (j) => j.onRef('trellis.app_versions.app', '=', 'trellis.apps.key').onRef('trellis.app_versions.version', '=', 'trellis.apps.current_version'))
    .select('trellis.app_versions.package')
    .where('trellis.apps.key', '=', app)
    .executeTakeFirst();
  if (row === undefined) return null;
  return (typeof row.package === 'string' ? JSON.parse(row.package) : row.package) as AppPackage;
}

/** Copies the system columns shown by system fields into the record data (on every read). */
export function fillSystemFields(filled: StoreFilledFields, row: Readonly<Record<string, unknown>>, data: Record<string, unknown>): void {
  for (const s of filled.system) data[s.key] = row[s.column] ?? null;
}

/** Whether `key` names a field whose value the store fills, so a write must not send it to a column. */
export function isStoreFilled(filled: StoreFilledFields, key: string): boolean {
  return filled.serials.some((s) => s.key === key) || filled.system.some((s) => s.key === key);
}

/** How the store dates serial numbers. */
export interface SerialSettings {
  /** IANA time zone of the date part and the counter periods (default `Asia/Shanghai`). */
  readonly timeZone: string;
  /** The clock (tests move it to cross a period). */
  readonly now: () => Date;
}

/** The default time zone of serial numbers. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Refuses a time zone `Intl` does not know, with `STORE_CONFIG_INVALID`. */
export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw StoreErrors.create('STORE_CONFIG_INVALID', `[store] time zone '${timeZone}' is unknown; use an IANA name such as 'Asia/Shanghai'`);
  }
}

/**
 * Draws the next number of every serial field of a form, inside the create transaction
 * `trx`: one upsert per field on its counter row (`value + 1`), which holds the row lock
 * until the transaction ends — concurrent creates wait for each other, and a create that
 * rolls back gives its number back, so numbers are unique and have no gaps.
 * Returns the formatted numbers by column.
 */
export async function drawSerials(
  trx: Kysely<SystemDatabase>,
  app: string,
  form: string,
  serials: readonly SerialColumn[],
  settings: SerialSettings,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  if (serials.length === 0) return out;
  const now = settings.now();
  for (const s of serials) {
    const { period, datePart } = serialPeriod(s.options, now, settings.timeZone);
    const row = await trx
      .insertInto('trellis.serial_counters')
      .values({ app, form_key: form, field_id: s.fieldId, period, value: 1 })
      .onConflict((oc) => oc.columns(['app', 'form_key', 'field_id', 'period']).doUpdateSet({ value: sql<number>`${sql.ref('serial_counters.value')} + 1` }))
      .returning('value')
      .executeTakeFirstOrThrow();
    out[s.column] = formatSerial(s.options, datePart, Number(row.value));
  }
  return out;
}

/** A change of a record's owner through its `owner` field, as the owner policy sees it. */
export interface OwnerChange {
  readonly app: string;
  readonly form: string;
  /** null on create. */
  readonly recordId: string | null;
  readonly from: string | null;
  readonly to: string;
  readonly actor: string | null | undefined;
}

/**
 * Decides whether an actor may set a record's owner through an `owner` field; throws a
 * `TrellisError` to refuse (the write then rolls back). The hook for the identity issue's
 * permissions ("reassign records"); without a policy every change is allowed.
 */
export type OwnerPolicy = (change: OwnerChange) => void | Promise<void>;

/**
 * The owner a write asks for through the form's `owner` field: a user id, or undefined when
 * the form has no owner field or the value is empty (an empty owner field never clears the owner).
 */
export function requestedOwner(filled: StoreFilledFields, data: Readonly<Record<string, unknown>>): string | undefined {
  if (filled.ownerKey === undefined) return undefined;
  const v = data[filled.ownerKey];
  return typeof v === 'string' && v !== '' ? v : undefined;
}
