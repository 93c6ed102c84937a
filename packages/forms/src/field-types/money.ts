import { cleanNumber } from '../cleaners.js';
import { defineFieldType } from '../field-type.js';
import { hasPrecision, NUMBER_LIMIT } from './number.js';

/** Currencies a money field may use (ISO 4217). */
export const CURRENCIES = ['CNY', 'HKD', 'TWD', 'USD', 'EUR', 'GBP', 'JPY', 'KRW', 'SGD', 'AUD', 'CAD', 'CHF'] as const;

/** Removes currency signs and words (`¥1,200.50`, `1200元`, `RMB 5`, `$3`) then parses the number. */
export function cleanMoney(value: unknown): unknown {
  if (typeof value !== 'string') return cleanNumber(value);
  const t = value.normalize('NFKC').trim().replace(/^(?:[¥￥$€£]|RMB|CNY|USD|EUR)\s*/i, '').replace(/\s*(?:元|块|圆|RMB|CNY)$/i, '');
  const n = cleanNumber(t);
  return typeof n === 'number' || n === null ? n : value;
}

/**
 * An amount of money. Options: `currency` (ISO code, default `CNY`), `min`, `max`.
 * Value: a number with at most 2 decimals (stored numeric, exact). Lists show `¥1,200.50`.
 */
export const moneyType = defineFieldType({
  type: 'money',
  label: { 'zh-CN': '金额', en: 'Money' },
  group: 'basic',
  valueType: 'number',
  optionsSchema: {
    type: 'object',
    properties: { currency: { enum: CURRENCIES }, min: { type: 'number' }, max: { type: 'number' }, unique: { type: 'boolean' } },
    additionalProperties: false,
  },
  valueSchema: (field) => ({
    type: 'number',
    minimum: (field.options?.['min'] as number | undefined) ?? -NUMBER_LIMIT,
    maximum: (field.options?.['max'] as number | undefined) ?? NUMBER_LIMIT,
  }),
  clean: (value) => cleanMoney(value),
  check: (value) => (typeof value === 'number' && !hasPrecision(value, 2) ? { code: 'FIELD_PRECISION', params: { limit: 2 } } : undefined),
  format(value, field, locale) {
    if (typeof value !== 'number') return '';
    const currency = (field.options?.['currency'] as string | undefined) ?? 'CNY';
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  },
  filterOperators: ['==', '!=', '<', '<=', '>', '>=', 'between', 'isEmpty'],
  checkField(field) {
    const o = field.options ?? {};
    return typeof o['min'] === 'number' && typeof o['max'] === 'number' && o['min'] > o['max'] ? [{ path: '/options/min', message: `min (${o['min']}) is larger than max (${o['max']}); swap them` }] : [];
  },
});
