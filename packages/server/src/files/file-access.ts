import { TrellisError } from '@trellis/schema';
import type { Store, StoredFile } from '@trellis/store';
import type { Actor } from '../actor.js';
import type { FormResolver } from '../form-resolver.js';
import { storeScope, type FormGrant } from '../permissions/request-permissions.js';

/**
 * Whether `actor` may download `file` — the one place that decides it: an attached file when
 * its record is live (not in the recycle bin) and within the caller's view scope (`grantOf`),
 * its field is readable in clear for them (not hidden or masked), its form is in the app's live
 * version, and the record's value of the file's field still names it; an unattached file only
 * to the user who uploaded it (so never to anonymous callers).
 *
 * @example if (!(await canReadFile(store, resolver, request.actor, file))) throw notFound();
 */
export async function canReadFile(store: Store, resolver: FormResolver, actor: Actor | null, file: StoredFile, grantOf?: (app: string, form: string) => Promise<FormGrant>): Promise<boolean> {
  if (file.recordId === null) return actor !== null && file.createdBy !== null && file.createdBy === actor.id;
  try {
    await resolver.form(file.app, file.form);
    const meta = await store.records.form(file.app, file.form);
    const field = meta.fields.find((f) => f.fieldId === file.fieldId);
    if (field === undefined) return false;
    // the record within the caller's view scope, and the field readable in clear
    const grant = grantOf === undefined ? undefined : await grantOf(file.app, file.form);
    if (grant !== undefined && !grant.perms.unrestricted) {
      const a = grant.read.get(field.key);
      if (a !== 'readonly' && a !== 'editable') return false;
    }
    const access = grant === undefined ? undefined : { view: storeScope(grant.access.scopeFor('view')), ctx: grant.perms.ctx };
    const record = await store.records.get(file.app, file.form, file.recordId, access === undefined ? {} : { access });
    const value = record.data[field.key];
    const refs = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
    return refs.some((r) => (r as { id?: unknown } | null)?.id === file.id);
  } catch (e) {
    if (TrellisError.is(e) && e.status === 404) return false;
    throw e;
  }
}
