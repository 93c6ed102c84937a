import { cleanNumber } from '../cleaners.js';
import { defineFieldType } from '../field-type.js';
import { hasPrecision } from './number.js';

/** `"12.5%"` → `12.5`, `"12.5 ％"` → `12.5`; numbers unchanged (the value is in percent, not a fraction). */
export function cleanPercent(value: unknown): unknown {
  if (typeof value !== 'string') return cleanNumber(value);
  const t = value.normalize('NFKC').trim().replace(/\s*%$/, '');
  const n = cleanNumber(t);
  return typeof n === 'number' || n === null ? n : value;
}

/**
 * A percentage. The value is the number of percent (`12.5` means 12.5 %), see
 * docs/decisions. Options: `precision` (decimals, default 2), `min` (default 0), `max` (default 100; raise it for growth rates).
 */
export const percentType = defineFieldType({
  type: 'percent',
  label: { 'zh-CN': '百分比', en: 'Percent' },
  group: 'basic',
  valueType: 'number',
  optionsSchema: {
    type: 'object',
    properties: { precision: { type: 'integer', minimum: 0, maximum: 6 }, min: { type: 'number' }, max: { type: 'number' } },
    additionalProperties: false,
  },
  valueSchema: (field) => ({
    type: 'number',
    minimum: (field.options?.['min'] as number | undefined) ?? 0,
    maximum: (field.options?.['max'] as number | undefined) ?? 100,
  }),
  clean: (value) => cleanPercent(value),
  check(value, field) {
    const precision = (field.options?.['precision'] as number | undefined) ?? 2;
    return typeof value === 'number' && !hasPrecision(value, precision) ? { code: 'FIELD_PRECISION', params: { limit: precision } } : undefined;
  },
  format(value, field, locale) {
    if (typeof value !== 'number') return '';
    const precision = (field.options?.['precision'] as number | undefined) ?? 2;
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: precision }).format(value)}%`;
  },
  filterOperators: ['==', '!=', '<', '<=', '>', '>=', 'between', 'isEmpty'],
  checkField(field) {
    const o = field.options ?? {};
    return typeof o['min'] === 'number' && typeof o['max'] === 'number' && o['min'] > o['max'] ? [{ path: '/options/min', message: `min (${o['min']}) is larger than max (${o['max']}); swap them` }] : [];
  },
});
