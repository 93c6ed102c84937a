import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { FILE_SIZE_CAP, isRasterImageType } from '@trellis/forms';
import { TrellisError } from '@trellis/schema';
import { isLive, StoreErrors, type PublicLinkRepository, type Store } from '@trellis/store';
import { ServerErrors } from '../errors.js';
import type { FormResolver } from '../form-resolver.js';
import { permissionDenied, type RequestPermissions } from '../permissions/request-permissions.js';
import { DEFAULT_PUBLIC_RATE_LIMIT, type PublicFormsOptions } from '../public-forms/public-form-options.js';
import { shownFieldKeys } from '../public-forms/public-form-view.js';
import { FixedWindowRateLimiter } from '../public-forms/rate-limiter.js';
import { errorResponses } from '../route-schemas.js';
import { contentDisposition, servedContentType } from './content-disposition.js';
import { canReadFile } from './file-access.js';
import { downloadParamsSchema, downloadQuerySchema, fileRefSchema, publicUploadParamsSchema, UPLOAD_DESCRIPTION, uploadParamsSchema } from './file-schemas.js';
import { fileField, receiveUpload } from './file-upload.js';

/** Settings of uploads. */
export interface FilesOptions {
  /** The largest file any field accepts, in bytes (default and upper bound: 50 MiB); a field's `maxSize` may only be lower. */
  readonly maxSize?: number;
}

function fileNotFound(): TrellisError {
  return StoreErrors.create('FILE_NOT_FOUND', '[server] this file does not exist or you may not read it; check the link, or open the record it belongs to', [{ path: '/params/id', message: 'no such file' }]);
}

/**
 * The file routes: `POST /api/apps/:app/forms/:form/fields/:field/files` (upload, multipart),
 * `POST /api/public/forms/:token/fields/:field/files` (anonymous upload for a field shown on a
 * live public link, rate limited per IP like public submissions) and `GET /api/files/:id`
 * (download, for callers {@link canReadFile} allows; 404 for everyone else). Downloads carry
 * `X-Content-Type-Options: nosniff` and `Content-Security-Policy: sandbox`; only raster images
 * are shown inline, everything else is an attachment.
 *
 * @example
 * await registerFileRoutes(app, store, resolver, links, { maxSize: 20 * 1024 * 1024 });
 */
