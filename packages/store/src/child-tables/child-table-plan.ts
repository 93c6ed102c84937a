import type { AppPackage, FieldDef, FieldTypeCatalog, ValueType } from '@trellis/schema';
import { StoreErrors } from '../errors.js';
import { assertKey } from '../identifiers.js';
import { COLUMN_TYPES, isValueType } from '../apps/column-types.js';
import { childTableName } from './child-table-name.js';

/** Names a child table owns besides its row columns; a row column never takes them. */
export const CHILD_SYSTEM_COLUMNS: readonly string[] = ['id', 'parent_id', 'position'];

/** A row column's column as the store records it (`trellis.app_child_columns`). */
export interface StoredChildColumn {
  readonly fieldId: string;
  readonly key: string;
  readonly column: string;
  readonly valueType: ValueType;
  readonly hidden: boolean;
}

/** A sub-table field's child table as the store records it (`trellis.app_child_tables`). */
export interface StoredChildTable {
  readonly form: string;
  readonly fieldId: string;
  readonly key: string;
  readonly table: string;
  readonly hidden: boolean;
  readonly columns: ReadonlyMap<string, StoredChildColumn>;
}

/** The stored child tables of an app: by parent form key, then by the sub-table field's id. */
export type StoredChildTables = ReadonlyMap<string, ReadonlyMap<string, StoredChildTable>>;

/** A row column to create, in a new child table or an existing one. */
export interface ChildColumnChange {
  readonly form: string;
  /** The sub-table field's id. */
  readonly fieldId: string;
  readonly table: string;
  /** The row column's id and key. */
  readonly columnFieldId: string;
  readonly key: string;
  readonly column: string;
  readonly valueType: ValueType;
  readonly columnType: string;
}

/** A child table that exists and stays (hidden or restored). */
export interface ChildTableRef {
  readonly form: string;
  readonly fieldId: string;
  readonly key: string;
  readonly table: string;
}

/** A row column whose column exists and stays (hidden or restored). */
export interface ChildColumnRef {
  readonly form: string;
  readonly fieldId: string;
  readonly table: string;
  readonly columnFieldId: string;
  readonly key: string;
  readonly column: string;
}

/** What a publish changes in the child tables of sub-table fields (part of `PublishPlan`). */
export interface ChildTablePlan {
  readonly tablesToCreate: readonly (ChildTableRef & { readonly parentTable: string; readonly columns: readonly ChildColumnChange[] })[];
  readonly columnsToAdd: readonly ChildColumnChange[];
  /** Sub-table fields removed from the definition: the child table and its rows stay, hidden. */
  readonly tablesHidden: readonly ChildTableRef[];
  readonly tablesRestored: readonly ChildTableRef[];
  /** Row columns removed from a sub-table: the column and its values stay, hidden. */
  readonly columnsHidden: readonly ChildColumnRef[];
  readonly columnsRestored: readonly ChildColumnRef[];
  /** Sub-table fields or row columns whose key changed (`columnFieldId` absent for the sub-table itself). */
  readonly keysRenamed: readonly { readonly form: string; readonly fieldId: string; readonly columnFieldId?: string; readonly from: string; readonly to: string }[];
}

/** Whether a child plan changes anything. */
export function childPlanChanged(plan: ChildTablePlan): boolean {
  return Object.values(plan).some((list) => (list as readonly unknown[]).length > 0);
}

/** The row columns of a `child_table` field: its `options.fields` (the sub-table convention). */
function rowColumns(field: FieldDef): readonly FieldDef[] {
  const fields = field.options?.['fields'];
  return Array.isArray(fields) ? (fields as FieldDef[]) : [];
}

/**
 * Diffs the sub-table fields of `pkg` against the stored child tables. Pure. Child tables are
 * named by {@link childTableName}; row columns by their key (or `key_2` … when a hidden column
 * holds the name). Refuses a row column whose value type changes (`STORE_COLUMN_TYPE_CHANGE`).
 *
 * @example
 * const childTables = planChildTables(current.childTables ?? new Map(), parentTables, pkg, fieldTypes);
 */
