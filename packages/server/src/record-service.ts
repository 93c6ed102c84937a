import type { FastifyRequest } from 'fastify';
import type { EvalContext } from '@trellis/expr';
import type { StoredRecord, Store, WriteContext } from '@trellis/store';
import { issueMessage } from '@trellis/forms';
import { TrellisError, type FormDef } from '@trellis/schema';
import type { FormResolver } from './form-resolver.js';
import { linkedDefaults } from './relations/linkage.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What {@link createRecord} needs besides the form and the data. */
export interface CreateRecordOptions {
  /** `$user` and `$now` for defaults and visibility conditions (`{}` for anonymous requests). */
  readonly ctx: EvalContext;
  /** Language of the form engine's messages (`zh-CN` or `en`). */
  readonly locale: string;
  /** Audit `who` and `ip`. */
  readonly write: WriteContext;
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
  const linked = isRecord(input) ? await linkedDefaults(store, appKey, form, input, { onlyEmpty: true }) : {};
  const filled = Object.entries(linked).filter(([, v]) => v !== null);
  const data = compiled.assert(filled.length === 0 ? input : { ...(input as Record<string, unknown>), ...Object.fromEntries(filled) }, { mode: 'create', ctx: options.ctx, locale: options.locale });
  const undo = options.guard ? await options.guard(data) : undefined;
  try {
    return await store.records.create(appKey, formKey, data, options.write);
  } catch (e) {
    if (undo) await undo();
    throw localizeDuplicate(e, compiled.form, data, options.locale);
  }
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
