import { checkCondition } from '@trellis/expr';
import type { AppPackage, FieldDef, FieldTypeCatalog, FormDef, ValueType } from '@trellis/schema';
import { defineFieldType } from '../field-type.js';
import { isFormOnlyPackage } from '../form-only-package.js';
import { SYSTEM_COLUMN_TYPES } from '../var-schema.js';
import { recordedValueType } from './lookup.js';
import { fieldByKey, formByKey, isColumnField, isMultipleRelation, keyOptionSchema, relationTargetKey, valueTypeOf, type FieldProblem } from './relation-options.js';

/** The aggregates a rollup computes. */
export const ROLLUP_AGGREGATES = ['count', 'sum', 'avg', 'min', 'max'] as const;
export type RollupAggregate = (typeof ROLLUP_AGGREGATES)[number];

/**
 * Where a rollup's records come from: the records of `form` whose relation `via` points at
 * this record, or the records a multiple `relation` of this form holds.
 */
export type RollupSource =
  | { readonly kind: 'via'; readonly form: FormDef; readonly via: FieldDef }
  | { readonly kind: 'relation'; readonly form: FormDef; readonly relation: FieldDef };

/** The aggregate of a rollup field (`options.aggregate`, default `count`). */
export function rollupAggregate(field: FieldDef): RollupAggregate {
  const a = field.options?.['aggregate'];
  return (ROLLUP_AGGREGATES as readonly unknown[]).includes(a) ? (a as RollupAggregate) : 'count';
}

/** Resolves where a rollup's records come from, or a problem naming the broken option. */
export function rollupSource(field: FieldDef, form: FormDef, pkg: AppPackage): RollupSource | FieldProblem {
  const o = field.options ?? {};
  if (typeof o['relation'] === 'string') {
    const relation = fieldByKey(form, o['relation']);
    if (relation === undefined || relation.type !== 'relation' || !isMultipleRelation(relation)) {
      return { path: '/options/relation', message: `form '${form.key}' has no multiple relation field '${o['relation']}'; choose one, or roll up over another form with form and via` };
    }
    const target = formByKey(pkg, relationTargetKey(relation));
    if (target === undefined) return { path: '/options/relation', message: `relation '${relation.key}' points at a form this app does not have` };
    return { kind: 'relation', form: target, relation };
  }
  const source = formByKey(pkg, String(o['form'] ?? ''));
  if (source === undefined) return { path: '/options/form', message: `rollup '${field.key}' reads form '${String(o['form'] ?? '')}', which this app does not have; choose one of: ${pkg.forms.map((f) => f.key).join(', ')}` };
  const via = fieldByKey(source, String(o['via'] ?? ''));
  if (via === undefined || via.type !== 'relation' || relationTargetKey(via) !== form.key) {
    return { path: '/options/via', message: `form '${source.key}' has no relation field '${String(o['via'] ?? '')}' pointing at form '${form.key}'; choose one of its relations to '${form.key}'` };
  }
  return { kind: 'via', form: source, via };
}

/** The value type of a rollup: numbers, except min/max of a date or date-time field. */
function rollupValueType(field: FieldDef): ValueType {
  const a = rollupAggregate(field);
  return a === 'min' || a === 'max' ? recordedValueType(field, 'number') : 'number';
}

/**
 * Rollup (汇总): count, sum, avg, min or max over related records, optionally only those
 * matching a condition (`where`, json-logic over the source form's fields). Either over the
 * records of `form` whose relation `via` points at this record (a customer's won
 * opportunities), or over a multiple `relation` of this form. `min`/`max` of a date or
 * date-time field record that type in `options.valueType`. Computed by the store on read in
 * SQL; input is ignored.
 */
