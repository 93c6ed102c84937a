/** The child-table part of a publish plan (`plan.childTables`) as the API returns it. */

const s = { type: 'string' } as const;
const childColumn = {
  type: 'object',
  properties: { form: s, fieldId: s, table: s, columnFieldId: s, key: s, column: s, valueType: s, columnType: s },
} as const;
const childTable = { type: 'object', properties: { form: s, fieldId: s, key: s, table: s } } as const;

/** New child tables and row columns of sub-table fields, hidden and restored ones, renamed keys. */
export const childPlanSchema = {
  type: 'object',
  description: 'Child tables of sub-table fields: one table per sub-table, one column per row column',
  properties: {
    tablesToCreate: { type: 'array', items: { type: 'object', properties: { ...childTable.properties, parentTable: s, columns: { type: 'array', items: childColumn } } } },
    columnsToAdd: { type: 'array', items: childColumn },
    tablesHidden: { type: 'array', items: childTable },
    tablesRestored: { type: 'array', items: childTable },
    columnsHidden: { type: 'array', items: childColumn },
    columnsRestored: { type: 'array', items: childColumn },
    keysRenamed: { type: 'array', items: { type: 'object', properties: { form: s, fieldId: s, columnFieldId: s, from: s, to: s } } },
  },
} as const;
