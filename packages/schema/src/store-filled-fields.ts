import type { FieldDef } from './types.js';

/**
 * System field types (group `system`) and the system column each one shows. They store no
 * column of their own: the store fills their value from the column when it reads a record.
 * Only `owner` is writable (it reassigns `owner_id`); the others ignore input.
 */
export const SYSTEM_FIELD_COLUMNS = {
  created_by: 'created_by',
  created_at: 'created_at',
  updated_by: 'updated_by',
  updated_at: 'updated_at',
  owner: 'owner_id',
} as const;

/** The type of a system field (`created_by`, `created_at`, `updated_by`, `updated_at`, `owner`). */
export type SystemFieldType = keyof typeof SYSTEM_FIELD_COLUMNS;

/** The system column a field shows, when it is a system field. */
export function systemFieldColumn(field: Pick<FieldDef, 'type'>): (typeof SYSTEM_FIELD_COLUMNS)[SystemFieldType] | undefined {
  return Object.prototype.hasOwnProperty.call(SYSTEM_FIELD_COLUMNS, field.type) ? SYSTEM_FIELD_COLUMNS[field.type as SystemFieldType] : undefined;
}

/** The type name of serial-number fields, whose values the store draws from a counter on create. */
export const SERIAL_FIELD_TYPE = 'serial';

/** The date part of a serial number. */
export type SerialDatePattern = 'none' | 'YYYY' | 'YYYYMM' | 'YYYYMMDD';

/** When a serial counter starts again at 1. */
export type SerialReset = 'never' | 'year' | 'month' | 'day';

/** The options of a serial field (`HT-20261201-0007`: prefix `HT-`, date `YYYYMMDD`, 4 digits). */
export interface SerialOptions {
  readonly prefix?: string;
  readonly datePattern?: SerialDatePattern;
  readonly digits: number;
  readonly resetEvery?: SerialReset;
}

/** The longest serial prefix. */
export const SERIAL_PREFIX_MAX_LENGTH = 20;

/**
 * The serial options of a field, with defaults (`datePattern: 'none'`, `digits: 4`,
 * `resetEvery: 'never'`), or undefined when the field is not a serial field.
 */
export function serialOptions(field: Pick<FieldDef, 'type' | 'options'>): Required<SerialOptions> | undefined {
  if (field.type !== SERIAL_FIELD_TYPE) return undefined;
  const o = (field.options ?? {}) as Partial<SerialOptions>;
  return { prefix: o.prefix ?? '', datePattern: o.datePattern ?? 'none', digits: o.digits ?? 4, resetEvery: o.resetEvery ?? 'never' };
}

/** The year, month and day of an instant in a time zone (`Asia/Shanghai`). */
export function calendarDateIn(instant: Date, timeZone: string): { readonly year: string; readonly month: string; readonly day: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day') };
}

/**
 * The counter period of a serial number at `instant` (`''` when it never resets, else
 * `2026`, `202612` or `20261201`) and its date part (`''` for `datePattern: 'none'`).
 */
export function serialPeriod(options: Required<SerialOptions>, instant: Date, timeZone: string): { readonly period: string; readonly datePart: string } {
  const { year, month, day } = calendarDateIn(instant, timeZone);
  const period = { never: '', year, month: year + month, day: year + month + day }[options.resetEvery];
  const datePart = { none: '', YYYY: year, YYYYMM: year + month, YYYYMMDD: year + month + day }[options.datePattern];
  return { period, datePart };
}

/**
 * Formats a serial number: prefix, then the date part and a hyphen when there is one,
 * then the counter zero-padded to `digits` (longer when the counter outgrows them).
 *
 * @example
 * formatSerial({ prefix: 'HT-', datePattern: 'YYYYMMDD', digits: 4, resetEvery: 'day' }, '20261201', 7) // 'HT-20261201-0007'
 */
export function formatSerial(options: Required<SerialOptions>, datePart: string, n: number): string {
  return `${options.prefix}${datePart === '' ? '' : `${datePart}-`}${String(n).padStart(options.digits, '0')}`;
}
