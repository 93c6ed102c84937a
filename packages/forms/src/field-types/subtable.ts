import { appPackageSchema, checkPackageSemantics, validateAppPackage, type AppPackage, type FieldDef, type FieldTypeCatalog } from '@trellis/schema';
import { defineFieldType } from '../field-type.js';
import { messageLocale } from '../messages.js';
import { processSubtableRows, computeSubtableRows, SUBTABLE_MAX_ROWS, SUBTABLE_RESERVED_KEYS, subtableColumns } from '../subtable-rows.js';

/** The most columns one sub-table may have. */
export const SUBTABLE_MAX_COLUMNS = 50;

type Problem = { path: string; message: string };

/** Moves a problem of the synthetic one-form package (`/forms/0/fields/3/key`) under the field's options. */
function rebase(path: string): string | undefined {
  const m = /^\/forms\/0\/fields(\/.*)?$/.exec(path);
  return m === null ? undefined : `/options/fields${m[1] ?? ''}`;
}

/**
 * Definition checks of the row columns: keys valid, unique, not reserved and not system
 * columns (the synthetic package's semantic checks), known types whose options validate and
 * pass the column type's own checks, no nested sub-table, no layout-only or non-column type.
 */
function checkColumns(field: FieldDef, catalog: FieldTypeCatalog): Problem[] {
  const columns = subtableColumns(field);
  const pkg = { schemaVersion: 1, app: { key: 'app', name: 'app' }, forms: [{ key: 'sub_rows', name: 'rows', fields: columns }] } as const;
  const out: Problem[] = [];
  const push = (p: Problem) => {
    const path = rebase(p.path);
    if (path !== undefined && !out.some((o) => o.path === path && o.message === p.message)) out.push({ path, message: p.message });
  };
  for (const p of checkPackageSemantics(pkg)) push(p);
  columns.forEach((c, i) => {
    if (typeof c?.key === 'string' && SUBTABLE_RESERVED_KEYS.includes(c.key)) {
      out.push({ path: `/options/fields/${i}/key`, message: `column key '${c.key}' is a column of every sub-table row (${SUBTABLE_RESERVED_KEYS.join(', ')}); choose another key` });
    }
    if (typeof c?.type !== 'string' || !catalog.has(c.type)) return;
    if (c.type === field.type || (catalog.storage?.(c) ?? 'column') === 'child_table') {
      out.push({ path: `/options/fields/${i}/type`, message: 'a sub-table cannot hold another sub-table; move those rows into a form of their own and relate it' });
    } else if (catalog.storesValue?.(c) === false) {
      out.push({ path: `/options/fields/${i}/type`, message: `field type '${c.type}' holds no value and cannot be a sub-table column; remove it` });
    } else if ((catalog.storage?.(c) ?? 'column') === 'join_table') {
      out.push({ path: `/options/fields/${i}/type`, message: `field type '${c.type}' links many records and cannot be a sub-table column; use a single relation or move it to the form` });
    }
  });
  // Types, options and each column type's own checks, with the same catalog.
  const r = validateAppPackage(pkg, catalog);
  if (!r.ok) for (const p of r.errors) push(p);
  return out;
}

/**
 * The sub-table (子表单): rows of their own columns inside one record, stored in a child
 * table. Options: `fields` (the row's columns, ordinary field definitions), `minRows`,
 * `maxRows` (at most 500). The value is the array of rows `{ id?, <column>: value, … }` in
 * order; each row runs through the row columns' own pipeline during the parent's clean step.
 */
export const subtableType = defineFieldType({
  type: 'subtable',
  label: { 'zh-CN': '子表单', en: 'Sub-table' },
  group: 'advanced',
  valueType: 'json',
  storage: 'child_table',
  optionsSchema: {
    type: 'object',
    required: ['fields'],
    properties: {
      fields: { type: 'array', minItems: 1, maxItems: SUBTABLE_MAX_COLUMNS, items: { $ref: '#/$defs/field' } },
      minRows: { type: 'integer', minimum: 0, maximum: SUBTABLE_MAX_ROWS },
      maxRows: { type: 'integer', minimum: 1, maximum: SUBTABLE_MAX_ROWS },
    },
    additionalProperties: false,
    $defs: appPackageSchema.$defs,
  },
  valueSchema: () => ({ type: 'array', items: { type: 'object' } }),
  clean: (value) => value,
  processNested: processSubtableRows,
  computeNested: computeSubtableRows,
  format(value, _field, locale) {
    const n = Array.isArray(value) ? value.length : 0;
    return messageLocale(locale) === 'zh-CN' ? `${n} 行` : `${n} ${n === 1 ? 'row' : 'rows'}`;
  },
  filterOperators: [],
  checkField(field, _form, _pkg: AppPackage, catalog) {
    const o = field.options ?? {};
    const out = checkColumns(field, catalog);
    if (typeof o['minRows'] === 'number' && typeof o['maxRows'] === 'number' && o['minRows'] > o['maxRows']) {
      out.push({ path: '/options/minRows', message: `minRows (${o['minRows']}) is larger than maxRows (${o['maxRows']}); swap them` });
    }
    return out;
  },
});
