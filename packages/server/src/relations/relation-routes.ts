import type { FastifyInstance } from 'fastify';
import { formByKey, relationDisplayFields, titleFieldKey } from '@trellis/forms';
import { isUuidLike } from './uuid-like.js';
import type { Store } from '@trellis/store';
import { ServerErrors } from '../errors.js';
import type { FormResolver } from '../form-resolver.js';
import { maskValue } from '../permissions/masking.js';
import { clearFields } from '../permissions/record-view.js';
import { formNotFound, storeScope, type RequestPermissions } from '../permissions/request-permissions.js';
import { linkageGuard } from '../record-service.js';
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
export function registerRelationRoutes(app: FastifyInstance, store: Store, resolver: FormResolver, permissions: RequestPermissions): void {
  app.get<{ Params: FieldParams; Querystring: { search?: string; ids?: string } }>(
    '/api/apps/:app/forms/:form/fields/:field/options',
    {
      schema: {
        tags: ['records'],
        summary: "Records a relation field can point at: search the target form's text fields, a page of 20 with title and display fields",
        params: fieldParamsSchema,
        querystring: optionsQuerySchema,
        response: { 200: optionsResponseSchema, ...errorResponses(400, 403, 404, 500) },
      },
    },
    async (request) => {
      const { app: appKey, form: formKey, field: fieldKey } = request.params;
      const { pkg } = await resolver.app(appKey);
      // the caller must reach the form holding the field, and may pick only records of the target they may view
      const source = await permissions.form(request, appKey, formKey);
      const { form } = source.resolved;
      const field = form.fields.find((f) => f.key === fieldKey);
      const target = field?.type === 'relation' ? formByKey(pkg, String(field.options?.['form'] ?? '')) : undefined;
      if (field === undefined || target === undefined) {
        throw ServerErrors.create('SERVER_FIELD_NOT_RELATION', `[server] form '${formKey}' has no relation field '${fieldKey}'; use the key of one of its relation fields`, [
          { path: '/params/field', message: `no relation field '${fieldKey}'` },
        ]);
      }
      if ((source.read.get(fieldKey) ?? 'hidden') === 'hidden') throw formNotFound(appKey, target.key);
      const picked = await permissions.form(request, appKey, target.key, 'view').catch(() => {
        throw formNotFound(appKey, target.key);
      });
      const read = picked.read;
      const unrestricted = picked.perms.unrestricted;
      const seen = (k: string, v: unknown): unknown => {
        if (unrestricted) return v;
        const a = read.get(k) ?? 'hidden';
        return a === 'hidden' ? null : a === 'masked' ? maskValue(target.fields.find((f) => f.key === k)?.type ?? 'text', v) : v;
      };
      const display = relationDisplayFields(field, target).filter((k) => unrestricted || (read.get(k) ?? 'hidden') !== 'hidden');
      const title = titleFieldKey(target);
      const shape = (r: { id: string; data: Readonly<Record<string, unknown>> }) => {
        const t = title === undefined ? null : seen(title, r.data[title] ?? null);
        return { id: r.id, title: t === null || t === undefined ? null : String(t), fields: Object.fromEntries(display.map((k) => [k, seen(k, r.data[k] ?? null)])) };
      };
      const scope = { scope: storeScope(picked.access.scopeFor('view')), ctx: picked.perms.ctx };
      if (request.query.ids !== undefined && request.query.ids !== '') {
        const ids = [...new Set(request.query.ids.split(',').map((s) => s.trim().toLowerCase()).filter(isUuidLike))].slice(0, PICKER_PAGE_SIZE);
        const page = await store.records.list(appKey, target.key, { filter: { in: [{ var: 'id' }, ids] }, limit: PICKER_PAGE_SIZE, ...scope });
        return { items: page.items.map(shape), hasMore: false };
      }
      const search = request.query.search?.trim() ?? '';
      const meta = await store.records.form(appKey, target.key);
      const sortable = title !== undefined && meta.sortable.has(title) && (unrestricted || clearFields(read).has(title));
      const page = await store.records.list(appKey, target.key, {
        limit: PICKER_PAGE_SIZE,
        ...scope,
        ...(unrestricted ? {} : { searchFields: [...clearFields(read)] }),
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
        response: { 200: linkageResponseSchema, ...errorResponses(400, 403, 404, 413, 415, 500) },
      },
    },
    async (request) => {
      const { app: appKey, form: formKey } = request.params;
      const g = await permissions.form(request, appKey, formKey);
      const { form } = g.resolved;
      const changed = request.body.changed;
      const guard = linkageGuard((f) => permissions.form(request, appKey, f).catch(() => undefined));
      const values = await linkedDefaults(store, appKey, form, request.body.data, { ...(changed !== undefined ? { changed } : {}), guard });
      // fields the caller cannot read on this form get no value either, masked ones a masked one
      if (!g.perms.unrestricted) {
        for (const k of Object.keys(values)) {
          const a = g.read.get(k) ?? 'hidden';
          if (a === 'hidden') delete values[k];
          else if (a === 'masked') values[k] = maskValue(form.fields.find((f) => f.key === k)?.type ?? 'text', values[k]);
        }
      }
      return { values };
    },
  );
}
