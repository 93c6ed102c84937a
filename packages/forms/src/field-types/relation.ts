import { defineFieldType } from '../field-type.js';
import { isFormOnlyPackage } from '../form-only-package.js';
import { fieldByKey, formByKey, isColumnField, isMultipleRelation, keyOptionSchema, relationTargetKey, type FieldProblem } from './relation-options.js';

/** The most records a multiple relation may hold. */
export const RELATION_MAX_ITEMS = 500;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UUID_PATTERN = UUID.source;

/** A related id as sent: a uuid string (any case, spaces trimmed) or a `{ id }` object from a picker. */
function cleanId(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { id?: unknown }).id === 'string') value = (value as { id: string }).id;
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  return v === '' ? null : v;
}

/**
 * A relation to records of another form of the same app (关联记录). Options: `form` (the
 * target form's key), `multiple` (many records), `displayFields` (target fields shown in
 * pickers and list cells; default the target's title field). Single: the value is the related
 * record's id (a uuid column). Multiple: an array of ids in the chosen order, stored in a join
 * table. The store refuses ids that are not live records of the target form.
 */
export const relationType = defineFieldType({
  type: 'relation',
  label: { 'zh-CN': '关联记录', en: 'Relation' },
  group: 'relation',
  valueType: (field) => (isMultipleRelation(field) ? 'json' : 'uuid'),
  storage: (field) => (isMultipleRelation(field) ? 'join_table' : 'column'),
  optionsSchema: {
    type: 'object',
    required: ['form'],
    properties: {
      form: keyOptionSchema,
      multiple: { type: 'boolean' },
      displayFields: { type: 'array', items: keyOptionSchema, maxItems: 5, uniqueItems: true },
    },
    additionalProperties: false,
  },
  valueSchema: (field) =>
    isMultipleRelation(field)
      ? { type: 'array', items: { type: 'string', pattern: UUID_PATTERN }, maxItems: RELATION_MAX_ITEMS }
      : { type: 'string', pattern: UUID_PATTERN },
  clean(value, field) {
    if (!isMultipleRelation(field)) return cleanId(value);
    const list = Array.isArray(value) ? value : [value];
    const out: unknown[] = [];
    for (const item of list) {
      const id = cleanId(item);
      if (id !== null && !out.includes(id)) out.push(id);
    }
    return out.length === 0 ? null : out;
  },
  format: (value) => (Array.isArray(value) ? value.join(', ') : String(value ?? '')),
  filterOperators: ['==', '!=', 'in', 'isEmpty'],
  checkField(field, _form, pkg, catalog) {
    if (isFormOnlyPackage(pkg)) return [];
    const out: FieldProblem[] = [];
    const targetKey = relationTargetKey(field);
    const target = formByKey(pkg, targetKey);
    if (target === undefined) {
      out.push({ path: '/options/form', message: `relation '${field.key}' points at form '${targetKey}', which this app does not have; choose one of: ${pkg.forms.map((f) => f.key).join(', ')}` });
      return out;
    }
    const shown = field.options?.['displayFields'];
    if (Array.isArray(shown)) {
      shown.forEach((key, i) => {
        const f = fieldByKey(target, String(key));
        if (f === undefined) out.push({ path: `/options/displayFields/${i}`, message: `form '${targetKey}' has no field '${String(key)}' to display; pick one of its fields` });
        else if (!isColumnField(f, catalog)) out.push({ path: `/options/displayFields/${i}`, message: `field '${String(key)}' of form '${targetKey}' is not stored in a column (sub-table, multiple relation or computed) and cannot be displayed; pick another field` });
      });
    }
    return out;
  },
});
