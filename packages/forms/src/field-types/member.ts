import type { FieldDef } from '@trellis/schema';
import { defineFieldType, type FieldTypeDefinition } from '../field-type.js';
import { cleanUuid, cleanUuidList, uuidProblem } from './uuid-values.js';

/** Whether a member or department field holds several ids (`options.multiple`). */
export const isMultiple = (field: FieldDef): boolean => field.options?.['multiple'] === true;

/** Builds the member and department types: the same shape over users or over departments. */
function principalType(type: 'member' | 'department', label: { 'zh-CN': string; en: string }, what: { zh: string; en: string }): FieldTypeDefinition {
  return defineFieldType({
    type,
    label,
    group: 'advanced',
    valueType: (field) => (isMultiple(field) ? 'text_list' : 'uuid'),
    optionsSchema: { type: 'object', properties: { multiple: { type: 'boolean' } }, additionalProperties: false },
    valueSchema: (field) => (isMultiple(field) ? { type: 'array', items: { type: 'string' }, uniqueItems: true, maxItems: 500 } : { type: 'string' }),
    clean: (value, field) => (isMultiple(field) ? cleanUuidList(value) : cleanUuid(value)),
    check: (value) => uuidProblem(value, what),
    format: (value, _field, locale) => (Array.isArray(value) ? value.join(locale.startsWith('zh') ? '、' : ', ') : typeof value === 'string' ? value : ''),
    filterOperators: ['==', '!=', 'in', 'contains', 'isEmpty'],
  });
}

/**
 * Member (成员): one user, or several with `options.multiple`. Until the identity issue
 * lands the value is the user's id (a uuid; a list of uuids when multiple); the widget
 * then becomes a user picker and the format shows names.
 */
export const memberType = principalType('member', { 'zh-CN': '成员', en: 'Member' }, { zh: '用户', en: 'a user' });

/** Department (部门): one department or several (`options.multiple`), held as uuids like {@link memberType}. */
export const departmentType = principalType('department', { 'zh-CN': '部门', en: 'Department' }, { zh: '部门', en: 'a department' });
