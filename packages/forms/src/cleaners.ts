/**
 * Normalisers shared by the built-in field types. Each turns what people and importers
 * send (" 1,200.50 ", "2024/5/1", "是") into the canonical value, and returns anything it
 * cannot understand unchanged, so validation reports it with the field's name.
 */

/** Trims a string; `''` and whitespace become `null`. Numbers become strings (Excel sends phone numbers as numbers). */
export function cleanText(value: unknown): unknown {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return value;
  const t = value.trim();
  return t === '' ? null : t;
}

/** `''`, whitespace and `undefined` mean "no value". */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Parses numbers written by people: thousands separators (`,` `，` `'` spaces), full-width
 * digits, a leading `+`. `"1,200.50"` → `1200.5`. Booleans and non-numeric text stay as they are.
 */
export function cleanNumber(value: unknown): unknown {
  if (typeof value === 'number') return value; // NaN and Infinity fail validation (ajv strictNumbers)
  if (typeof value !== 'string') return value;
  const t = value.normalize('NFKC').trim();
  if (t === '') return null;
  const compact = t.replace(/[\s,，'_]/g, '');
  if (!NUMBER_TEXT.test(compact)) return value;
  const n = Number(compact);
  return Number.isFinite(n) ? n : value;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Whether year-month-day is a real calendar date. */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const days = m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

/** Year, month and day of a canonical `YYYY-MM-DD` text (ASCII digits), or undefined; no calendar check. */
function isoParts(s: string): [number, number, number] | undefined {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    y = y * 10 + c;
  }
  const m1 = s.charCodeAt(5) - 48;
  const m2 = s.charCodeAt(6) - 48;
  const d1 = s.charCodeAt(8) - 48;
  const d2 = s.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return undefined;
  return [y, m1 * 10 + m2, d1 * 10 + d2];
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Normalises a date to `YYYY-MM-DD`: accepts `2024-5-1`, `2024/05/01`, `2024.05.01`,
 * `2024年5月1日`, `20240501`, an ISO date-time (its date part) and `Date` objects (UTC
 * date). An impossible date (`2023-02-30`) stays as it is and fails validation.
 */
export function cleanDate(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return value;
  // fast path: already canonical (what browsers and the API send)
  const p = isoParts(value);
  if (p !== undefined && isCalendarDate(p[0], p[1], p[2])) return value;
  const t = value.normalize('NFKC').trim();
  if (t === '') return null;
  const m = DATE_TEXT.exec(t) ?? COMPACT_DATE.exec(t);
  if (m === null) return value;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isCalendarDate(y, mo, d) ? `${m[1]}-${pad2(mo)}-${pad2(d)}` : value;
}

/** Whether a string is a canonical, real `YYYY-MM-DD` date. */
export function isIsoDate(value: string): boolean {
  const p = isoParts(value);
  return p !== undefined && isCalendarDate(p[0], p[1], p[2]);
}

const DATETIME_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Normalises a date-time to an ISO 8601 string in UTC (`2024-05-01T02:00:00.000Z`).
 * Accepts ISO strings with `Z` or an offset (`2024-05-01T10:00+08:00`), `2024-05-01 10:00`
 * and `2024/5/1 10:00` (no offset: read as UTC — clients send an explicit offset), a date
 * alone (midnight UTC), `Date` objects and epoch milliseconds.
 */
export function cleanDateTime(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString();
  if (typeof value === 'number') {
    const d = new Date(value);
    return Number.isFinite(value) && !Number.isNaN(d.getTime()) ? d.toISOString() : value;
  }
  if (typeof value !== 'string') return value;
  const t = value.normalize('NFKC').trim().replace(/\//g, '-');
  if (t === '') return null;
  const m = DATETIME_TEXT.exec(t);
  if (m === null) return value;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return value;
  const ms = Math.round(Number(m[7] ?? 0) * 1000);
  const zone = m[8] ?? 'Z';
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes * 60_000;
  const out = new Date(utc);
  // Date.UTC maps years 0..99 to 1900..1999; refuse rather than silently shift.
  return y < 100 || Number.isNaN(out.getTime()) ? value : out.toISOString();
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'on', '是', '对', '真']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'off', '否', '错', '假']);

/** Booleans from `true`/`false`, `1`/`0`, `"true"`/`"false"`, `"yes"`/`"no"`, `"是"`/`"否"`. `''` → `null`. */
export function cleanBoolean(value: unknown): unknown {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== 'string') return value;
  const t = value.trim().toLowerCase();
  if (t === '') return null;
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return value;
}
