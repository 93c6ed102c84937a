import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store, WriteContext } from '@trellis/store';
import type { FormResolver } from '../form-resolver.js';
import { shapeData, shapeRecord, shapeRelated } from '../permissions/record-view.js';
import { assertWritable, permissionDenied, storeScope, withoutUnchanged, type RequestPermissions } from '../permissions/request-permissions.js';
import { scopedListQuery } from './scoped-list-query.js';
import {
  auditEntrySchema,
  createBodySchema,
  formParamsSchema,
  listQuerySchema,
  listResponseSchema,
  recordParamsSchema,
  recordSchema,
  updateBodySchema,
} from '../record-schemas.js';
import { errorResponses } from '../route-schemas.js';
import { assertRelatedVisible, createRecord, localizeDuplicate, requestLocale as locale, sanitizeDuplicate } from '../record-service.js';

interface FormParams { app: string; form: string }
interface RecordParams extends FormParams { id: string }
interface ListQueryString { filter?: string; sort?: string; limit: number; cursor?: string; q?: string; deleted: boolean }

/** Audit `who` and `ip` of a request: the logged-in user (null only on anonymous routes). */
function writeContext(request: FastifyRequest): WriteContext {
  return { actor: request.actor?.id ?? null, ip: request.ip, locale: locale(request) };
}

const sameValue = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The record routes of a form: list (filter, sort, search, keyset pages, recycle bin),
 * create, read, update with `version`, soft delete, restore, history. Record data passes
 * through the form engine (clean → defaults → visibility → validate) before the store.
 * Every route checks the caller's rights: the row scope of the action in the store's SQL
 * (a record outside the view scope is 404), field access on input (`FIELD_READ_ONLY`) and
 * output (hidden fields removed, masked ones masked).
 *
 * @example
 * registerRecordRoutes(app, store, resolver);
 */