export const rollupType = defineFieldType({
  type: 'rollup',
  label: { 'zh-CN': '汇总', en: 'Rollup' },
  group: 'relation',
  valueType: rollupValueType,
  storage: 'computed',
  optionsSchema: {
    type: 'object',
    required: ['aggregate'],
    properties: {
      aggregate: { type: 'string', enum: [...ROLLUP_AGGREGATES] },
      form: keyOptionSchema,
      via: keyOptionSchema,
      relation: keyOptionSchema,
      field: keyOptionSchema,
      where: {},
      valueType: { type: 'string', enum: ['number', 'date', 'datetime'] },
      precision: { type: 'integer', minimum: 0, maximum: 10 },
    },
    additionalProperties: false,
  },
  valueSchema: () => ({}),
  clean: () => null,
  format: (value) => (value === null || value === undefined ? '' : String(value)),
  filterOperators: [],
  checkField(field, form, pkg, catalog) {
    const out: FieldProblem[] = [];
    const o = field.options ?? {};
    if (field.required === true) out.push({ path: '/required', message: `rollup '${field.key}' is computed and cannot be required` });
    if (typeof o['relation'] === 'string' && (o['form'] !== undefined || o['via'] !== undefined)) {
      out.push({ path: '/options', message: `rollup '${field.key}' names both a relation and form/via; keep one source` });
    }
    if (typeof o['relation'] !== 'string' && (typeof o['form'] !== 'string' || typeof o['via'] !== 'string')) {
      out.push({ path: '/options', message: `rollup '${field.key}' needs a source: form and via (records of another form pointing here), or relation (a multiple relation of this form)` });
      return out;
    }
    if (isFormOnlyPackage(pkg) && typeof o['relation'] !== 'string') return out;
    if (isFormOnlyPackage(pkg)) {
      const relation = fieldByKey(form, String(o['relation']));
      if (relation === undefined || relation.type !== 'relation' || !isMultipleRelation(relation)) out.push({ path: '/options/relation', message: `form '${form.key}' has no multiple relation field '${String(o['relation'])}'` });
      return out;
    }
    const source = rollupSource(field, form, pkg);
    if (!('kind' in source)) return [...out, source];
    const aggregate = rollupAggregate(field);
    const fieldKey = o['field'];
    if (aggregate !== 'count' || fieldKey !== undefined) {
      const target = fieldByKey(source.form, String(fieldKey ?? ''));
      if (target === undefined || !isColumnField(target, catalog)) {
        out.push({ path: '/options/field', message: `rollup '${field.key}' (${aggregate}) needs a field of form '${source.form.key}' stored in a column; '${String(fieldKey ?? '')}' is not one` });
      } else {
        const vt = valueTypeOf(target, catalog);
        if ((aggregate === 'sum' || aggregate === 'avg') && vt !== 'number') {
          out.push({ path: '/options/field', message: `${aggregate} needs a number field; '${source.form.key}.${target.key}' holds ${String(vt)}` });
        }
        if (aggregate === 'min' || aggregate === 'max') {
          if (vt !== 'number' && vt !== 'date' && vt !== 'datetime') out.push({ path: '/options/field', message: `${aggregate} needs a number, date or date-time field; '${source.form.key}.${target.key}' holds ${String(vt)}` });
          else if (recordedValueType(field, 'number') !== vt) out.push({ path: '/options/valueType', message: `rollup '${field.key}' must record valueType '${vt}' (the type of '${source.form.key}.${target.key}')` });
        }
      }
    }
    if (o['where'] !== undefined && o['where'] !== null && typeof o['where'] !== 'boolean') {
      const vars: Record<string, { type: ValueType }> = {};
      for (const [name, type] of Object.entries(SYSTEM_COLUMN_TYPES)) vars[name] = { type };
      for (const f of source.form.fields) if (isColumnField(f, catalog)) vars[f.key] = { type: catalog.valueType(f) };
      for (const e of checkCondition(o['where'], vars)) {
        out.push({ path: '/options/where' + (e.path === '' || e.path.startsWith('/') ? e.path : '/' + e.path), message: `${e.message} (conditions of a rollup name fields of form '${source.form.key}' stored in columns)` });
      }
    }
    return out;
  },
});
