import type { FastifyRequest } from 'fastify';
import type { EvalContext } from '@trellis/expr';
import { StoreErrors, type CreateContext, type StoredRecord, type Store } from '@trellis/store';
import type { FormGrant } from './permissions/request-permissions.js';
import { storeScope } from './permissions/request-permissions.js';
import { issueMessage } from '@trellis/forms';
import { TrellisError, type ErrorDetail, type FormDef } from '@trellis/schema';
import type { FormResolver } from './form-resolver.js';
import { linkedDefaults, type LinkageGuard } from './relations/linkage.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What {@link createRecord} needs besides the form and the data. */
export interface CreateRecordOptions {
  /** `$user` and `$now` for defaults and visibility conditions (`{}` for anonymous requests). */
  readonly ctx: EvalContext;
  /** Language of the form engine's messages (`zh-CN` or `en`). */
  readonly locale: string;
  /** Audit `who` and `ip`, and the new record's department and create scope. */
  readonly write: CreateContext;
  /** The caller's rights on the form (absent: no checks, e.g. public forms, which have their own). */
  readonly grant?: FormGrant;
  /** The caller's rights on another form of the app (what data linkage may read), undefined when none. */
  readonly permissions?: (form: string) => Promise<FormGrant | undefined>;
  /**
   * Runs on the cleaned, validated data just before the store writes it (a public link
   * claims its "one submission per phone" value here). It may throw to refuse the record;
   * the function it returns, if any, is called when the write then fails, to undo the guard.
   */
  readonly guard?: (data: Readonly<Record<string, unknown>>) => Promise<(() => Promise<void>) | void>;
}

/**
 * Creates a record the one way every entry point does (the record API and public forms):
 * the live form's engine cleans, defaults, applies visibility and validates the input
 * (`RECORD_INVALID` 400 naming each field), then the store writes the record and its audit
 * entry in one transaction.
 *
 * @example
 * const record = await createRecord(store, resolver, 'crm', 'customer', { name: 'ACME' }, { ctx: {}, locale: 'en', write: { actor: null, ip } });
 */
export async function createRecord(
  store: Store,
  resolver: FormResolver,
  appKey: string,
  formKey: string,
  input: unknown,
  options: CreateRecordOptions,
): Promise<StoredRecord> {
  const { compiled, form } = await resolver.form(appKey, formKey);
  // Data linkage: a linked field left empty takes the linked record's value (relations/linkage.ts).
  const linked = isRecord(input) ? await linkedDefaults(store, appKey, form, input, { onlyEmpty: true, ...(options.permissions ? { guard: linkageGuard(options.permissions) } : {}) }) : {};
  const filled = Object.entries(linked).filter(([, v]) => v !== null);
  const data = compiled.assert(filled.length === 0 ? input : { ...(input as Record<string, unknown>), ...Object.fromEntries(filled) }, { mode: 'create', ctx: options.ctx, locale: options.locale });
  const undo = options.guard ? await options.guard(data) : undefined;
  try {
    return await store.records.create(appKey, formKey, data, options.write);
  } catch (e) {
    if (undo) await undo();
    const localized = localizeDuplicate(e, compiled.form, data, options.locale);
    throw options.grant === undefined ? localized : await sanitizeDuplicate(store, options.grant, localized);
  }
}

/**
 * What data linkage may read for a caller: the source form's view scope, and only fields
 * they read in clear (a hidden or masked field neither matches nor is copied).
 *
 * @example linkedDefaults(store, app, form, values, { guard: linkageGuard((f) => permissions.form(request, app, f)) })
 */
export function linkageGuard(grantOf: (form: string) => Promise<FormGrant | undefined>): LinkageGuard {
  return async (form) => {
    const g = await grantOf(form);
    if (g === undefined || !g.access.can('view')) return { view: false, readable: () => false };
    if (g.perms.unrestricted) return { view: null, readable: () => true };
    return {
      view: storeScope(g.access.scopeFor('view')),
      ctx: g.perms.ctx,
      readable: (key) => key === 'id' || g.read.get(key) === 'readonly' || g.read.get(key) === 'editable',
    };
  };
}

/**
 * A `RECORD_DUPLICATE` as the caller may see it: the other record's id only when the caller
 * may view that record and the value only when they read the field in clear; the store's
 * message (which names both) is replaced. Any other error is returned unchanged.
 *
 * @example throw await sanitizeDuplicate(store, grant, localizeDuplicate(e, form, data, 'en'));
 */
