import type { FastifyInstance } from 'fastify';
import { fieldTypes } from '@trellis/forms';
import type { PublicLink, PublicLinkOptions, PublicLinkRepository } from '@trellis/store';
import { ServerErrors } from '../errors.js';
import type { FormResolver } from '../form-resolver.js';
import type { RequestPermissions } from '../permissions/request-permissions.js';
import { formParamsSchema } from '../record-schemas.js';
import { errorResponses } from '../route-schemas.js';
import { createLinkBodySchema, linkParamsSchema, linkSchema, updateLinkBodySchema } from './public-form-schemas.js';
import { checkLinkOptions } from './public-form-view.js';

interface FormParams { app: string; form: string }
interface LinkParams extends FormParams { id: string }

/** A link as the management routes answer it: the stored link plus the path of its public page. */
export function linkResponse(link: PublicLink): PublicLink & { url: string } {
  return { ...link, url: `/f/${link.token}` };
}

/**
 * The management routes of a form's public links, under the app so the identity issue can
 * guard them with the form's `manage` permission: create (answers the random token), list,
 * change options or switch off/on, delete. Options are checked against the live form.
 *
 * @example
 * registerPublicLinkRoutes(app, links, resolver);
 */
export function registerPublicLinkRoutes(app: FastifyInstance, links: PublicLinkRepository, resolver: FormResolver, permissions: RequestPermissions): void {
  const base = '/api/apps/:app/forms/:form/public-links';

  const checked = async (appKey: string, formKey: string, body: PublicLinkOptions): Promise<PublicLinkOptions> => {
    const { form } = await resolver.form(appKey, formKey); // 404 for an unknown app or form
    const problems = checkLinkOptions(form, body, fieldTypes);
    if (problems.length > 0) {
      throw ServerErrors.create(
        'PUBLIC_LINK_INVALID',
        `[server] the public link options do not fit form '${formKey}' (${problems.length} problem${problems.length === 1 ? '' : 's'}); fix the options named in details`,
        problems,
      );
    }
    return body.expiresAt ? { ...body, expiresAt: new Date(body.expiresAt).toISOString() } : body;
  };
  const notFound = (formKey: string, id: string) =>
    ServerErrors.create('PUBLIC_LINK_NOT_FOUND', `[server] form '${formKey}' has no public link '${id}'; list the links to find its id`, [
      { path: '/params/id', message: `no public link '${id}'` },
    ]);

  app.post<{ Params: FormParams; Body: PublicLinkOptions }>(
    base,
    {
      schema: {
        tags: ['public forms'],
        summary: 'Publish a form under a new public link (random token)',
        params: formParamsSchema,
        body: createLinkBodySchema,
        response: { 201: linkSchema, ...errorResponses(400, 403, 404, 413, 415, 500) },
      },
    },
    async (request, reply) => {
      const { app: appKey, form: formKey } = request.params;
      await permissions.form(request, appKey, formKey, 'manage');
      const options = await checked(appKey, formKey, request.body ?? {});
      const link = await links.create(appKey, formKey, options, { actor: request.actor?.id ?? null });
      return reply.status(201).send(linkResponse(link));
    },
  );

  app.get<{ Params: FormParams }>(
    base,
    {
      schema: {
        tags: ['public forms'],
        summary: "A form's public links, oldest first",
        params: formParamsSchema,
        response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: linkSchema } } }, ...errorResponses(400, 403, 404, 500) },
      },
    },
    async (request) => {
      const { app: appKey, form: formKey } = request.params;
      await permissions.form(request, appKey, formKey, 'manage');
      return { items: (await links.list(appKey, formKey)).map(linkResponse) };
    },
  );

  app.patch<{ Params: LinkParams; Body: PublicLinkOptions }>(
    `${base}/:id`,
    {
      schema: {
        tags: ['public forms'],
        summary: 'Switch a public link off or on, or change its options',
        params: linkParamsSchema,
        body: updateLinkBodySchema,
        response: { 200: linkSchema, ...errorResponses(400, 403, 404, 413, 415, 500) },
      },
    },
    async (request) => {
      const { app: appKey, form: formKey, id } = request.params;
      await permissions.form(request, appKey, formKey, 'manage');
      const options = await checked(appKey, formKey, request.body);
      const link = await links.update(appKey, formKey, id, options);
      if (link === undefined) throw notFound(formKey, id);
      return linkResponse(link);
    },
  );

  app.delete<{ Params: LinkParams }>(
    `${base}/:id`,
    {
      schema: {
        tags: ['public forms'],
        summary: 'Delete a public link (its address answers 404 from now on)',
        params: linkParamsSchema,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses(400, 403, 404, 500) },
      },
    },
    async (request, reply) => {
      const { app: appKey, form: formKey, id } = request.params;
      await permissions.form(request, appKey, formKey, 'manage');
      if (!(await links.delete(appKey, formKey, id))) throw notFound(formKey, id);
      return reply.status(204).send();
    },
  );
}
