import { fieldByKey, formByKey, relationTargetKey, titleFieldKey } from '@trellis/forms';
import { FIELD_ACCESS_LEVELS, type AppPackage, type FieldAccess, type FormDef } from '@trellis/schema';
import type { RelatedRecords, StoredRecord } from '@trellis/store';
import type { AppPermissions } from './app-permissions.js';
import { maskValue } from './masking.js';

const rank = (a: FieldAccess): number => FIELD_ACCESS_LEVELS.indexOf(a);
const least = (a: FieldAccess, b: FieldAccess): FieldAccess => (rank(a) <= rank(b) ? a : b);

/**
 * How the caller reads each field of a form: its own access, lowered for lookups and rollups
 * to what the caller may read of the source form's field (`hidden` when they cannot view
 * that form at all), so a lookup cannot reveal what the source form hides or masks.
 *
 * @example readAccess(perms, pkg, form).get('customer_phone') // 'masked'
 */
export function readAccess(perms: AppPermissions, pkg: AppPackage, form: FormDef): Map<string, FieldAccess> {
  const own = perms.form(form.key);
  const out = new Map<string, FieldAccess>();
  for (const f of form.fields) {
    let access = own.fieldAccess(f.key);
    const o = f.options ?? {};
    if (f.type === 'lookup' || f.type === 'rollup') {
      let source: FormDef | undefined;
      const relation = typeof o['relation'] === 'string' ? fieldByKey(form, o['relation']) : undefined;
      if (relation !== undefined) source = formByKey(pkg, relationTargetKey(relation));
      else if (typeof o['form'] === 'string') source = formByKey(pkg, o['form']);
      const sourceAccess = source === undefined ? 'hidden' : perms.form(source.key);
      if (sourceAccess === 'hidden' || !sourceAccess.can('view')) access = 'hidden';
      else if (typeof o['field'] === 'string') access = least(access, sourceAccess.fieldAccess(o['field']));
    }
    out.set(f.key, access);
  }
  return out;
}

/** The field keys whose values the caller reads in clear (readonly or editable): what filters, sorts and searches may name. */
export function clearFields(access: ReadonlyMap<string, FieldAccess>): Set<string> {
  return new Set([...access].filter(([, a]) => a === 'readonly' || a === 'editable').map(([k]) => k));
}

/** The type each field is masked as: a lookup as the field it looks up (a looked-up phone keeps `138****1234`). */
function maskTypes(form: FormDef, pkg: AppPackage | undefined): Map<string, string> {
  const types = new Map(form.fields.map((f) => [f.key, f.type]));
  if (pkg === undefined) return types;
  for (const f of form.fields) {
    if (f.type !== 'lookup') continue;
    const relation = fieldByKey(form, String(f.options?.['relation'] ?? ''));
    const source = relation === undefined ? undefined : formByKey(pkg, relationTargetKey(relation));
    const looked = source === undefined ? undefined : fieldByKey(source, String(f.options?.['field'] ?? ''));
    if (looked !== undefined) types.set(f.key, looked.type);
  }
  return types;
}

/**
 * Record data as the caller may see it: hidden fields removed, masked fields masked.
 *
 * @example shapeData(form, access, record.data) // { name: 'ACME', phone: '138****1234' }
 */
export function shapeData(form: FormDef, access: ReadonlyMap<string, FieldAccess>, data: unknown, pkg?: AppPackage): Record<string, unknown> | unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const out: Record<string, unknown> = {};
  const types = maskTypes(form, pkg);
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const a = access.get(key) ?? 'hidden';
    if (a === 'hidden') continue;
    out[key] = a === 'masked' ? maskValue(types.get(key) ?? 'text', value) : value;
  }
  return out;
}

/**
 * The display values of related records as the caller may see them: a relation field the
 * caller cannot read in clear (hidden or masked) shows nothing; the title and display fields follow the target form's
 * field access (and are empty when the caller cannot view the target form).
 */
export function shapeRelated(perms: AppPermissions, pkg: AppPackage, form: FormDef, access: ReadonlyMap<string, FieldAccess>, related: RelatedRecords): RelatedRecords {
  const out: Record<string, Record<string, { title: string | null; fields: Record<string, unknown> }>> = {};
  for (const [key, byId] of Object.entries(related)) {
    // a masked relation shows '***' in data; its related entry would name the id, so it goes too
    const own = access.get(key) ?? 'hidden';
    if (own === 'hidden' || own === 'masked') continue;
    const field = fieldByKey(form, key);
    const target = field === undefined ? undefined : formByKey(pkg, relationTargetKey(field));
    const targetAccess = target === undefined ? undefined : readAccess(perms, pkg, target);
    const canView = target !== undefined && perms.form(target.key).can('view');
    const titleKey = target === undefined ? undefined : titleFieldKey(target);
    const shown: Record<string, { title: string | null; fields: Record<string, unknown> }> = {};
    for (const [id, d] of Object.entries(byId)) {
      if (!canView || targetAccess === undefined) {
        shown[id] = { title: null, fields: {} };
        continue;
      }
      const titleAccess = titleKey === undefined ? 'editable' : (targetAccess.get(titleKey) ?? 'hidden');
      const title = titleAccess === 'hidden' ? null : titleAccess === 'masked' && d.title !== null ? String(maskValue(fieldByKey(target!, titleKey!)?.type ?? 'text', d.title)) : d.title;
      shown[id] = { title, fields: shapeData(target!, targetAccess, d.fields, pkg) as Record<string, unknown> };
    }
    out[key] = shown;
  }
  return out;
}

/**
 * A stored record as the caller may see it (data and related display values).
 *
 * @example reply.send(shapeRecord(perms, pkg, form, access, record))
 */
export function shapeRecord<R extends StoredRecord>(perms: AppPermissions, pkg: AppPackage, form: FormDef, access: ReadonlyMap<string, FieldAccess>, record: R): R {
  if (perms.unrestricted) return record;
  return {
    ...record,
    data: shapeData(form, access, record.data, pkg) as StoredRecord['data'],
    ...(record.related !== undefined ? { related: shapeRelated(perms, pkg, form, access, record.related) } : {}),
  };
}
