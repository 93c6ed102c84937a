import { cleanText } from '../cleaners.js';
import type { FieldIssue } from '../field-issue.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a string is a canonical (lower-case, hyphenated) uuid. */
export function isUuidText(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Trims and lower-cases one uuid (`{…}` braces dropped); anything else stays as it is. */
export function cleanUuid(value: unknown): unknown {
  const t = cleanText(value);
  if (typeof t !== 'string') return t;
  const u = t.replace(/^\{(.*)\}$/, '$1').toLowerCase();
  return UUID.test(u) ? u : t;
}

/** A list of uuids from an array or from text separated by commas, spaces or new lines; deduplicated, empty → null. */
export function cleanUuidList(value: unknown): unknown {
  let items: unknown[];
  if (typeof value === 'string') items = value.split(/[\s,，;；、]+/);
  else if (Array.isArray(value)) items = value;
  else return value;
  const out: unknown[] = [];
  for (const item of items) {
    const v = cleanUuid(item);
    if (v !== null && !out.includes(v)) out.push(v);
  }
  return out.length === 0 ? null : out;
}

/** The issue of a value that is not a uuid (or a list with one that is not). */
export function uuidProblem(value: unknown, what: { readonly zh: string; readonly en: string }): FieldIssue | undefined {
  const bad = (Array.isArray(value) ? value : [value]).find((v) => !isUuidText(v));
  if (bad === undefined) return undefined;
  return {
    code: 'FIELD_PATTERN',
    params: { message: { 'zh-CN': `应为${what.zh} ID（uuid，如 0b6f…-…），收到的是「${String(bad)}」`, en: `must be ${what.en} id (a uuid such as 0b6f…-…), not '${String(bad)}'` } },
  };
}
