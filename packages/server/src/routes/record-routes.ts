import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store, WriteContext } from '@trellis/store';
import type { FormResolver } from '../form-resolver.js';
import { checkFilter, parseFilterJson, parseSort, sortableNames } from '../list-query.js';
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
import { createRecord, localizeDuplicate, requestLocale as locale } from '../record-service.js';

interface FormParams { app: string; form: string }
interface RecordParams extends FormParams { id: string }
interface ListQueryString { filter?: string; sort?: string; limit: number; cursor?: string; q?: string; deleted: boolean }

/** Audit `who` and `ip` of a request: the logged-in user (null only on anonymous routes). */
function writeContext(request: FastifyRequest): WriteContext {
  return { actor: request.actor?.id ?? null, ip: request.ip, locale: locale(request) };
}

/** `$user` for conditions, when someone is logged in. */
function evalContext(request: FastifyRequest) {
  const actor = request.actor;
  return actor === null ? {} : { user: { id: actor.id, ...(actor.deptIds !== undefined ? { deptIds: [...actor.deptIds] } : {}) } };
}

const sameValue = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The record routes of a form: list (filter, sort, search, keyset pages, recycle bin),
 * create, read, update with `version`, soft delete, restore, history. Record data passes
 * through the form engine (clean → defaults → visibility → validate) before the store.
 *
 * @example
 * registerRecordRoutes(app, store, resolver);
 */
export function registerRecordRoutes(app: FastifyInstance, store: Store, resolver: FormResolver): void {
  const base = '/api/apps/:app/forms/:form/records';

  app.get<{ Params: FormParams; Querystring: ListQueryString }>(
    base,
    {
      schema: {
        tags: ['records'],
        summary: 'List records: filter, sort, text search, keyset pages; `deleted=true` lists the recycle bin',
        params: formParamsSchema,
        querystring: listQuerySchema,
        response: { 200: listResponseSchema, ...errorResponses(400, 404, 500) },
      },
    },
    async (request) => {
      const { app: appKey, form: formKey } = request.params;
      const q = request.query;
      const resolved = await resolver.form(appKey, formKey);
      const filter = parseFilterJson(q.filter);
      if (filter !== undefined) checkFilter(filter, resolved.compiled.varSchema);
      const sort = parseSort(q.sort, sortableNames(resolved.compiled.varSchema));
      return store.records.list(appKey, formKey, {
        ...(filter !== undefined ? { filter } : {}),
        ...(sort.length > 0 ? { sort } : {}),
        limit: q.limit,
        ...(q.cursor !== undefined && q.cursor !== '' ? { cursor: q.cursor } : {}),
        ...(q.q !== undefined && q.q.trim() !== '' ? { q: q.q.trim() } : {}),
        deleted: q.deleted,
        ctx: evalContext(request),
      });
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
        response: { 201: recordSchema, ...errorResponses(400, 404, 413, 415, 500) },
      },
    },
    async (request, reply) => {
      const { app: appKey, form: formKey } = request.params;
      const record = await createRecord(store, resolver, appKey, formKey, request.body.data, { ctx: evalContext(request), locale: locale(request), write: writeContext(request) });
      return reply.status(201).send(record);
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
        response: { 200: recordSchema, ...errorResponses(400, 404, 500) },
      },
    },
    async (request) => {
      const { app: appKey, form: formKey, id } = request.params;
      return store.records.get(appKey, formKey, id, { includeDeleted: request.query.deleted });
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
        response: { 200: recordSchema, ...errorResponses(400, 404, 409, 413, 415, 500) },
      },
    },
    async (request) => {
      const { app: appKey, form: formKey, id } = request.params;
      const { version, data: patch } = request.body;
      const { compiled } = await resolver.form(appKey, formKey);
      const existing = await store.records.get(appKey, formKey, id);
      const merged = compiled.assert(patch, { mode: 'update', existing: existing.data, ctx: evalContext(request), locale: locale(request) });
      // Write only what changed (the sent fields, and any the engine cleared because they became hidden).
      const changed: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(merged)) {
        if (Object.prototype.hasOwnProperty.call(patch, key) || !sameValue(value, existing.data[key])) changed[key] = value;
      }
      try {
        return await store.records.update(appKey, formKey, id, { version, data: changed }, writeContext(request));
      } catch (e) {
        throw localizeDuplicate(e, compiled.form, merged, locale(request));
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
        response: { 200: recordSchema, ...errorResponses(400, 404, 409, 500) },
      },
    },
    async (request) => {
      const { app: appKey, form: formKey, id } = request.params;
      const v = request.query.version;
      return store.records.softDelete(appKey, formKey, id, { ...writeContext(request), ...(v !== undefined ? { version: v } : {}) });
    },
  );

  app.post<{ Params: RecordParams }>(
    `${base}/:id/restore`,
    {
      schema: {
        tags: ['records'],
        summary: 'Take a record out of the recycle bin',
        params: recordParamsSchema,
        response: { 200: recordSchema, ...errorResponses(400, 404, 409, 500) },
      },
    },
    async (request) => {
      const { app: appKey, form: formKey, id } = request.params;
      return store.records.restore(appKey, formKey, id, writeContext(request));
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
        response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: auditEntrySchema } } }, ...errorResponses(400, 404, 500) },
      },
    },
    async (request) => {
      const { app: appKey, form: formKey, id } = request.params;
      await store.records.get(appKey, formKey, id, { includeDeleted: true }); // 404 for unknown records
      return { items: await store.audit.list({ app: appKey, form: formKey, recordId: id, limit: request.query.limit }) };
    },
  );
}
