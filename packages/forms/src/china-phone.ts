/**
 * Chinese phone numbers: mobile (11 digits, `1[3-9]…`) and landline (area code `0xx`/`0xxx`
 * + 7–8 digit number, optional extension). Cleaning removes spaces, dashes, dots,
 * parentheses and the country prefix `+86` / `0086` / `86` (before a mobile number).
 */

/** The kind of a phone number. */
export type PhoneKind = 'mobile' | 'landline';

const MOBILE = /^1[3-9]\d{9}$/;
// 3-digit area codes start 01x/02x (010 Beijing, 020–029); 4-digit codes start 03–09.
const LANDLINE = /^(0(?:10|2\d)|0[3-9]\d{2})-?(\d{7,8})(?:-(\d{1,6}))?$/;

/**
 * Normalises a phone number: a mobile becomes 11 digits (`13812341234`), a landline
 * `area-number[-ext]` (`010-12345678`). Returns what it cannot understand unchanged.
 */
export function cleanPhone(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) value = String(value);
  if (typeof value !== 'string') return value;
  if (value.length === 11 && MOBILE.test(value)) return value; // already canonical: what browsers send
  let t = value.normalize('NFKC').trim();
  if (t === '') return null;
  // extension written as "转123" / "ext 123" / "x123"
  let ext = '';
  const extMatch = /\s*(?:转|ext\.?|x|#)\s*(\d{1,6})$/i.exec(t);
  if (extMatch !== null) {
    ext = extMatch[1]!;
    t = t.slice(0, extMatch.index);
  }
  let compact = t.replace(/[\s\-.()（）]/g, '');
  if (compact.startsWith('+86')) compact = compact.slice(3);
  else if (compact.startsWith('0086')) compact = compact.slice(4);
  else if (compact.length === 13 && compact.startsWith('86') && MOBILE.test(compact.slice(2))) compact = compact.slice(2);
  if (!/^\d+$/.test(compact)) return value;
  if (MOBILE.test(compact)) return ext === '' ? compact : value;
  // a landline: split the area code off
  const m = /^(0(?:10|2\d)|0[3-9]\d{2})(\d{7,8})$/.exec(compact);
  if (m === null) return value;
  return `${m[1]}-${m[2]}${ext === '' ? '' : `-${ext}`}`;
}

/** The kind of a cleaned phone number, or `undefined` when it is not a valid one. */
export function phoneKind(value: string): PhoneKind | undefined {
  if (MOBILE.test(value)) return 'mobile';
  if (LANDLINE.test(value)) return 'landline';
  return undefined;
}

/**
 * Masks the middle of a phone number for display: `13812341234` → `138****1234`,
 * `010-12345678` → `010-****5678`.
 */
export function maskPhone(value: string): string {
  if (MOBILE.test(value)) return `${value.slice(0, 3)}****${value.slice(7)}`;
  const m = LANDLINE.exec(value);
  if (m !== null) return `${m[1]}-${'*'.repeat(m[2]!.length - 4)}${m[2]!.slice(-4)}${m[3] === undefined ? '' : `-${m[3]}`}`;
  return value;
}
