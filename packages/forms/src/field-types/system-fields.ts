import type { FieldDef, SystemFieldType } from '@trellis/schema';
import { cleanDateTime } from '../cleaners.js';
import { defineFieldType, type FieldTypeDefinition } from '../field-type.js';
import { refuseRequired } from './store-filled.js';
import { cleanUuid, isUuidText, uuidProblem } from './uuid-values.js';

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const LABELS: Record<SystemFieldType, { 'zh-CN': string; en: string }> = {
  created_by: { 'zh-CN': '创建人', en: 'Created by' },
  created_at: { 'zh-CN': '创建时间', en: 'Created at' },
  updated_by: { 'zh-CN': '修改人', en: 'Updated by' },
  updated_at: { 'zh-CN': '修改时间', en: 'Updated at' },
  owner: { 'zh-CN': '拥有者', en: 'Owner' },
};

function formatDateTime(value: unknown, locale: string): string {
  if (typeof value !== 'string') return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A read-only system field: keeps a well-formed stored value (updates carry it) and drops any other input. */
function readOnlySystemType(type: Exclude<SystemFieldType, 'owner'>): FieldTypeDefinition {
  const isTime = type === 'created_at' || type === 'updated_at';
  return defineFieldType({
    type,
    label: LABELS[type],
    group: 'system',
    valueType: isTime ? 'datetime' : 'uuid',
    storage: 'computed',
    valueSchema: () => ({ type: 'string' }),
    clean(value) {
      const v = isTime ? cleanDateTime(value) : cleanUuid(value);
      return isTime ? (typeof v === 'string' && CANONICAL.test(v) ? v : null) : isUuidText(v) ? v : null;
    },
    format: (value, _field, locale) => (isTime ? formatDateTime(value, locale) : typeof value === 'string' ? value : ''),
    filterOperators: isTime ? ['==', '!=', '<', '<=', '>', '>=', 'between', 'isEmpty'] : ['==', '!=', 'in', 'isEmpty'],
    checkField: (field: FieldDef) => refuseRequired(field, `the system field '${type}'`),
  });
}

/** 创建人: the user who created the record (`created_by`), read-only. */
export const createdByType = readOnlySystemType('created_by');
/** 创建时间: when the record was created (`created_at`), read-only. */
export const createdAtType = readOnlySystemType('created_at');
/** 修改人: the user who last changed the record (`updated_by`), read-only. */
export const updatedByType = readOnlySystemType('updated_by');
/** 修改时间: when the record last changed (`updated_at`), read-only. */
export const updatedAtType = readOnlySystemType('updated_at');

/**
 * 拥有者: the record's owner (`owner_id`, a user id until the identity issue brings a user
 * picker). Empty on create means "the creator"; a user id reassigns the record; an empty
 * value on update keeps the owner (the field cannot clear it).
 */
export const ownerType = defineFieldType({
  type: 'owner',
  label: LABELS.owner,
  group: 'system',
  valueType: 'uuid',
  storage: 'computed',
  valueSchema: () => ({ type: 'string' }),
  clean: (value) => cleanUuid(value),
  check: (value) => uuidProblem(value, { zh: '用户', en: 'a user' }),
  format: (value) => (typeof value === 'string' ? value : ''),
  filterOperators: ['==', '!=', 'in', 'isEmpty'],
});

/** The system field types, in palette order. */
export const systemFieldTypes: readonly FieldTypeDefinition[] = [createdByType, createdAtType, updatedByType, updatedAtType, ownerType];