export function planChildTables(stored: StoredChildTables, parentTables: ReadonlyMap<string, string>, pkg: AppPackage, catalog: FieldTypeCatalog): ChildTablePlan {
  const tablesToCreate: (ChildTableRef & { parentTable: string; columns: ChildColumnChange[] })[] = [];
  const columnsToAdd: ChildColumnChange[] = [];
  const tablesHidden: ChildTableRef[] = [];
  const tablesRestored: ChildTableRef[] = [];
  const columnsHidden: ChildColumnRef[] = [];
  const columnsRestored: ChildColumnRef[] = [];
  const keysRenamed: { form: string; fieldId: string; columnFieldId?: string; from: string; to: string }[] = [];
  const typeChanges: { path: string; message: string }[] = [];
  const takenTables = new Set<string>();
  for (const byField of stored.values()) for (const t of byField.values()) takenTables.add(t.table);

  pkg.forms.forEach((form, formIndex) => {
    const parentTable = parentTables.get(form.key) ?? form.key;
    const storedForForm = stored.get(form.key);
    const seen = new Set<string>();
    form.fields.forEach((field, fieldIndex) => {
      if (catalog.storesValue && !catalog.storesValue(field)) return;
      if ((catalog.storage?.(field) ?? 'column') !== 'child_table') return;
      const fieldPath = `/forms/${formIndex}/fields/${fieldIndex}`;
      seen.add(field.id);
      const old = storedForForm?.get(field.id);
      const table = old?.table ?? childTableName(parentTable, field.key, field.id, takenTables);
      takenTables.add(table);
      const ref: ChildTableRef = { form: form.key, fieldId: field.id, key: field.key, table };
      if (old?.hidden) tablesRestored.push(ref);
      if (old && old.key !== field.key) keysRenamed.push({ form: form.key, fieldId: field.id, from: old.key, to: field.key });
      const usedColumns = new Set<string>([...CHILD_SYSTEM_COLUMNS, ...[...(old?.columns.values() ?? [])].map((c) => c.column)]);
      const newColumns: ChildColumnChange[] = [];
      const seenColumns = new Set<string>();
      rowColumns(field).forEach((column, columnIndex) => {
        const columnPath = `${fieldPath}/options/fields/${columnIndex}`;
        assertKey(column.key, `${columnPath}/key`);
        if (CHILD_SYSTEM_COLUMNS.includes(column.key) || typeof column.id !== 'string' || column.id === '' || seenColumns.has(column.id)) {
          throw StoreErrors.create('STORE_IDENTIFIER_INVALID', `[store] row column '${column.key}' of sub-table '${field.key}' needs a unique id and a key other than ${CHILD_SYSTEM_COLUMNS.join(', ')}; validate the package first`, [
            { path: columnPath, message: 'missing or duplicate id, or a reserved key' },
          ]);
        }
        seenColumns.add(column.id);
        if (catalog.storesValue && !catalog.storesValue(column)) return;
        if ((catalog.storage?.(column) ?? 'column') !== 'column') return;
        const valueType = catalog.valueType(column);
        if (!isValueType(valueType)) {
          throw StoreErrors.create('STORE_IDENTIFIER_INVALID', `[store] field type '${column.type}' reports value type '${String(valueType)}', which the store cannot hold`, [{ path: `${columnPath}/type`, message: 'unknown value type' }]);
        }
        const was = old?.columns.get(column.id);
        if (!was) {
          let name = column.key;
          for (let n = 2; usedColumns.has(name); n += 1) name = `${column.key}_${n}`;
          usedColumns.add(name);
          newColumns.push({ form: form.key, fieldId: field.id, table, columnFieldId: column.id, key: column.key, column: name, valueType, columnType: COLUMN_TYPES[valueType] });
          return;
        }
        if (was.valueType !== valueType) {
          typeChanges.push({ path: `${columnPath}/type`, message: `row column '${column.key}' of sub-table '${field.key}' holds ${was.valueType} values (column '${was.column}'); type '${column.type}' holds ${valueType}` });
        }
        const colRef: ChildColumnRef = { form: form.key, fieldId: field.id, table, columnFieldId: column.id, key: column.key, column: was.column };
        if (was.hidden) columnsRestored.push(colRef);
        if (was.key !== column.key) keysRenamed.push({ form: form.key, fieldId: field.id, columnFieldId: column.id, from: was.key, to: column.key });
      });
      if (old) {
        for (const was of old.columns.values()) {
          if (!was.hidden && !seenColumns.has(was.fieldId)) columnsHidden.push({ form: form.key, fieldId: field.id, table, columnFieldId: was.fieldId, key: was.key, column: was.column });
        }
        columnsToAdd.push(...newColumns);
      } else {
        tablesToCreate.push({ ...ref, parentTable, columns: newColumns });
      }
    });
    for (const old of storedForForm?.values() ?? []) {
      if (!old.hidden && !seen.has(old.fieldId)) tablesHidden.push({ form: form.key, fieldId: old.fieldId, key: old.key, table: old.table });
    }
  });

  if (typeChanges.length > 0) {
    throw StoreErrors.create(
      'STORE_COLUMN_TYPE_CHANGE',
      `[store] publishing app '${pkg.app.key}' would change the type of ${typeChanges.length} existing sub-table column(s); values are never converted silently: keep the type, or add a new column (new id)`,
      typeChanges,
    );
  }
  return { tablesToCreate, columnsToAdd, tablesHidden, tablesRestored, columnsHidden, columnsRestored, keysRenamed };
}
