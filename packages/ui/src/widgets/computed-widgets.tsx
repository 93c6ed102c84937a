import type { FieldDef } from '@trellis/schema';
import { formatDate, formatDateTime, formatNumber, type CellDisplay } from '../cell-display.js';
import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';
import { relationText } from '../relation-messages.js';

/**
 * The text of a lookup or rollup value, by the value type its options record: numbers with
 * the field's precision, dates and date-times in the locale, lists joined.
 *
 * @example computedText(rollupField, 1200.5, 'en') // '1,200.5'
 */
export function computedText(field: FieldDef, value: unknown, locale: string): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map((v) => computedText({ ...field, options: { ...field.options, valueType: typeof v === 'number' ? 'number' : 'text' } }, v, locale)).join(', ');
  const vt = field.options?.['valueType'] ?? (field.type === 'rollup' ? 'number' : 'text');
  if (typeof value === 'number' || vt === 'number') return typeof value === 'number' ? formatNumber(value, { precision: field.options?.['precision'] }, locale) : String(value);
  if (vt === 'date') return formatDate(String(value), locale);
  if (vt === 'datetime') return formatDateTime(String(value), locale);
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Read-only display of a computed value (lookup, rollup): the store fills it when the record is read. */
export function ComputedDisplay({ field, value, id, describedBy, locale }: FieldWidgetProps) {
  const text = computedText(field, value, locale);
  return (
    <output id={id} className="tr-computed" aria-describedby={describedBy} title={relationText(locale, 'computedHint')}>
      {text === '' ? '—' : text}
    </output>
  );
}

const computedCell = (value: unknown, field: FieldDef, locale: string): CellDisplay => {
  const text = computedText(field, value, locale);
  return text === '' ? { kind: 'empty' } : typeof value === 'number' ? { kind: 'text', text, align: 'end' } : { kind: 'text', text };
};

/** Widget of the `lookup` field type (read-only). */
export const lookupWidget = defineFieldWidget({ type: 'lookup', Editor: ComputedDisplay, formatCell: computedCell });
/** Widget of the `rollup` field type (read-only). */
export const rollupWidget = defineFieldWidget({ type: 'rollup', Editor: ComputedDisplay, formatCell: computedCell });
