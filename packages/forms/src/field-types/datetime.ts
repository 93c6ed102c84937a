import { cleanDateTime } from '../cleaners.js';
import { defineFieldType } from '../field-type.js';

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** No options. Values are ISO 8601 strings in UTC (`2024-05-01T02:00:00.000Z`). */
export const datetimeType = defineFieldType({
  type: 'datetime',
  label: { 'zh-CN': '日期时间', en: 'Date and time' },
  group: 'datetime',
  valueType: 'datetime',
  valueSchema: () => ({ type: 'string' }),
  clean: (value) => cleanDateTime(value),
  check: (value) => (typeof value === 'string' && CANONICAL.test(value) ? undefined : { code: 'FIELD_DATE_INVALID', params: { value, expected: 'datetime' } }),
  format(value, _field, locale) {
    if (typeof value !== 'string') return '';
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) return value;
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
  },
  filterOperators: ['==', '!=', '<', '<=', '>', '>=', 'between', 'isEmpty'],
});