export async function registerFileRoutes(
  app: FastifyInstance,
  store: Store,
  resolver: FormResolver,
  links: PublicLinkRepository,
  options: FilesOptions = {},
  publicForms: PublicFormsOptions = {},
  permissions?: RequestPermissions,
): Promise<void> {
  const cap = Math.min(options.maxSize ?? FILE_SIZE_CAP, FILE_SIZE_CAP);
  const limiter = new FixedWindowRateLimiter(publicForms.rateLimit ?? DEFAULT_PUBLIC_RATE_LIMIT);

  // Multipart parsing only for the upload routes (the rest of the API stays JSON-only).
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: cap + 1, files: 1, parts: 6 } });

    scope.post<{ Params: { app: string; form: string; field: string } }>(
      '/api/apps/:app/forms/:form/fields/:field/files',
      {
        schema: {
          tags: ['files'],
          summary: 'Upload a file for an attachment, image or signature field',
          description: UPLOAD_DESCRIPTION,
          consumes: ['multipart/form-data'],
          params: uploadParamsSchema,
          response: { 201: fileRefSchema, ...errorResponses(400, 404, 413, 415, 500) },
        },
      },
      async (request, reply) => {
        // uploading is part of creating or editing a record whose field the caller may write
        const grant = permissions === undefined ? undefined : await permissions.form(request, request.params.app, request.params.form);
        const resolved = grant?.resolved ?? (await resolver.form(request.params.app, request.params.form));
        if (grant !== undefined && !grant.perms.unrestricted) {
          if (!grant.access.can('create') && !grant.access.can('edit')) throw permissionDenied('create', `form '${request.params.form}'`);
          if (grant.access.fieldAccess(request.params.field) !== 'editable' && resolved.form.fields.some((f) => f.key === request.params.field)) {
            throw ServerErrors.create('FIELD_READ_ONLY', `[server] field '${request.params.field}' may not be written by your roles`, [{ path: '/params/field', message: 'not editable for your roles' }]);
          }
        }
        const field = fileField(resolved, request.params.field);
        const ref = await receiveUpload(request, store, resolved, field, request.actor?.id ?? null, cap);
        return reply.status(201).send(ref);
      },
    );

    scope.post<{ Params: { token: string; field: string } }>(
      '/api/public/forms/:token/fields/:field/files',
      {
        onRequest: async (request, reply) => {
          const verdict = limiter.hit(request.ip);
          if (!verdict.allowed) {
            reply.header('retry-after', String(verdict.retryAfterSeconds));
            throw ServerErrors.create('PUBLIC_FORM_RATE_LIMITED', `[server] too many uploads from this address; wait ${verdict.retryAfterSeconds} s and send again`);
          }
        },
        schema: {
          tags: ['public forms'],
          security: [],
          summary: 'Upload a file for a file field of a public form (no login; rate limited per IP)',
          description: `${UPLOAD_DESCRIPTION} Only fields the link shows take uploads.`,
          consumes: ['multipart/form-data'],
          params: publicUploadParamsSchema,
          response: { 201: fileRefSchema, ...errorResponses(400, 404, 413, 415, 429, 500) },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        const link = await links.findByToken(request.params.token);
        if (link === undefined || !isLive(link)) throw ServerErrors.create('PUBLIC_FORM_NOT_FOUND', '[server] this public form does not exist or is no longer available; ask its owner for a current link');
        let resolved;
        try {
          resolved = await resolver.form(link.app, link.form);
        } catch (e) {
          if (TrellisError.is(e) && e.status === 404) throw ServerErrors.create('PUBLIC_FORM_NOT_FOUND', '[server] this public form does not exist or is no longer available; ask its owner for a current link');
          throw e;
        }
        const key = request.params.field;
        if (!shownFieldKeys(resolved.form, link).includes(key)) {
          throw ServerErrors.create('FILE_FIELD_NOT_FOUND', `[server] this public form shows no file field '${key}'`, [{ path: '/params/field', message: `no file field '${key}'` }]);
        }
        const field = fileField(resolved, key);
        const ref = await receiveUpload(request, store, resolved, field, null, cap);
        return reply.status(201).send(ref);
      },
    );
  });

  app.get<{ Params: { id: string }; Querystring: { download?: boolean } }>(
    '/api/files/:id',
    {
      schema: {
        tags: ['files'],
        summary: 'Download a file (only for callers who may read the record it is attached to)',
        description:
          'Answers the bytes with their `Content-Type` (HTML, SVG, XML and JavaScript as `application/octet-stream`), `Content-Disposition` (`inline` for PNG, JPEG, GIF and WebP images, `attachment` ' +
          "for everything else; the name as RFC 5987 `filename*`), `X-Content-Type-Options: nosniff` and `Content-Security-Policy: sandbox`. " +
          'A file that does not exist, is attached to a deleted record or a removed form, or that the caller may not read is the same 404 `FILE_NOT_FOUND`.',
        params: downloadParamsSchema,
        querystring: downloadQuerySchema,
        response: { 200: { description: 'The file content', type: 'string', format: 'binary' }, ...errorResponses(404, 500) },
      },
    },
    async (request, reply) => {
      const file = await store.files.get(request.params.id);
      const grantOf = permissions === undefined ? undefined : (a: string, f: string) => permissions.form(request, a, f);
      if (file === undefined || !(await canReadFile(store, resolver, request.actor, file, grantOf))) throw fileNotFound();
      const content = await store.files.read(file.id);
      if (content === undefined) throw fileNotFound();
      const inline = isRasterImageType(file.type) && request.query.download !== true;
      return reply
        .header('content-type', servedContentType(file.type))
        .header('content-length', String(file.size))
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', 'sandbox')
        .header('cache-control', 'private, no-cache')
        .header('etag', `"${file.sha256}"`)
        .send(content);
    },
  );
}
