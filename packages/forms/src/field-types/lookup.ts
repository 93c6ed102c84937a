import { VALUE_TYPES, type AppPackage, type FieldDef, type FieldTypeCatalog, type FormDef, type ValueType } from '@trellis/schema';
import { defineFieldType } from '../field-type.js';
import { isFormOnlyPackage } from '../form-only-package.js';
import { fieldByKey, formByKey, isColumnField, isMultipleRelation, keyOptionSchema, relationTargetKey, valueTypeOf, type FieldProblem } from './relation-options.js';

/** The value type recorded in a computed field's `options.valueType` (default `text`). */
export function recordedValueType(field: FieldDef, fallback: ValueType = 'text'): ValueType {
  const v = field.options?.['valueType'];
  return typeof v === 'string' && (VALUE_TYPES as readonly string[]).includes(v) ? (v as ValueType) : fallback;
}

/**
 * The value type a lookup must record: the looked-up field's type, or `json` (a list of
 * values) when it looks through a multiple relation. Undefined when the definition is broken.
 *
 * @example lookupValueType(contact.fields[3], contactForm, pkg, fieldTypes) // 'text'
 */
export function lookupValueType(field: FieldDef, form: FormDef, pkg: AppPackage, catalog: FieldTypeCatalog): ValueType | undefined {
  const relation = fieldByKey(form, String(field.options?.['relation'] ?? ''));
  if (relation === undefined || relation.type !== 'relation') return undefined;
  const target = formByKey(pkg, relationTargetKey(relation));
  const source = target === undefined ? undefined : fieldByKey(target, String(field.options?.['field'] ?? ''));
  if (source === undefined) return undefined;
  if (isMultipleRelation(relation)) return 'json';
  return valueTypeOf(source, catalog);
}

/**
 * Lookup (引用字段): shows a field of the record a relation of this form points at. Options:
 * `relation` (a relation field of this form), `field` (a field of its target form), and
 * `valueType`, the resolved type of that field — recorded in the definition (the designer
 * fills it) because a field's value type must be known from the field alone; `checkField`
 * keeps it equal to the target field's type. Through a multiple relation the value is the
 * list of the related records' values (`json`). Computed by the store on read, in SQL;
 * input is ignored.
 */
export const lookupType = defineFieldType({
  type: 'lookup',
  label: { 'zh-CN': '引用字段', en: 'Lookup' },
  group: 'relation',
  valueType: (field) => recordedValueType(field),
  storage: 'computed',
  optionsSchema: {
    type: 'object',
    required: ['relation', 'field'],
    properties: { relation: keyOptionSchema, field: keyOptionSchema, valueType: { type: 'string', enum: [...VALUE_TYPES] } },
    additionalProperties: false,
  },
  valueSchema: () => ({}),
  clean: () => null,
  format: (value) => (value === null || value === undefined ? '' : Array.isArray(value) ? value.map(String).join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value)),
  filterOperators: [],
  checkField(field, form, pkg, catalog) {
    const out: FieldProblem[] = [];
    if (field.required === true) out.push({ path: '/required', message: `lookup '${field.key}' is computed from the related record and cannot be required; make the relation required instead` });
    const relationKey = String(field.options?.['relation'] ?? '');
    const relation = fieldByKey(form, relationKey);
    if (relation === undefined || relation.type !== 'relation') {
      out.push({ path: '/options/relation', message: `form '${form.key}' has no relation field '${relationKey}'; choose one of its relation fields` });
      return out;
    }
    if (isFormOnlyPackage(pkg)) return out;
    const target = formByKey(pkg, relationTargetKey(relation));
    if (target === undefined) return out; // the relation itself reports it
    const sourceKey = String(field.options?.['field'] ?? '');
    const source = fieldByKey(target, sourceKey);
    if (source === undefined) {
      out.push({ path: '/options/field', message: `form '${target.key}' has no field '${sourceKey}'; choose one of its fields` });
      return out;
    }
    if (!isColumnField(source, catalog)) {
      out.push({ path: '/options/field', message: `field '${sourceKey}' of form '${target.key}' is not stored in a column (sub-table, multiple relation or computed) and cannot be looked up; choose another field` });
      return out;
    }
    const expected = lookupValueType(field, form, pkg, catalog);
    if (expected !== undefined && recordedValueType(field) !== expected) {
      out.push({ path: '/options/valueType', message: `lookup '${field.key}' must record valueType '${expected}' (the type of '${target.key}.${sourceKey}'${isMultipleRelation(relation) ? ' through a multiple relation' : ''}), not '${recordedValueType(field)}'` });
    }
    return out;
  },
});
