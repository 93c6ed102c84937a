import type { FieldDef } from '@trellis/schema';

/** One row of a sub-table value as the editor holds it (wire format: `{ id?, <column>: value }`). */
export type SubtableRow = Readonly<Record<string, unknown>>;

/** The rows of a sub-table value (`null` and anything that is not an array → no rows). */
export function rowsOf(value: unknown): readonly SubtableRow[] {
  return Array.isArray(value) ? value.map((r) => (typeof r === 'object' && r !== null && !Array.isArray(r) ? (r as SubtableRow) : {})) : [];
}

/** A new row: each column's static default, the others absent (the form engine applies defaults too). */
export function newRow(columns: readonly FieldDef[]): SubtableRow {
  const row: Record<string, unknown> = {};
  for (const c of columns) if (c.defaultValue !== undefined && c.defaultValue !== null) row[c.key] = c.defaultValue;
  return row;
}

/** `rows` with `column` of row `index` set to `value`. */
export function setCell(rows: readonly SubtableRow[], index: number, column: string, value: unknown): SubtableRow[] {
  return rows.map((r, i) => (i === index ? { ...r, [column]: value } : r));
}

/** `list` without item `index`. */
export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** `list` with item `index` moved by `delta` (−1 up, +1 down); unchanged at the ends. */
export function moveBy<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item as T);
  return out;
}
