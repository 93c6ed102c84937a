import type { FieldDef, ValueType } from '@trellis/schema';
import { MAX_FORMULA_LENGTH } from '@trellis/expr';
import { defineFieldType } from '../field-type.js';
import { FORMULA_RESULT_TYPES, type FormulaResultType } from '../formula-fields.js';

const resultTypeOf = (field: FieldDef): FormulaResultType => {
  const t = field.options?.['resultType'];
  return (FORMULA_RESULT_TYPES as readonly unknown[]).includes(t) ? (t as FormulaResultType) : 'text';
};

const VALUE_SCHEMAS = {
  number: { type: 'number' },
  text: { type: 'string' },
  date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  datetime: { type: 'string' },
  boolean: { type: 'boolean' },
} as const;

/**
 * Options: `formula` (formula text, docs/formulas.md), `resultType` (`number`, `text`,
 * `date`, `datetime`, `boolean`: the stored value type), `precision` (0–10 decimals a number
 * result is rounded to). The value is computed by the form engine on every `process` (input
 * is ignored) and stored in a normal column, so lists, filters and reports use it.
 */
export const formulaType = defineFieldType({
  type: 'formula',
  label: { 'zh-CN': '公式', en: 'Formula' },
  group: 'advanced',
  valueType: (field): ValueType => resultTypeOf(field),
  optionsSchema: {
    type: 'object',
    required: ['formula', 'resultType'],
    properties: {
      formula: { type: 'string', minLength: 1, maxLength: MAX_FORMULA_LENGTH },
      resultType: { type: 'string', enum: [...FORMULA_RESULT_TYPES] },
      precision: { type: 'integer', minimum: 0, maximum: 10 },
    },
    additionalProperties: false,
  },
  valueSchema: (field) => VALUE_SCHEMAS[resultTypeOf(field)],
  // the computed value replaces whatever was sent; what is stored comes back unchanged
  clean: (value) => value,
  format(value, field, locale) {
    if (value === null || value === undefined) return '';
    const t = resultTypeOf(field);
    if (t === 'number' && typeof value === 'number') {
      const precision = field.options?.['precision'] as number | undefined;
      return new Intl.NumberFormat(locale, precision === undefined ? { maximumFractionDigits: 10 } : { minimumFractionDigits: precision, maximumFractionDigits: precision }).format(value);
    }
    if (t === 'boolean') return value === true ? (locale.startsWith('zh') ? '是' : 'Yes') : locale.startsWith('zh') ? '否' : 'No';
    return String(value);
  },
  filterOperators: ['==', '!=', '<', '<=', '>', '>=', 'between', 'isEmpty'],
});
