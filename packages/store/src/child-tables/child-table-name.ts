import { createHash } from 'node:crypto';

/** Longest child-table name: leaves room for the `$p` index suffix within Postgres' 63 bytes. */
export const CHILD_TABLE_NAME_MAX = 60;

/**
 * The name of a sub-table's child table: `<parent table>$<field key>` — both validated keys,
 * and `$` can never appear in a form key, so a child table never collides with a form's
 * table. When that is longer than 60 characters: the first 24 characters of each, and 8 hex
 * digits of a hash of the parent form and the field's stable id. `taken` names are skipped
 * with `_2`, `_3`, … Deterministic: the same inputs give the same name.
 *
 * @example childTableName('order', 'items', 'f_items', new Set()) // 'order$items'
 */
export function childTableName(parentTable: string, fieldKey: string, fieldId: string, taken: ReadonlySet<string>): string {
  let base = `${parentTable}$${fieldKey}`;
  if (base.length > CHILD_TABLE_NAME_MAX) {
    const hash = createHash('sha256').update(`${parentTable}\u0000${fieldId}`).digest('hex').slice(0, 8);
    base = `${parentTable.slice(0, 24)}$${fieldKey.slice(0, 24)}$${hash}`;
  }
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base.slice(0, CHILD_TABLE_NAME_MAX - String(n).length - 1)}_${n}`;
  return name;
}
