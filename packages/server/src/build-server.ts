import type { FastifyInstance } from 'fastify';
import type { Store } from '@trellis/store';
import { FormResolver } from './form-resolver.js';
import { createHttpApp, type HttpAppOptions } from './http-app.js';
import { registerAppRoutes } from './routes/app-routes.js';
import { registerRecordRoutes } from './routes/record-routes.js';
import { registerRecordExport } from './routes/record-export.js';
import { registerRelationRoutes } from './relations/relation-routes.js';
import { PublicLinkRepository } from '@trellis/store';
import type { PublicFormsOptions } from './public-forms/public-form-options.js';
import { registerPublicFormRoutes } from './public-forms/public-form-routes.js';
import { registerPublicLinkRoutes } from './public-forms/public-link-routes.js';
import { DraftRepository } from '@trellis/store';
import { registerDraftRoutes } from './drafts/draft-routes.js';
import { registerFileRoutes, type FilesOptions } from './files/file-routes.js';
import { RequestPermissions } from './permissions/request-permissions.js';
import { registerOrgRoutes } from './permissions/org-routes.js';
import { registerRoleRoutes } from './permissions/role-routes.js';
import { registerAuth } from './auth/auth-hook.js';
import { resolveAuthOptions, type AuthOptions } from './auth/auth-options.js';
import { registerAuthRoutes } from './auth/auth-routes.js';
import { registerUserRoutes } from './auth/user-routes.js';
import { registerApiKeyRoutes } from './auth/api-key-routes.js';
import { registerAuditRoutes } from './auth/audit-routes.js';

/** Options of {@link buildServer}. */
export interface ServerOptions extends HttpAppOptions {
  /** The open store; the caller closes it after `app.close()`. */
  readonly store: Store;
  /** Public forms: rate limit per IP and body limit of anonymous submissions. */
  readonly publicForms?: PublicFormsOptions;
  /** Uploads: the server-wide size cap (at most and by default 50 MiB). */
  readonly files?: FilesOptions;
  /** Sessions, login limits and the clock of authentication (defaults: 8 h idle, 7 days absolute, 10 logins a minute, lock after 5 failures for 15 min). */
  readonly auth?: AuthOptions;
}

/**
 * Builds the Trellis API server: health, OpenAPI (`/api/openapi.json`, `/api/docs`),
 * authentication (every other `/api` route needs a session cookie or an API key; see
 * docs/reference/auth.md), accounts, API keys, the audit log, app import/export, records,
 * and (with `webRoot`) the web app. Not yet listening: call
 * `listen()`, or `inject()` in tests. Closing the server does not close the store.
 *
 * @example
 * const app = await buildServer({ store, logger: true, webRoot: 'apps/web/dist' });
 * await app.listen({ port: 3000 });
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store } = options;
  const resolver = new FormResolver(store);
  const auth = resolveAuthOptions(options.auth);
  const permissions = new RequestPermissions(store, resolver);
  return createHttpApp(options, async (app) => {
    await registerAuth(app, store, auth);
    registerAuthRoutes(app, store, auth);
    registerUserRoutes(app, store, auth);
    registerApiKeyRoutes(app, store, auth);
    registerAuditRoutes(app, store);
    registerAppRoutes(app, store, resolver, permissions);
    registerRecordExport(app, store, permissions);
    registerRecordRoutes(app, store, resolver, permissions);
    registerRelationRoutes(app, store, resolver, permissions);
    const links = new PublicLinkRepository(store.db);
    registerPublicLinkRoutes(app, links, resolver, permissions);
    registerPublicFormRoutes(app, store, links, resolver, options.publicForms);
    registerDraftRoutes(app, store, new DraftRepository(store.db), resolver, permissions);
    await registerFileRoutes(app, store, resolver, links, options.files, options.publicForms, permissions);
    registerOrgRoutes(app, store, permissions);
    registerRoleRoutes(app, store, permissions);
  });
}
