import type { FieldDef } from '@trellis/schema';
import type { CellDisplay } from '../cell-display.js';
import { formatDate, formatDateTime, formatNumber } from '../cell-display.js';
import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';
import { uiText } from '../ui-messages.js';

/**
 * The text a formula value is shown as, by the field's `resultType`: numbers with the
 * `precision` decimals, dates and date-times in the locale, booleans yes/no.
 *
 * @example formatFormulaValue(1200.5, { ...field, options: { formula: 'a*b', resultType: 'number', precision: 2 } }, 'en') // '1,200.50'
 */
export function formatFormulaValue(value: unknown, field: FieldDef, locale: string): string {
  if (value === null || value === undefined || value === '') return '';
  switch (field.options?.['resultType']) {
    case 'number':
      return typeof value === 'number' ? formatNumber(value, { precision: field.options?.['precision'] }, locale) : String(value);
    case 'date':
      return formatDate(String(value), locale);
    case 'datetime':
      return formatDateTime(String(value), locale);
    case 'boolean':
      return uiText(locale, value === true ? 'yes' : 'no');
    default:
      return String(value);
  }
}

/** A formula field in a form: its computed value, read-only (the form engine computes it as the user types). */
export function FormulaEditor({ field, value, id, describedBy, locale }: FieldWidgetProps) {
  const text = formatFormulaValue(value, field, locale);
  return (
    <input
      id={id}
      name={field.key}
      className="tr-input tr-input-formula"
      value={text}
      placeholder={uiText(locale, 'formulaEmpty')}
      readOnly
      aria-readonly="true"
      aria-describedby={describedBy}
      data-formula-value={value === null || value === undefined ? '' : String(value)}
      style={field.options?.['resultType'] === 'number' ? { textAlign: 'end' } : undefined}
    />
  );
}

function formatFormulaCell(value: unknown, field: FieldDef, locale: string): CellDisplay {
  const text = formatFormulaValue(value, field, locale);
  if (text === '') return { kind: 'empty' };
  if (field.options?.['resultType'] === 'boolean') return { kind: 'boolean', value: value === true, text };
  return field.options?.['resultType'] === 'number' ? { kind: 'text', text, align: 'end' } : { kind: 'text', text };
}

/** The built-in widget of the `formula` field type. */
export const formulaWidget = defineFieldWidget({ type: 'formula', Editor: FormulaEditor, formatCell: formatFormulaCell });
