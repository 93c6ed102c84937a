import { defineFieldType } from '../field-type.js';

const TIME_TEXT = /^(\d{1,2})\s*[:：时點点]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})\s*秒?)?\s*分?$/;
const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Normalises a time of day to `HH:MM` (or `HH:MM:SS` when `withSeconds`): `9:5` → `09:05`,
 * `9：05` and `9点05分` too. Seconds given to a field without seconds must be `00`.
 * Impossible times (`24:00`, `12:60`) stay as they are.
 */
export function cleanTime(value: unknown, withSeconds = false): unknown {
  if (typeof value !== 'string') return value;
  const t = value.normalize('NFKC').trim();
  if (t === '') return null;
  const m = TIME_TEXT.exec(t);
  if (m === null) return value;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return value;
  if (withSeconds) return `${pad2(h)}:${pad2(mi)}:${pad2(s)}`;
  return s === 0 ? `${pad2(h)}:${pad2(mi)}` : value;
}

/** A time of day. Options: `withSeconds` (default false). Value: text `HH:MM` or `HH:MM:SS` (sorts as text). */
export const timeType = defineFieldType({
  type: 'time',
  label: { 'zh-CN': '时间', en: 'Time' },
  group: 'datetime',
  valueType: 'text',
  optionsSchema: { type: 'object', properties: { withSeconds: { type: 'boolean' }, unique: { type: 'boolean' } }, additionalProperties: false },
  valueSchema: (field) => ({ type: 'string', pattern: field.options?.['withSeconds'] === true ? '^([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d$' : '^([01]\\d|2[0-3]):[0-5]\\d$' }),
  clean: (value, field) => cleanTime(value, field.options?.['withSeconds'] === true),
  format: (value) => (typeof value === 'string' ? value : ''),
  filterOperators: ['==', '!=', '<', '<=', '>', '>=', 'between', 'isEmpty'],
});