export async function sanitizeDuplicate(store: Store, grant: FormGrant, error: unknown): Promise<unknown> {
  if (!TrellisError.is(error) || error.code !== 'RECORD_DUPLICATE' || grant.perms.unrestricted) return error;
  const details: ErrorDetail[] = [];
  for (const d of error.details) {
    const key = d.path.startsWith('/data/') ? d.path.slice('/data/'.length) : '';
    const access = grant.read.get(key);
    const clear = access === 'readonly' || access === 'editable';
    const recordId = (d as { recordId?: unknown }).recordId;
    let visible = false;
    if (clear && typeof recordId === 'string') {
      try {
        await store.records.get(grant.resolved.app, grant.resolved.form.key, recordId, { access: { view: storeScope(grant.access.scopeFor('view')), ctx: grant.perms.ctx } });
        visible = true;
      } catch {
        visible = false;
      }
    }
    const { recordId: _drop, ...rest } = d as typeof d & { recordId?: unknown };
    details.push({
      ...rest,
      ...(clear ? {} : { message: 'this value is already used by another record' }),
      ...(visible ? { recordId: recordId as string } : {}),
    });
  }
  return new TrellisError(error.code, error.status, `[server] a unique field already holds this value in another record; change the value`, details);
}

/**
 * A store `RECORD_DUPLICATE` with its field details worded for the person who typed the value
 * (`FIELD_DUPLICATE` in their language, naming the field by its label; `recordId` kept so the
 * browser can link to the record holding the value). Any other error is returned unchanged.
 *
 * @example throw localizeDuplicate(e, form, data, 'en');
 */
export function localizeDuplicate(error: unknown, form: FormDef, data: Readonly<Record<string, unknown>>, locale: string): unknown {
  if (!TrellisError.is(error) || error.code !== 'RECORD_DUPLICATE') return error;
  const details = error.details.map((d) => {
    const key = d.path.startsWith('/data/') ? d.path.slice('/data/'.length) : '';
    const field = form.fields.find((f) => f.key === key);
    if (field === undefined) return d;
    const value = data[key];
    return { ...d, code: 'FIELD_DUPLICATE', message: issueMessage({ code: 'FIELD_DUPLICATE', params: value === null || value === undefined ? {} : { value } }, field, form, locale) };
  });
  return new TrellisError(error.code, error.status, error.message, details);
}

/**
 * The language of error messages: the first of `Accept-Language` that the engine speaks
 * (zh-CN by default).
 *
 * @example requestLocale(request) // 'en' for 'en-US,en;q=0.9'
 */
export function requestLocale(request: FastifyRequest): string {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'zh-CN';
  const first = header.split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Refuses relation values naming records the caller may not view in the target form
 * (`RECORD_RELATION_INVALID` 400 at `/data/<key>`, the same answer as for an id that does not
 * exist, so a relation cannot probe ids outside the caller's scope).
 *
 * @example await assertRelatedVisible(store, grant, data, (f) => permissions.form(request, app, f).catch(() => undefined));
 */
export async function assertRelatedVisible(
  store: Store,
  grant: FormGrant,
  data: unknown,
  grantOf: (form: string) => Promise<FormGrant | undefined>,
): Promise<void> {
  if (grant.perms.unrestricted || !isRecord(data)) return;
  for (const field of grant.resolved.form.fields) {
    if (field.type !== 'relation' || !(field.key in data)) continue;
    const value = data[field.key];
    const ids = [...new Set((Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && UUID_LIKE.test(v)).map((v) => v.toLowerCase()))];
    if (ids.length === 0) continue;
    const target = String(field.options?.['form'] ?? '');
    const tg = await grantOf(target);
    const scope = tg !== undefined && tg.access.can('view') ? storeScope(tg.access.scopeFor('view')) : false;
    let found = 0;
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      const page = await store.records.list(grant.resolved.app, target, { filter: { in: [{ var: 'id' }, chunk] }, scope, ...(tg ? { ctx: tg.perms.ctx } : {}), limit: chunk.length });
      found += page.items.length;
    }
    if (found < ids.length) {
      throw StoreErrors.create('RECORD_RELATION_INVALID', `[server] relation '${field.key}' names a record of form '${target}' that does not exist or that you may not see; pick a record from the list`, [
        { path: `/data/${field.key}`, message: 'no such record' },
      ]);
    }
  }
}
