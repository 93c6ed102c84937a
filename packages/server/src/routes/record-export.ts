import type { FastifyInstance } from 'fastify';
import { localize, type FieldAccess, type FormDef } from '@trellis/schema';
import type { RelatedRecords, Store, StoredRecord } from '@trellis/store';
import { csvCell } from '../auth/audit-csv.js';
import { ServerErrors } from '../errors.js';
import { shapeRecord, shapeRelated } from '../permissions/record-view.js';
import { storeScope, type RequestPermissions } from '../permissions/request-permissions.js';
import { formParamsSchema } from '../record-schemas.js';
import { requestLocale } from '../record-service.js';
import { errorResponses } from '../route-schemas.js';
import { scopedListQuery } from './scoped-list-query.js';

/** The most records one export writes (a larger result is refused: narrow the filter). */
export const MAX_EXPORT_ROWS = 100_000;
const PAGE = 1000;

/** Field types that hold no value of their own to export (layout and sub-table lines). */
const NOT_EXPORTED = new Set(['description', 'subtable']);

interface ExportQuery { filter?: string; sort?: string; q?: string }

const exportQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    filter: { type: 'string', maxLength: 8192, description: 'A json-logic condition as URL-encoded JSON (docs/conditions.md)' },
    sort: { type: 'string', maxLength: 1024, description: 'Comma-separated field keys or system columns; a leading - sorts descending' },
    q: { type: 'string', maxLength: 200, description: 'Text search over the text fields' },
  },
} as const;

/** Both row scopes at once: a row must be in the view scope and in the export scope. */
function bothScopes(a: unknown, b: unknown): unknown {
  if (a === false || b === false) return false;
  if (a === null || a === undefined) return b;
  if (b === null || b === undefined) return a;
  return { and: [a, b] };
}

/** A value as one CSV cell's text: relations by their records' titles, lists joined, objects as JSON. */
function cellText(value: unknown, related: Readonly<Record<string, { title: string | null }>> | undefined): unknown {
  if (value === null || value === undefined) return '';
  if (related !== undefined) {
    const ids = Array.isArray(value) ? value : [value];
    return ids.map((id) => related[String(id)]?.title ?? String(id)).join('; ');
  }
  if (Array.isArray(value)) return value.every((v) => typeof v !== 'object' || v === null) ? value.join('; ') : JSON.stringify(value);
  return value;
}

/**
 * The columns of a form's export: fields that hold a value, minus those the caller's roles
 * hide; masked fields stay (masked, as in the list).
 */
function exportColumns(form: FormDef, access: ReadonlyMap<string, FieldAccess> | undefined): FormDef['fields'] {
  return form.fields.filter((f) => !NOT_EXPORTED.has(f.type) && (access === undefined || access.get(f.key) !== 'hidden'));
}

/**
 * `GET /api/apps/:app/forms/:form/records/export`: the records a list with the same filter,
 * sort and search would show, as a CSV download (UTF-8 with BOM, so Excel reads Chinese),
 * for callers whose roles grant `export` — rows in both their view and export scopes, hidden
 * fields left out, masked fields masked exactly as in the JSON API, relations by title,
 * spreadsheet formulas defused. Pages through the store by keyset, so memory stays flat.
 *
 * @example registerRecordExport(app, store, permissions);
 */
export function registerRecordExport(app: FastifyInstance, store: Store, permissions: RequestPermissions): void {
  app.get<{ Params: { app: string; form: string }; Querystring: ExportQuery }>(
    '/api/apps/:app/forms/:form/records/export',
    {
      schema: {
        tags: ['records'],
        summary: 'Export records as CSV (the same filter, sort and search as the list); needs the `export` right',
        params: formParamsSchema,
        querystring: exportQuerySchema,
        produces: ['text/csv'],
        response: { 200: { type: 'string', description: 'CSV, UTF-8 with BOM, CRLF line ends' }, ...errorResponses(400, 403, 404, 413, 500) },
      },
    },
    async (request, reply) => {
      const { app: appKey, form: formKey } = request.params;
      const g = await permissions.form(request, appKey, formKey, 'export');
      const form = g.resolved.form;
      const scope = bothScopes(storeScope(g.access.scopeFor('view')), storeScope(g.access.scopeFor('export')));
      const query = scopedListQuery(g, request.query, scope);
      const first = await store.records.list(appKey, formKey, { ...query, limit: 1 });
      if (first.total > MAX_EXPORT_ROWS) {
        throw ServerErrors.create('EXPORT_TOO_LARGE', `[server] an export writes at most ${MAX_EXPORT_ROWS} records; this one would write about ${first.total}: narrow the filter`, [
          { path: '/query/filter', message: `at most ${MAX_EXPORT_ROWS} records` },
        ]);
      }
      const locale = requestLocale(request);
      const columns = exportColumns(form, g.perms.unrestricted ? undefined : g.read);
      const lines: string[] = ['\uFEFF' + columns.map((f) => csvCell(localize(f.label, locale))).join(',') + '\r\n'];
      let cursor: string | null = null;
      let written = 0;
      do {
        const page = await store.records.list(appKey, formKey, { ...query, limit: PAGE, ...(cursor !== null ? { cursor } : {}) });
        const related: RelatedRecords | undefined = page.related === undefined || g.perms.unrestricted ? page.related : shapeRelated(g.perms, g.pkg, form, g.read, page.related);
        for (const raw of page.items) {
          const record: StoredRecord = shapeRecord(g.perms, g.pkg, form, g.read, raw);
          const data = record.data as Record<string, unknown>;
          lines.push(columns.map((f) => csvCell(cellText(data[f.key], related?.[f.key]))).join(',') + '\r\n');
          written++;
        }
        cursor = page.nextCursor;
      } while (cursor !== null && written < MAX_EXPORT_ROWS);
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${formKey}-${stamp}.csv"`)
        .send(lines.join(''));
    },
  );
}
