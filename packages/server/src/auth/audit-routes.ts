import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditAction, AuditQuery, Store } from '@trellis/store';
import { errorResponses } from '../route-schemas.js';
import { requireAdmin } from './auth-hook.js';
import { adminAuditEntrySchema, auditQuerySchema } from './auth-schemas.js';
import { auditCsvLines } from './audit-csv.js';

interface AuditQueryString {
  app?: string;
  form?: string;
  recordId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  beforeId?: number;
  limit: number;
}

/** The export holds at most this many entries (newest first); narrow the filters for older ones. */
export const AUDIT_EXPORT_MAX = 100_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The store query of the HTTP filters; `actor` may be a user id or a username. */
async function toQuery(store: Store, q: AuditQueryString): Promise<AuditQuery> {
  let actor = q.actor?.trim();
  if (actor !== undefined && actor !== '' && !UUID.test(actor)) {
    const user = await store.users.byUsername(actor);
    if (user !== undefined) actor = user.id;
  }
  const actions = q.action?.split(',').map((a) => a.trim()).filter((a) => a !== '') as AuditAction[] | undefined;
  return {
    ...(q.app ? { app: q.app } : {}),
    ...(q.form ? { form: q.form } : {}),
    ...(q.recordId ? { recordId: q.recordId } : {}),
    ...(actor ? { actor } : {}),
    ...(actions !== undefined && actions.length > 0 ? { action: actions } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.beforeId !== undefined ? { beforeId: q.beforeId } : {}),
  };
}

/**
 * The audit log for administrators (session only): search with filters and keyset pages
 * (`nextBeforeId`), and a CSV export (UTF-8 with BOM, so spreadsheet programs read Chinese
 * text right) with the same filters. Non-administrators get 403 `AUTH_ADMIN_REQUIRED`.
 *
 * @example
 * registerAuditRoutes(app, store);
 */
export function registerAuditRoutes(app: FastifyInstance, store: Store): void {
  const names = async (ids: Iterable<string | null>): Promise<Map<string, string>> => {
    const wanted = new Set([...ids].filter((id): id is string => id !== null && UUID.test(id)));
    const out = new Map<string, string>();
    if (wanted.size === 0) return out;
    const rows = await store.db.selectFrom('trellis.users').select(['id', 'username']).where('id', 'in', [...wanted]).execute();
    for (const r of rows) out.set(r.id, r.username);
    return out;
  };

  app.get<{ Querystring: AuditQueryString }>(
    '/api/audit',
    {
      onRequest: async (request) => void requireAdmin(request),
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log (administrators), newest first',
        querystring: auditQuerySchema,
        response: {
          200: {
            type: 'object',
            required: ['items', 'nextBeforeId'],
            properties: {
              items: { type: 'array', items: { ...adminAuditEntrySchema, properties: { ...adminAuditEntrySchema.properties, actorName: { type: 'string', nullable: true, description: 'Username of the actor' } } } },
              nextBeforeId: { type: 'integer', nullable: true, description: 'Pass as `beforeId` for the next page; null on the last' },
            },
          },
          ...errorResponses(400, 401, 403, 500),
        },
      },
    },
    async (request: FastifyRequest<{ Querystring: AuditQueryString }>) => {
      requireAdmin(request);
      const limit = request.query.limit;
      const items = await store.audit.list({ ...(await toQuery(store, request.query)), limit });
      const byId = await names(items.map((e) => e.actor));
      return {
        items: items.map((e) => ({ ...e, actorName: e.actor !== null ? (byId.get(e.actor) ?? null) : null })),
        nextBeforeId: items.length === limit ? items[items.length - 1]!.id : null,
      };
    },
  );

  app.get<{ Querystring: AuditQueryString }>(
    '/api/audit/export',
    {
      onRequest: async (request) => void requireAdmin(request),
      schema: {
        tags: ['audit'],
        summary: `Export the audit log as CSV (administrators): the same filters, newest first, at most ${AUDIT_EXPORT_MAX} entries`,
        querystring: { ...auditQuerySchema, properties: { ...auditQuerySchema.properties, limit: { type: 'integer', minimum: 1, maximum: AUDIT_EXPORT_MAX, default: AUDIT_EXPORT_MAX } } },
        produces: ['text/csv'],
        response: { 200: { type: 'string', description: 'CSV, UTF-8 with BOM' }, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      const base = await toQuery(store, request.query);
      const max = request.query.limit;
      const chunks: string[] = ['\uFEFF', ...auditCsvLines([], new Map())];
      let beforeId = base.beforeId;
      let count = 0;
      while (count < max) {
        const want = Math.min(1000, max - count);
        const page = await store.audit.list({ ...base, ...(beforeId !== undefined ? { beforeId } : {}), limit: want });
        chunks.push(...auditCsvLines(page, await names(page.map((e) => e.actor)), false));
        count += page.length;
        if (page.length < want) break;
        beforeId = page[page.length - 1]!.id;
      }
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="trellis-audit-${stamp}.csv"`)
        .header('cache-control', 'no-store')
        .send(chunks.join(''));
    },
  );
}
