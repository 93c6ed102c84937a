/**
 * Pure helpers the JS backend's closures call. Their semantics are the reference the SQL
 * backend matches (docs/conditions.md).
 */

/** json-logic truthiness: null, false, 0, NaN, '' and [] are false; everything else is true. */
export function truthy(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (typeof v === 'string') return v !== '';
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/** Structural equality of JSON values (object key order ignored), as jsonb `=` compares. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (typeof a === 'object' && typeof b === 'object' && !Array.isArray(b)) {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    if (ka.length !== kb.length) return false;
    for (const k of ka) {
      if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
      if (!deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
    }
    return true;
  }
  return false;
}

/** Milliseconds since the epoch of a date/datetime value (`YYYY-MM-DD` is midnight UTC); NaN for null. */
export function toMs(v: unknown): number {
  if (typeof v === 'string') return Date.parse(v.length === 10 ? v + 'T00:00:00Z' : v);
  if (v instanceof Date) return v.getTime();
  return NaN;
}

/** Orders two values of an unknown type: numbers, strings, booleans and Dates among their own kind; otherwise not comparable (false). */
export function anyCompare(a: unknown, b: unknown): number {
  if (a === null || b === null || a === undefined || b === undefined) return NaN;
  if (a instanceof Date || b instanceof Date) return toMs(a) - toMs(b);
  const ta = typeof a;
  if (ta !== typeof b || (ta !== 'number' && ta !== 'string' && ta !== 'boolean')) return NaN;
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/** `YYYY-MM-DD` of a UTC millisecond value. */
export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** ISO 8601 (UTC, milliseconds) of a millisecond value. */
export function formatDatetime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Units `dateAdd` accepts. */
export const DATE_ADD_UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
/** A `dateAdd` unit. */
export type DateAddUnit = (typeof DATE_ADD_UNITS)[number];

const UNIT_MS: Partial<Record<DateAddUnit, number>> = {
  weeks: 7 * 86_400_000,
  days: 86_400_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1_000,
};

/** Adds whole `amount` units to a UTC instant; months and years clamp to the month's last day like PostgreSQL. */
export function addToMs(ms: number, amount: number, unit: DateAddUnit): number {
  const n = Math.trunc(amount);
  const fixed = UNIT_MS[unit];
  if (fixed !== undefined) return ms + n * fixed;
  const d = new Date(ms);
  const months = unit === 'years' ? n * 12 : n;
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDay);
  const out = new Date(ms);
  out.setUTCFullYear(year, month, day);
  return out.getTime();
}

/** Units `startOf` accepts. */
export const START_OF_UNITS = ['year', 'month', 'week', 'day', 'hour'] as const;
/** A `startOf` unit. */
export type StartOfUnit = (typeof START_OF_UNITS)[number];

/** The start of the UTC year/month/week (Monday)/day/hour containing `ms`. */
export function startOfMs(ms: number, unit: StartOfUnit): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (unit) {
    case 'year':
      return Date.UTC(y, 0, 1);
    case 'month':
      return Date.UTC(y, m, 1);
    case 'week': {
      const day = Date.UTC(y, m, d.getUTCDate());
      const sinceMonday = (d.getUTCDay() + 6) % 7;
      return day - sinceMonday * 86_400_000;
    }
    case 'day':
      return Date.UTC(y, m, d.getUTCDate());
    case 'hour':
      return Date.UTC(y, m, d.getUTCDate(), d.getUTCHours());
  }
}

/** Units `dateDiff` accepts. */
export const DATE_DIFF_UNITS = ['weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
/** A `dateDiff` unit. */
export type DateDiffUnit = (typeof DATE_DIFF_UNITS)[number];

/** Whole units from `b` to `a` (a − b), truncated toward zero. */
export function diffMs(a: number, b: number, unit: DateDiffUnit): number {
  const r = Math.trunc((a - b) / UNIT_MS[unit]!);
  return r === 0 ? 0 : r;
}

/** Code-point aware substring with json-logic's negative start/length rules. */
export function substr(s: string, start: number, length: number | null): string {
  const astral = /[\uD800-\uDFFF]/.test(s);
  const chars: readonly string[] | string = astral ? Array.from(s) : s;
  const n = chars.length;
  const st = Math.trunc(start);
  const from = st < 0 ? Math.max(n + st, 0) : Math.min(st, n);
  let to = n;
  if (length !== null) {
    const len = Math.trunc(length);
    to = len < 0 ? Math.max(n + len, from) : Math.min(from + len, n);
  }
  return astral ? (chars as string[]).slice(from, to).join('') : s.slice(from, to);
}
