import { localize, localizedTextSchema, type LocalizedText } from '@trellis/schema';
import { cleanNumber } from '../cleaners.js';
import { defineFieldType } from '../field-type.js';

/** Largest magnitude a number field accepts: beyond it doubles lose integer precision. */
export const NUMBER_LIMIT = 1e15;

/** Whether `value` has at most `precision` decimals (tolerant of binary floating-point noise). */
export function hasPrecision(value: number, precision: number): boolean {
  const scaled = value * 10 ** precision;
  return Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled));
}

/** Options: `precision` (decimals allowed, 0–10; absent = any), `min`, `max`, `unit` (shown after the value). */
export const numberType = defineFieldType({
  type: 'number',
  label: { 'zh-CN': '数字', en: 'Number' },
  group: 'basic',
  valueType: 'number',
  optionsSchema: {
    type: 'object',
    properties: {
      precision: { type: 'integer', minimum: 0, maximum: 10 },
      min: { type: 'number' },
      max: { type: 'number' },
      unit: localizedTextSchema,
      unique: { type: 'boolean' },
    },
    additionalProperties: false,
  },
  valueSchema: (field) => ({
    type: 'number',
    minimum: (field.options?.['min'] as number | undefined) ?? -NUMBER_LIMIT,
    maximum: (field.options?.['max'] as number | undefined) ?? NUMBER_LIMIT,
  }),
  clean: (value) => cleanNumber(value),
  check(value, field) {
    const precision = field.options?.['precision'];
    if (typeof precision === 'number' && typeof value === 'number' && !hasPrecision(value, precision)) {
      return { code: 'FIELD_PRECISION', params: { limit: precision } };
    }
    return undefined;
  },
  format(value, field, locale) {
    if (typeof value !== 'number') return value === null || value === undefined ? '' : String(value);
    const precision = field.options?.['precision'] as number | undefined;
    const text = new Intl.NumberFormat(locale, precision === undefined ? { maximumFractionDigits: 10 } : { minimumFractionDigits: precision, maximumFractionDigits: precision }).format(value);
    const unit = field.options?.['unit'] as LocalizedText | undefined;
    return unit === undefined ? text : `${text} ${localize(unit, locale)}`;
  },
  filterOperators: ['==', '!=', '<', '<=', '>', '>=', 'between', 'isEmpty'],
  checkField(field) {
    const o = field.options ?? {};
    if (typeof o['min'] === 'number' && typeof o['max'] === 'number' && o['min'] > o['max']) {
      return [{ path: '/options/min', message: `min (${o['min']}) is larger than max (${o['max']}); swap them` }];
    }
    return [];
  },
});
