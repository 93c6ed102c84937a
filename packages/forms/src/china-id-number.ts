/**
 * Chinese resident identity numbers (GB 11643-1999): 17 digits (6-digit region code,
 * birth date `YYYYMMDD`, 3-digit sequence whose parity is the gender) and an ISO 7064
 * MOD 11-2 check character (`0`–`9` or `X`).
 */
import { isCalendarDate } from './cleaners.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character of the first 17 digits of an ID number. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new TypeError(`[forms] idNumberCheckChar needs 17 digits, got '${first17}'`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Normalises an ID number: trims, removes inner spaces, upper-cases the `x`. Other values unchanged. */
export function cleanIdNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.normalize('NFKC').replace(/\s/g, '');
  if (t === '') return null;
  return /^\d{17}[\dxX]$/.test(t) ? t.toUpperCase() : value;
}

/** Why an 18-character ID number is invalid, or `undefined` when it is valid. */
export function idNumberProblem(value: string): 'format' | 'birth_date' | 'checksum' | undefined {
  if (!/^\d{17}[\dX]$/.test(value)) return 'format';
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (y < 1900 || !isCalendarDate(y, m, d)) return 'birth_date';
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return 'checksum';
  return undefined;
}

/** What an ID number tells: birth date (`YYYY-MM-DD`) and gender. */
export interface IdNumberInfo {
  readonly birthDate: string;
  readonly gender: 'male' | 'female';
  /** The 6-digit administrative division code of registration. */
  readonly regionCode: string;
}

/**
 * Derives the birth date and gender from a valid ID number; `undefined` when it is invalid.
 *
 * @example
 * idNumberInfo('11010519491231002X'); // { birthDate: '1949-12-31', gender: 'female', regionCode: '110105' }
 */
export function idNumberInfo(value: string): IdNumberInfo | undefined {
  const cleaned = cleanIdNumber(value);
  if (typeof cleaned !== 'string' || idNumberProblem(cleaned) !== undefined) return undefined;
  return {
    birthDate: `${cleaned.slice(6, 10)}-${cleaned.slice(10, 12)}-${cleaned.slice(12, 14)}`,
    gender: Number(cleaned[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: cleaned.slice(0, 6),
  };
}

/** Masks an ID number for display: `110105********002X`. */
export function maskIdNumber(value: string): string {
  return value.length === 18 ? `${value.slice(0, 6)}********${value.slice(14)}` : value;
}
