import { TrellisError } from '@trellis/schema';
import type { Store, StoredFile } from '@trellis/store';
import type { Actor } from '../actor.js';
import type { FormResolver } from '../form-resolver.js';

/**
 * Whether `actor` may download `file` — the one place that decides it (the identity issue adds
 * the record permission check here). Today: an attached file when its record is live (not in
 * the recycle bin), its form is in the app's live version, and the record's value of the
 * file's field still names it; an unattached file only to the user who uploaded it (so never
 * to anonymous callers).
 *
 * @example if (!(await canReadFile(store, resolver, request.actor, file))) throw notFound();
 */
export async function canReadFile(store: Store, resolver: FormResolver, actor: Actor | null, file: StoredFile): Promise<boolean> {
  if (file.recordId === null) return actor !== null && file.createdBy !== null && file.createdBy === actor.id;
  try {
    await resolver.form(file.app, file.form);
    const meta = await store.records.form(file.app, file.form);
    const field = meta.fields.find((f) => f.fieldId === file.fieldId);
    if (field === undefined) return false;
    const record = await store.records.get(file.app, file.form, file.recordId);
    const value = record.data[field.key];
    const refs = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
    return refs.some((r) => (r as { id?: unknown } | null)?.id === file.id);
  } catch (e) {
    if (TrellisError.is(e) && e.status === 404) return false;
    throw e;
  }
}
