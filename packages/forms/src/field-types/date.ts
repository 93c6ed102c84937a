import { cleanDate, isIsoDate } from '../cleaners.js';
import { defineFieldType } from '../field-type.js';

const DATE_OPTION = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

/** Options: `min`, `max` (`YYYY-MM-DD`, inclusive). Values are `YYYY-MM-DD` strings. */
export const dateType = defineFieldType({
  type: 'date',
  label: { 'zh-CN': '日期', en: 'Date' },
  group: 'datetime',
  valueType: 'date',
  optionsSchema: { type: 'object', properties: { min: DATE_OPTION, max: DATE_OPTION }, additionalProperties: false },
  valueSchema: () => ({ type: 'string' }),
  clean: (value) => cleanDate(value),
  check(value, field) {
    if (typeof value !== 'string' || !isIsoDate(value)) return { code: 'FIELD_DATE_INVALID', params: { value, expected: 'date' } };
    const min = field.options?.['min'];
    const max = field.options?.['max'];
    if (typeof min === 'string' && value < min) return { code: 'FIELD_DATE_TOO_EARLY', params: { limit: min } };
    if (typeof max === 'string' && value > max) return { code: 'FIELD_DATE_TOO_LATE', params: { limit: max } };
    return undefined;
  },
  format: (value) => (typeof value === 'string' ? value : ''),
  filterOperators: ['==', '!=', '<', '<=', '>', '>=', 'between', 'isEmpty'],
  checkField(field) {
    const out: { path: string; message: string }[] = [];
    const { min, max } = (field.options ?? {}) as { min?: string; max?: string };
    if (min !== undefined && !isIsoDate(min)) out.push({ path: '/options/min', message: `'${min}' is not a real date` });
    if (max !== undefined && !isIsoDate(max)) out.push({ path: '/options/max', message: `'${max}' is not a real date` });
    if (out.length === 0 && min !== undefined && max !== undefined && min > max) out.push({ path: '/options/min', message: `min (${min}) is after max (${max}); swap them` });
    return out;
  },
});
