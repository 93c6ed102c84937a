import type { FieldDef } from '@trellis/schema';
import { fieldTypes } from '@trellis/forms';
import type { CellDisplay } from './cell-display.js';

/**
 * A list-cell formatter that shows the field type's own `format` from the forms engine
 * (masked phones and ID numbers, `¥1,200.50`, `12.5%`, stars, rich text as plain text),
 * so lists, exports and notifications read the same.
 *
 * @example formatTypedCell({ align: 'end' })(1200.5, moneyField, 'zh-CN') // { kind: 'text', text: '¥1,200.50', align: 'end' }
 */
export function formatTypedCell(options: { readonly align?: 'end' } = {}): (value: unknown, field: FieldDef, locale: string) => CellDisplay {
  return (value, field, locale) => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return { kind: 'empty' };
    const format = fieldTypes.get(field.type)?.format;
    const text = format === undefined ? String(value) : format(value, field, locale);
    if (text === '') return { kind: 'empty' };
    return options.align === undefined ? { kind: 'text', text } : { kind: 'text', text, align: options.align };
  };
}

/** List cells of tags: every tag as a neutral (uncoloured) tag. */
export function formatTagsCell(value: unknown): CellDisplay {
  const list = Array.isArray(value) ? value.map(String) : value === null || value === undefined || value === '' ? [] : [String(value)];
  return list.length === 0 ? { kind: 'empty' } : { kind: 'tags', tags: list.map((t) => ({ value: t, label: t })) };
}
