/**
 * Pure helpers of the formula functions (docs/formulas.md). Their semantics are the
 * reference the SQL backend matches; they never throw — a value they cannot use gives null.
 */
import { toMs } from './js-runtime.js';

/** A finite number, or null (formula functions take numbers only; text is never parsed). */
export function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * Rounds half away from zero at `decimals` (negative: tens, hundreds…) in decimal, not in
 * binary: `roundTo(1.005, 2)` is 1.01 like a spreadsheet and PostgreSQL's `round(numeric)`.
 */
export function roundTo(x: number, decimals: number, mode: 'round' | 'up' | 'down' = 'round'): number {
  const d = Math.trunc(decimals);
  if (!Number.isFinite(x) || !Number.isFinite(d)) return NaN;
  if (Number.isInteger(x) && d >= 0) return x === 0 ? 0 : x;
  if (d > 300 || d < -300) return d > 0 ? x : 0;
  const a = Math.abs(x);
  // Fast path: scale in binary; it gives the decimal answer unless the scaled value sits
  // within rounding noise of a boundary (.5 for round, an integer for up/down), where the
  // decimal text decides. Dividing an integer by an exact power of ten is correctly
  // rounded, like parsing `${i}e-${d}`, so both paths return the same double.
  if (d >= 0 && d <= 22) {
    const f = POW10[d]!;
    const y = a * f;
    if (y < 2 ** 52) {
      const frac = y - Math.floor(y);
      const edge = mode === 'round' ? Math.abs(frac - 0.5) : Math.min(frac, 1 - frac);
      if (edge > 1e-13 * Math.max(1, y)) {
        const i = mode === 'round' ? Math.round(y) : mode === 'up' ? Math.ceil(y) : Math.floor(y);
        const r = i / f;
        const out = x < 0 ? -r : r;
        return out === 0 ? 0 : out;
      }
    }
  }
  // shifting the exponent of the shortest decimal text keeps 1.005 at 100.5 instead of 100.49999…
  const scaled = shift(a, d);
  const i = mode === 'round' ? Math.round(scaled) : mode === 'up' ? Math.ceil(scaled) : Math.floor(scaled);
  const r = shift(i, -d);
  const out = x < 0 ? -r : r;
  return out === 0 ? 0 : out;
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** `x × 10^k`, computed on the decimal text of `x` (exact for the digits JS prints). */
function shift(x: number, k: number): number {
  const s = String(x);
  const e = s.indexOf('e');
  return e < 0 ? Number(`${s}e${k}`) : Number(`${s.slice(0, e)}e${Number(s.slice(e + 1)) + k}`);
}

/** `x` with exactly `decimals` (0–10) digits after the point, rounded like `roundTo`; no grouping. */
export function fixed(x: number, decimals: number): string | null {
  const d = Math.trunc(decimals);
  if (d < 0 || d > 10 || Math.abs(x) >= 1e15) return null;
  return roundTo(x, d).toFixed(d);
}

/** The values of a list (flattened one level) or the value itself, skipping nothing. */
export function flatValues(values: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    if (Array.isArray(v)) for (const x of v) out.push(x);
    else out.push(v);
  }
  return out;
}

/** Whether a value counts as filled in for `COUNTA`/`ISEMPTY`: not null, not '', not an empty list. */
export function isFilled(v: unknown): boolean {
  return v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);
}

/** The column `key` of every row of a sub-table value (an array of row objects); an object's property; else null. */
export function pluck(value: unknown, key: string): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const row = value[i];
      const v = row !== null && typeof row === 'object' && Object.hasOwn(row, key) ? (row as Record<string, unknown>)[key] : null;
      out[i] = v === undefined ? null : v;
    }
    return out;
  }
  if (value !== null && typeof value === 'object' && Object.hasOwn(value, key)) {
    const v = (value as Record<string, unknown>)[key];
    return v === undefined ? null : v;
  }
  return null;
}

/** Code points of a text (so 华 and 😀 each count as one character). */
export function chars(s: string): readonly string[] | string {
  return /[\uD800-\uDFFF]/.test(s) ? Array.from(s) : s;
}

/** Length in characters (code points). */
export function charLength(s: string): number {
  const c = chars(s);
  return c.length;
}

/** Characters `from` (0-based) to `to` (exclusive), by code point. */
export function slice(s: string, from: number, to: number): string {
  const c = chars(s);
  return typeof c === 'string' ? c.slice(from, to) : c.slice(from, to).join('');
}

/** Whitespace `TRIM` removes at both ends: spaces, tabs, line breaks and the ideographic space (U+3000). */
export const TRIM_CHARS = ' \t\n\r\u3000';
const TRIM_RE = /^[ \t\n\r\u3000]+|[ \t\n\r\u3000]+$/g;

/** The text without leading and trailing `TRIM_CHARS`. */
export function trimText(s: string): string {
  return s.replace(TRIM_RE, '');
}

/** UTC calendar parts of a date/datetime value, or undefined. */
export function dateParts(v: unknown): { y: number; m: number; d: number } | undefined {
  if (typeof v === 'string' && v.length === 10) {
    const y = digits(v, 0, 4);
    const m = digits(v, 5, 2);
    const d = digits(v, 8, 2);
    if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45) return { y, m, d };
  }
  const ms = toMs(v);
  if (Number.isNaN(ms)) return undefined;
  const dt = new Date(ms);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** The number written by `n` ASCII digits of `s` from `at`, or -1. */
function digits(s: string, at: number, n: number): number {
  let out = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    out = out * 10 + c;
  }
  return out;
}

/** Days of month `m` (1–12) of year `y`. */
function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** `YYYY-MM-DD` of year, month, day with spreadsheet roll-over (month 13 = January next year); null outside years 1–9999. */
export function makeDate(y: number, m: number, d: number): string | null {
  const yi = Math.trunc(y);
  if (yi < 1 || yi > 9999) return null;
  const dt = new Date(0);
  dt.setUTCFullYear(yi, Math.trunc(m) - 1, Math.trunc(d));
  const year = dt.getUTCFullYear();
  if (year < 1 || year > 9999 || Number.isNaN(year)) return null;
  return `${String(year).padStart(4, '0')}-${String(dt.getUTCMonth() + 1).padStart(2, '0')}-${String(dt.getUTCDate()).padStart(2, '0')}`;
}

/** Units of `DATEDIF`. */
export const DATEDIF_UNITS = ['Y', 'M', 'D'] as const;
/** A `DATEDIF` unit. */
export type DateDifUnit = (typeof DATEDIF_UNITS)[number];

/**
 * Whole years, months or days from `start` to `end`, on their UTC calendar dates: a month
 * is complete when the end's day of month reaches the start's (Jan 31 → Feb 29 is 0 months).
 * Negative when `end` is before `start`.
 */
export function dateDif(start: unknown, end: unknown, unit: DateDifUnit): number | null {
  const a = dateParts(start);
  const b = dateParts(end);
  if (!a || !b) return null;
  const dayA = dayNumber(a.y, a.m, a.d);
  const dayB = dayNumber(b.y, b.m, b.d);
  if (unit === 'D') return dayB - dayA;
  const [lo, hi, sign] = dayB >= dayA ? [a, b, 1] : [b, a, -1];
  let months = (hi.y - lo.y) * 12 + (hi.m - lo.m);
  if (hi.d < lo.d) months -= 1;
  const n = unit === 'M' ? months : Math.trunc(months / 12);
  return n === 0 ? 0 : sign * n;
}
