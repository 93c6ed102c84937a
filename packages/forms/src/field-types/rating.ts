import { cleanNumber } from '../cleaners.js';
import { defineFieldType } from '../field-type.js';

/** Default highest rating. */
export const RATING_DEFAULT_MAX = 5;

/** A rating from 1 to `max`. Options: `max` (3–10, default 5). Value: a whole number; `0` means no rating (null). */
export const ratingType = defineFieldType({
  type: 'rating',
  label: { 'zh-CN': '评分', en: 'Rating' },
  group: 'advanced',
  valueType: 'number',
  optionsSchema: { type: 'object', properties: { max: { type: 'integer', minimum: 3, maximum: 10 } }, additionalProperties: false },
  valueSchema: (field) => ({ type: 'integer', minimum: 1, maximum: (field.options?.['max'] as number | undefined) ?? RATING_DEFAULT_MAX }),
  clean(value) {
    if (typeof value === 'string' && /^\s*★+☆*\s*$/.test(value)) return value.trim().replace(/☆/g, '').length;
    const n = cleanNumber(value);
    return n === 0 ? null : n;
  },
  format(value, field) {
    if (typeof value !== 'number') return '';
    const max = (field.options?.['max'] as number | undefined) ?? RATING_DEFAULT_MAX;
    return '★'.repeat(value) + '☆'.repeat(Math.max(0, max - value));
  },
  filterOperators: ['==', '!=', '<', '<=', '>', '>=', 'isEmpty'],
});
