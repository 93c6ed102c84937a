import { fieldTypes } from '@trellis/forms';
import type { FieldDef } from '@trellis/schema';

/**
 * Whether a list can be sorted by `field`: it has a column of its own (not a sub-table's child
 * table, a join table or a computed value) holding a scalar (not JSON or a list), and is not
 * long text. Mirrors the store's sortable columns.
 *
 * @example isSortableField({ id: 'a', key: 'qty', type: 'number', label: 'Qty' }) // true
 */
export function isSortableField(field: FieldDef): boolean {
  if (field.type === 'long_text' || !fieldTypes.has(field.type)) return false;
  if (fieldTypes.storage(field) !== 'column') return false;
  const vt = fieldTypes.valueType(field);
  return vt !== 'json' && vt !== 'text_list';
}