export function registerRecordRoutes(app: FastifyInstance, store: Store, resolver: FormResolver, permissions: RequestPermissions): void {
  const base = '/api/apps/:app/forms/:form/records';

  app.get<{ Params: FormParams; Querystring: ListQueryString }>(
    base,
    {
      schema: {
        tags: ['records'],
        summary: 'List records: filter, sort, text search, keyset pages; `deleted=true` lists the recycle bin',
        params: formParamsSchema,
        querystring: listQuerySchema,
        response: { 200: listResponseSchema, ...errorResponses(400, 403, 404, 500) },
      },
    },
    async (request) => {
      const { app: appKey, form: formKey } = request.params;
      const q = request.query;
      const g = await permissions.form(request, appKey, formKey, 'view');
      // the recycle bin is for those who may delete (and restore)
      if (q.deleted && !g.access.can('delete')) throw permissionDenied('delete', `form '${formKey}'`, '/query/deleted');
      const resolved = g.resolved;
      const page = await store.records.list(appKey, formKey, {
        ...scopedListQuery(g, q, storeScope(g.access.scopeFor('view'))),
        limit: q.limit,
        ...(q.cursor !== undefined && q.cursor !== '' ? { cursor: q.cursor } : {}),
        deleted: q.deleted,
      });
      if (g.perms.unrestricted) return page;
      return {
        ...page,
        items: page.items.map((r) => shapeRecord(g.perms, g.pkg, resolved.form, g.read, r)),
        ...(page.related !== undefined ? { related: shapeRelated(g.perms, g.pkg, resolved.form, g.read, page.related) } : {}),
      };
    },
  );

  app.post<{ Params: FormParams; Body: { data: Record<string, unknown> } }>(
    base,
    {
      schema: {
        tags: ['records'],
        summary: 'Create a record',
        description: 'The data is cleaned, defaulted and validated by the form engine; every problem is named as `/data/<field>` (400 `RECORD_INVALID`).',
        params: formParamsSchema,
        body: createBodySchema,
        response: { 201: recordSchema, ...errorResponses(400, 403, 404, 413, 415, 500) },
      },
    },
    async (request, reply) => {
      const { app: appKey, form: formKey } = request.params;
      const g = await permissions.form(request, appKey, formKey, 'create');
      const input = withoutUnchanged(g, request.body.data);
      assertWritable(g, input);
      await assertRelatedVisible(store, g, input, (f) => permissions.form(request, appKey, f).catch(() => undefined));
      const ctx = g.perms.ctx;
      const record = await createRecord(store, resolver, appKey, formKey, input, {
        ctx,
        locale: locale(request),
        write: { ...writeContext(request), deptId: request.actor?.deptIds[0] ?? null, access: { action: storeScope(g.access.scopeFor('create')), ctx } },
        grant: g,
        permissions: (form) => permissions.form(request, appKey, form).catch(() => undefined),
      });
      return reply.status(201).send(shapeRecord(g.perms, g.pkg, g.resolved.form, g.read, record));
    },
  );

  app.get<{ Params: RecordParams; Querystring: { deleted: boolean } }>(
    `${base}/:id`,
    {
      schema: {
        tags: ['records'],
        summary: 'Read a record',
        params: recordParamsSchema,
        querystring: { type: 'object', additionalProperties: false, properties: { deleted: { type: 'boolean', default: false, description: 'true also finds a record in the recycle bin' } } },
        response: { 200: recordSchema, ...errorResponses(400, 403, 404, 500) },
      },
    },
    async (request) => {
      const { app: appKey, form: formKey, id } = request.params;
      const g = await permissions.form(request, appKey, formKey);
      const record = await store.records.get(appKey, formKey, id, { includeDeleted: request.query.deleted, access: { view: storeScope(g.access.scopeFor('view')), ctx: g.perms.ctx } });
      return shapeRecord(g.perms, g.pkg, g.resolved.form, g.read, record);
    },
  );

  app.patch<{ Params: RecordParams; Body: { version: number; data: Record<string, unknown> } }>(
    `${base}/:id`,
    {
      schema: {
        tags: ['records'],
        summary: 'Change some fields of a record, if it is still at `version`',
        description: 'A stale `version` answers 409 `RECORD_VERSION_CONFLICT` and nothing is written; reload and retry.',
        params: recordParamsSchema,
        body: updateBodySchema,
        response: { 200: recordSchema, ...errorResponses(400, 403, 404, 409, 413, 415, 500) },
      },
    },
    async (request) => {
      const { app: appKey, form: formKey, id } = request.params;
      const { version } = request.body;
      const g = await permissions.form(request, appKey, formKey);
      const { compiled } = g.resolved;
      const ctx = g.perms.ctx;
      const view = storeScope(g.access.scopeFor('view'));
      const existing = await store.records.get(appKey, formKey, id, { access: { view, ctx } }); // 404 outside the view scope
      if (!g.access.can('edit')) throw permissionDenied('edit', `form '${formKey}'`);
      const patch = withoutUnchanged(g, request.body.data, existing.data);
      assertWritable(g, patch);
      await assertRelatedVisible(store, g, patch, (f) => permissions.form(request, appKey, f).catch(() => undefined));
      const merged = compiled.assert(patch, { mode: 'update', existing: existing.data, ctx, locale: locale(request) });
      // Write only what changed (the sent fields, and any the engine cleared because they became hidden).
      const changed: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(merged)) {
        if (Object.prototype.hasOwnProperty.call(patch, key) || !sameValue(value, existing.data[key])) changed[key] = value;
      }
      try {
        const record = await store.records.update(appKey, formKey, id, { version, data: changed }, { ...writeContext(request), access: { view, action: storeScope(g.access.scopeFor('edit')), ctx } });
        return shapeRecord(g.perms, g.pkg, g.resolved.form, g.read, record);
      } catch (e) {
        throw await sanitizeDuplicate(store, g, localizeDuplicate(e, compiled.form, merged, locale(request)));
      }
    },
  );

  app.delete<{ Params: RecordParams; Querystring: { version?: number } }>(
    `${base}/:id`,
    {
      schema: {
        tags: ['records'],
        summary: 'Move a record to the recycle bin (its data stays; restore brings it back)',
        params: recordParamsSchema,
        querystring: { type: 'object', additionalProperties: false, properties: { version: { type: 'integer', minimum: 1, description: 'If given, delete only if the record is still at this version (409 otherwise)' } } },
        response: { 200: recordSchema, ...errorResponses(400, 403, 404, 409, 500) },
      },
    },
    async (request) => {
      const { app: appKey, form: formKey, id } = request.params;
      const v = request.query.version;
      const g = await permissions.form(request, appKey, formKey);
      const access = { view: storeScope(g.access.scopeFor('view')), action: storeScope(g.access.scopeFor('delete')), ctx: g.perms.ctx };
      const record = await store.records.softDelete(appKey, formKey, id, { ...writeContext(request), ...(v !== undefined ? { version: v } : {}), access });
      return shapeRecord(g.perms, g.pkg, g.resolved.form, g.read, record);
    },
  );

  app.post<{ Params: RecordParams }>(
    `${base}/:id/restore`,
    {
      schema: {
        tags: ['records'],
        summary: 'Take a record out of the recycle bin',
        params: recordParamsSchema,
        response: { 200: recordSchema, ...errorResponses(400, 403, 404, 409, 500) },
      },
    },
    async (request) => {
      const { app: appKey, form: formKey, id } = request.params;
      const g = await permissions.form(request, appKey, formKey);
      const access = { view: storeScope(g.access.scopeFor('view')), action: storeScope(g.access.scopeFor('delete')), ctx: g.perms.ctx };
      const record = await store.records.restore(appKey, formKey, id, { ...writeContext(request), access });
      return shapeRecord(g.perms, g.pkg, g.resolved.form, g.read, record);
    },
  );

  app.get<{ Params: RecordParams; Querystring: { limit: number } }>(
    `${base}/:id/history`,
    {
      schema: {
        tags: ['records'],
        summary: "A record's audit entries (who, when, before, after), newest first",
        params: recordParamsSchema,
        querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } } },
        response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: auditEntrySchema } } }, ...errorResponses(400, 403, 404, 500) },
      },
    },
    async (request) => {
      const { app: appKey, form: formKey, id } = request.params;
      const g = await permissions.form(request, appKey, formKey);
      // 404 for unknown records and for records outside the caller's view scope
      await store.records.get(appKey, formKey, id, { includeDeleted: true, access: { view: storeScope(g.access.scopeFor('view')), ctx: g.perms.ctx } });
      const items = await store.audit.list({ app: appKey, form: formKey, recordId: id, limit: request.query.limit });
      if (g.perms.unrestricted) return { items };
      const shape = (r: unknown) => (typeof r === 'object' && r !== null && 'data' in r ? { ...r, data: shapeData(g.resolved.form, g.read, (r as { data: unknown }).data, g.pkg), related: undefined } : r);
      return { items: items.map((e) => ({ ...e, before: shape(e.before), after: shape(e.after) })) };
    },
  );
}
