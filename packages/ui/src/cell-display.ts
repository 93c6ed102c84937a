import type { FileRef } from '@trellis/forms';
import type { FieldDef } from '@trellis/schema';
import { choiceTag, type ChoiceTag } from './choices.js';
import { uiText } from './ui-messages.js';

/** A list cell's content, decided by a pure function and drawn by `CellValue`. */
export type CellDisplay =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string; readonly align?: 'end' }
  | { readonly kind: 'tags'; readonly tags: readonly ChoiceTag[] }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly text: string }
  | { readonly kind: 'files'; readonly files: readonly FileRef[]; readonly images: boolean };

const EMPTY: CellDisplay = { kind: 'empty' };

/**
 * Formats a `YYYY-MM-DD` date for a locale without shifting it through a time zone.
 *
 * @example formatDate('2026-11-22', 'en') // 'Nov 22, 2026'
 */
export function formatDate(value: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/**
 * Formats an ISO instant in the viewer's time zone (or `timeZone` when given).
 *
 * @example formatDateTime('2026-11-22T06:40:00.000Z', 'en', 'UTC') // 'Nov 22, 2026, 6:40 AM'
 */
export function formatDateTime(value: string, locale: string, timeZone?: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  if (timeZone) options.timeZone = timeZone;
  return new Intl.DateTimeFormat(locale, options).format(d);
}

/**
 * Formats a number with the field's `precision` (decimals) and `unit` options.
 *
 * @example formatNumber(1200.5, { precision: 2, unit: '元' }, 'zh-CN') // '1,200.50 元'
 */
export function formatNumber(value: number, options: FieldDef['options'], locale: string): string {
  const precision = typeof options?.['precision'] === 'number' ? options['precision'] : undefined;
  const format = new Intl.NumberFormat(
    locale,
    precision === undefined
      ? { maximumFractionDigits: 10 }
      : { minimumFractionDigits: precision, maximumFractionDigits: precision },
  );
  const unit = typeof options?.['unit'] === 'string' && options['unit'] !== '' ? ` ${options['unit']}` : '';
  return format.format(value) + unit;
}

/**
 * Decides how a stored value looks in a list cell, by field type: select values become
 * coloured tags with their labels, booleans yes/no, dates and numbers locale formats.
 * Unknown types fall back to text (JSON for objects) so nothing is hidden.
 *
 * @example formatCell(statusField, 'won', 'en') // { kind: 'tags', tags: [{ value: 'won', label: 'Won', color: '#52c41a' }] }
 */
export function formatCell(field: FieldDef, value: unknown, locale: string, timeZone?: string): CellDisplay {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (Array.isArray(value) && value.length === 0) return EMPTY;
  switch (field.type) {
    case 'single_select':
      return { kind: 'tags', tags: [choiceTag(field, String(value), locale)] };
    case 'multi_select':
      return { kind: 'tags', tags: (Array.isArray(value) ? value : [value]).map((v) => choiceTag(field, String(v), locale)) };
    case 'boolean':
      return { kind: 'boolean', value: value === true, text: uiText(locale, value === true ? 'yes' : 'no') };
    case 'number':
      return typeof value === 'number'
        ? { kind: 'text', text: formatNumber(value, field.options, locale), align: 'end' }
        : { kind: 'text', text: String(value) };
    case 'date':
      return { kind: 'text', text: formatDate(String(value), locale) };
    case 'datetime':
      return { kind: 'text', text: formatDateTime(String(value), locale, timeZone) };
    case 'long_text':
      return { kind: 'text', text: String(value).replace(/\s+/g, ' ') };
    default:
      return { kind: 'text', text: typeof value === 'object' ? JSON.stringify(value) : String(value) };
  }
}
