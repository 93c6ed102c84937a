import type { FastifyInstance } from 'fastify';
import { formByKey, relationDisplayFields, titleFieldKey } from '@trellis/forms';
import { isUuidLike } from './uuid-like.js';
import type { Store } from '@trellis/store';
import { ServerErrors } from '../errors.js';
import type { FormResolver } from '../form-resolver.js';
import { formParamsSchema } from '../record-schemas.js';
import { errorResponses } from '../route-schemas.js';
import { linkedDefaults } from './linkage.js';
import { fieldParamsSchema, linkageBodySchema, linkageResponseSchema, optionsQuerySchema, optionsResponseSchema } from './relation-schemas.js';

/** Records a picker shows per request. */
export const PICKER_PAGE_SIZE = 20;

interface FieldParams { app: string; form: string; field: string }

/**
 * The routes relation fields and data linkage need in the browser:
 * `GET …/forms/:form/fields/:field/options?search=` (the picker: the target form's records
 * matching the text, id + title + display fields, a page of 20; `ids=` answers chosen ones)
 * and `POST …/forms/:form/linkage` (the linked defaults for the current values).
 *
 * @example registerRelationRoutes(app, store, resolver);
 */
export function registerRelationRoutes(app: FastifyInstance, store: Store, resolver: FormResolver): void {
  app.get<{ Params: FieldParams; Querystring: { search?: string; ids?: string } }>(
    '/api/apps/:app/forms/:form/fields/:field/options',
    {
      schema: {
        tags: ['records'],
        summary: "Records a relation field can point at: search the target form's text fields, a page of 20 with title and display fields",
        params: fieldParamsSchema,
        querystring: optionsQuerySchema,
        response: { 200: optionsResponseSchema, ...errorResponses(400, 404, 500) },
      },
    },
    async (request) => {
      const { app: appKey, form: formKey, field: fieldKey } = request.params;
      const { pkg } = await resolver.app(appKey);
      const { form } = await resolver.form(appKey, formKey);
      const field = form.fields.find((f) => f.key === fieldKey);
      const target = field?.type === 'relation' ? formByKey(pkg, String(field.options?.['form'] ?? '')) : undefined;
      if (field === undefined || target === undefined) {
        throw ServerErrors.create('SERVER_FIELD_NOT_RELATION', `[server] form '${formKey}' has no relation field '${fieldKey}'; use the key of one of its relation fields`, [
          { path: '/params/field', message: `no relation field '${fieldKey}'` },
        ]);
      }
      const display = relationDisplayFields(field, target);
      const title = titleFieldKey(target);
      const shape = (r: { id: string; data: Readonly<Record<string, unknown>> }) => ({
        id: r.id,
        title: title === undefined || r.data[title] === null || r.data[title] === undefined ? null : String(r.data[title]),
        fields: Object.fromEntries(display.map((k) => [k, r.data[k] ?? null])),
      });
      if (request.query.ids !== undefined && request.query.ids !== '') {
        const ids = [...new Set(request.query.ids.split(',').map((s) => s.trim().toLowerCase()).filter(isUuidLike))].slice(0, PICKER_PAGE_SIZE);
        const page = await store.records.list(appKey, target.key, { filter: { in: [{ var: 'id' }, ids] }, limit: PICKER_PAGE_SIZE });
        return { items: page.items.map(shape), hasMore: false };
      }
      const search = request.query.search?.trim() ?? '';
      const meta = await store.records.form(appKey, target.key);
      const sortable = title !== undefined && meta.sortable.has(title);
      const page = await store.records.list(appKey, target.key, {
        limit: PICKER_PAGE_SIZE,
        ...(search !== '' ? { q: search } : {}),
        ...(sortable ? { sort: [{ field: title!, direction: 'asc' as const }] } : {}),
      });
      return { items: page.items.map(shape), hasMore: page.nextCursor !== null };
    },
  );

  app.post<{ Params: { app: string; form: string }; Body: { data: Record<string, unknown>; changed?: string[] } }>(
    '/api/apps/:app/forms/:form/linkage',
    {
      schema: {
        tags: ['records'],
        summary: 'Data linkage: the defaults linked to the current values (call when a key field changes)',
        description: "For each field whose `defaultFrom` is a linkage with every match field filled in `data`: the `take` field of the oldest live matching record of the linkage's form, or null. The same function fills linked fields left empty when a record is created.",
        params: formParamsSchema,
        body: linkageBodySchema,
        response: { 200: linkageResponseSchema, ...errorResponses(400, 404, 413, 415, 500) },
      },
    },
    async (request) => {
      const { app: appKey, form: formKey } = request.params;
      const { form } = await resolver.form(appKey, formKey);
      const changed = request.body.changed;
      return { values: await linkedDefaults(store, appKey, form, request.body.data, changed !== undefined ? { changed } : {}) };
    },
  );
}
