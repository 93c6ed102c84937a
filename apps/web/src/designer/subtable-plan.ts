import type { useSubtableT } from './subtable-messages.js';

type Ref = { readonly form: string; readonly key: string; readonly table: string };

/** The child-table part of a publish plan (`plan.childTables` of the API). */
export interface ChildPlanDto {
  readonly tablesToCreate: readonly (Ref & { readonly columns: readonly { readonly key: string }[] })[];
  readonly columnsToAdd: readonly (Ref & { readonly key: string })[];
  readonly columnsHidden: readonly (Ref & { readonly key: string })[];
}

/**
 * The summary lines of the child tables a publish creates or changes: new sub-table tables
 * (with their columns), new row columns, hidden row columns.
 *
 * @example childPlanLines(plan, t) // ['New sub-table tables: purchase.items (product, qty)']
 */
export function childPlanLines(plan: { readonly childTables?: ChildPlanDto }, t: ReturnType<typeof useSubtableT>): string[] {
  const c = plan.childTables;
  if (!c) return [];
  const lines: string[] = [];
  if (c.tablesToCreate.length > 0) lines.push(t('planChildTables', { list: c.tablesToCreate.map((x) => `${x.form}.${x.key} (${x.columns.map((col) => col.key).join(', ')})`).join(', ') }));
  if (c.columnsToAdd.length > 0) lines.push(t('planChildColumns', { list: c.columnsToAdd.map((x) => `${x.table}.${x.key}`).join(', ') }));
  if (c.columnsHidden.length > 0) lines.push(t('planChildHidden', { list: c.columnsHidden.map((x) => `${x.table}.${x.key}`).join(', ') }));
  return lines;
}
