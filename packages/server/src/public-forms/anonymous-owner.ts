import { systemFieldColumn, type FormDef } from '@trellis/schema';

/**
 * The submitted data without values for `owner` fields: an anonymous submission through a
 * public link must not choose who owns the record (it has no owner; see decision 0011).
 * Other keys pass unchanged, so the form engine still names unknown ones.
 *
 * @example withoutOwnerFields(form, { name: 'x', owner: '…' }) // { name: 'x' }
 */
export function withoutOwnerFields(form: FormDef, data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const owners = form.fields.filter((f) => systemFieldColumn(f) === 'owner_id').map((f) => f.key);
  if (owners.length === 0) return data;
  const out: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const key of owners) delete out[key];
  return out;
}
