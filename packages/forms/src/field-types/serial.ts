import { SERIAL_FIELD_TYPE, SERIAL_PREFIX_MAX_LENGTH, serialOptions } from '@trellis/schema';
import { defineFieldType } from '../field-type.js';
import { refuseRequired } from './store-filled.js';

/** Longest serial number a field can hold (prefix 20 + date 8 + hyphen + up to 20 digits). */
export const SERIAL_MAX_LENGTH = 60;

/**
 * Serial number (流水号): `HT-20261201-0007`. Options: `prefix` (≤ 20 characters),
 * `datePattern` (`none`, `YYYY`, `YYYYMM`, `YYYYMMDD`; the server's time zone), `digits`
 * (3–10, the zero-padded counter), `resetEvery` (`never`, `year`, `month`, `day`).
 * The store assigns the value inside the record-create transaction from a counter row
 * (unique and gap-free); input is ignored on create and the value never changes on update.
 * Cleaning keeps a stored value as it is (so updates carry it) and drops anything else.
 */
export const serialType = defineFieldType({
  type: SERIAL_FIELD_TYPE,
  label: { 'zh-CN': '流水号', en: 'Serial number' },
  group: 'advanced',
  valueType: 'text',
  optionsSchema: {
    type: 'object',
    properties: {
      prefix: { type: 'string', maxLength: SERIAL_PREFIX_MAX_LENGTH, pattern: '^[^\\s]*$' },
      datePattern: { enum: ['none', 'YYYY', 'YYYYMM', 'YYYYMMDD'] },
      digits: { type: 'integer', minimum: 3, maximum: 10, default: 4 },
      resetEvery: { enum: ['never', 'year', 'month', 'day'] },
    },
    required: ['digits'],
    additionalProperties: false,
  },
  valueSchema: () => ({ type: 'string', maxLength: SERIAL_MAX_LENGTH }),
  clean: (value) => (typeof value === 'string' && value.trim() !== '' && value.length <= SERIAL_MAX_LENGTH ? value.trim() : null),
  format: (value) => (typeof value === 'string' ? value : ''),
  filterOperators: ['==', '!=', 'contains', 'startsWith', 'isEmpty'],
  checkField(field) {
    const out = refuseRequired(field, 'a serial number');
    const o = serialOptions(field);
    if (o !== undefined && o.resetEvery !== 'never' && o.datePattern !== 'none') {
      const covers = { year: ['YYYY', 'YYYYMM', 'YYYYMMDD'], month: ['YYYYMM', 'YYYYMMDD'], day: ['YYYYMMDD'] }[o.resetEvery];
      if (!covers.includes(o.datePattern)) {
        out.push({ path: '/options/datePattern', message: `a counter that starts again every ${o.resetEvery} needs the ${o.resetEvery} in the date part, or two records get the same number; use ${covers[0]}` });
      }
    }
    if (o !== undefined && o.resetEvery !== 'never' && o.datePattern === 'none') {
      out.push({ path: '/options/resetEvery', message: `a counter that starts again every ${o.resetEvery} needs a date part (datePattern), or two records get the same number` });
    }
    return out;
  },
});

