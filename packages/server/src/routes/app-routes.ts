import type { FastifyInstance } from 'fastify';
import type { Store } from '@trellis/store';
import { exportAppPackage, importAppPackage } from '../app-import.js';
import type { FormResolver } from '../form-resolver.js';
import { permissionDenied, type RequestPermissions } from '../permissions/request-permissions.js';
import { keyPattern } from '../record-schemas.js';
import { errorResponses } from '../route-schemas.js';
import { childPlanSchema } from './child-plan-schema.js';

const localized = { description: 'A text, or a map of locale to text ({ "zh-CN": "客户", "en": "Customer" })' };
const anyObject = { type: 'object', additionalProperties: true } as const;
const appParams = {
  type: 'object',
  required: ['app'],
  properties: { app: { type: 'string', pattern: keyPattern, description: 'App key' } },
} as const;

const columnChange = {
  type: 'object',
  properties: {
    form: { type: 'string' }, table: { type: 'string' }, fieldId: { type: 'string' }, key: { type: 'string' },
    column: { type: 'string' }, valueType: { type: 'string' }, columnType: { type: 'string' },
  },
} as const;
const fieldRef = { type: 'object', properties: { form: { type: 'string' }, fieldId: { type: 'string' }, key: { type: 'string' }, column: { type: 'string' } } } as const;
const formRef = { type: 'object', properties: { form: { type: 'string' }, table: { type: 'string' } } } as const;

/** The publish plan (the upgrade diff) as the API returns it. */
export const planSchema = {
  type: 'object',
  properties: {
    app: { type: 'string' },
    schema: { type: 'string', description: 'Postgres schema of the app tables' },
    newApp: { type: 'boolean' },
    fromVersion: { type: ['integer', 'null'] },
    toVersion: { type: 'integer' },
    tablesToCreate: { type: 'array', items: { type: 'object', properties: { form: { type: 'string' }, table: { type: 'string' }, columns: { type: 'array', items: columnChange } } } },
    columnsToAdd: { type: 'array', items: columnChange },
    joinTablesToCreate: {
      type: 'array',
      description: 'Join tables of multiple relations to create',
      items: { type: 'object', properties: { form: { type: 'string' }, table: { type: 'string' }, fieldId: { type: 'string' }, key: { type: 'string' }, joinTable: { type: 'string' }, target: { type: 'string' }, targetTable: { type: 'string' } } },
    },
    formsHidden: { type: 'array', items: formRef },
    formsRestored: { type: 'array', items: formRef },
    fieldsHidden: { type: 'array', items: fieldRef },
    fieldsRestored: { type: 'array', items: fieldRef },
    keysRenamed: { type: 'array', items: { type: 'object', properties: { form: { type: 'string' }, fieldId: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, column: { type: 'string' } } } },
    definitionsChanged: { type: 'array', items: { type: 'object', properties: { form: { type: 'string' }, field: { type: 'string' } } } },
    childTables: childPlanSchema,
    appChanged: { type: 'boolean' },
    changed: { type: 'boolean', description: 'false when the package equals the live version' },
  },
} as const;

const importResultSchema = {
  type: 'object',
  required: ['app', 'dryRun', 'applied', 'version', 'plan'],
  properties: {
    app: { type: 'string' },
    dryRun: { type: 'boolean' },
    applied: { type: 'boolean', description: 'true when a new version was published' },
    version: { type: 'integer', description: 'Live version after the call (dry run: the version it would create)' },
    plan: planSchema,
  },
} as const;

const appSummarySchema = {
  type: 'object',
  required: ['key', 'name', 'version', 'publishedAt', 'forms'],
  properties: {
    key: { type: 'string' },
    name: localized,
    description: localized,
    icon: { type: 'string' },
    color: { type: 'string' },
    version: { type: 'integer' },
    publishedAt: { type: 'string', format: 'date-time' },
    publishedBy: { type: ['string', 'null'] },
    forms: { type: 'array', items: { type: 'object', required: ['key', 'name'], properties: { key: { type: 'string' }, name: localized, icon: { type: 'string' } } } },
  },
} as const;

/**
 * The app routes: import (install or upgrade, with `?dryRun=true`), list, read, export.
 *
 * @example
 * await app.register(async (a) => registerAppRoutes(a, store, resolver));
 */
export function registerAppRoutes(app: FastifyInstance, store: Store, resolver: FormResolver, permissions: RequestPermissions): void {
  app.post<{ Querystring: { dryRun: boolean }; Body: unknown }>(
    '/api/apps/import',
    {
      schema: {
        tags: ['apps'],
        summary: 'Import an app package: install a new app, or upgrade an existing one as a new version',
        description:
          'The whole package is validated first; any problem answers 400 `SCHEMA_INVALID` listing every problem and nothing is imported. ' +
          'For an installed app this is an upgrade: tables and columns are added, removed forms and fields are hidden with their data kept. ' +
          '`dryRun=true` returns the plan and changes nothing. Answers 201 when a new app was installed, 200 otherwise.',
        querystring: { type: 'object', additionalProperties: false, properties: { dryRun: { type: 'boolean', default: false } } },
        body: { ...anyObject, description: 'An app package (docs/definition-language.md)' },
        response: { 200: importResultSchema, 201: importResultSchema, ...errorResponses(400, 403, 409, 413, 415, 500) },
      },
    },
    async (request, reply) => {
      // a new app: administrators; an upgrade: the app's design right
      const key = (request.body as { app?: { key?: unknown } } | null)?.app?.key;
      const exists = typeof key === 'string' && (await store.apps.list()).some((a) => a.key === key);
      if (exists) await permissions.design(request, key);
      else if (!permissions.isAdmin(request)) throw permissionDenied('import a new app', 'this server');
      const result = await importAppPackage(store, request.body, { dryRun: request.query.dryRun, actor: request.actor?.id ?? null, ip: request.ip });
      if (result.applied) {
        resolver.invalidate(result.app);
        request.log.info({ app: result.app, version: result.version }, 'app package imported');
      }
      return reply.status(result.applied && result.plan.newApp ? 201 : 200).send(result);
    },
  );

  app.get(
    '/api/apps',
    {
      schema: {
        tags: ['apps'],
        summary: 'List the installed apps (live version of each)',
        response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: appSummarySchema } } }, ...errorResponses(500) },
      },
    },
    async (request) => {
      const apps = await store.apps.list();
      if (permissions.isAdmin(request)) return { items: apps.map(summary) };
      // only apps where the caller holds a role (or is an administrator within an API key's apps)
      const visible: typeof apps = [];
      for (const a of apps) if ((await permissions.app(request, a.key)).perms.visible) visible.push(a);
      return { items: visible.map(summary) };
    },
  );

  app.get<{ Params: { app: string } }>(
    '/api/apps/:app',
    {
      schema: {
        tags: ['apps'],
        summary: 'One app: its summary and its live package',
        params: appParams,
        response: {
          200: { type: 'object', required: ['app', 'package'], properties: { app: appSummarySchema, package: { ...anyObject, description: 'The live app package' } } },
          ...errorResponses(400, 404, 500),
        },
      },
    },
    async (request) => {
      const { perms } = await permissions.visibleApp(request, request.params.app);
      const live = await store.apps.get(request.params.app);
      // the role definitions are for designers
      const { roles: _roles, ...withoutRoles } = live.package;
      return { app: summary(live), package: perms.design ? live.package : withoutRoles };
    },
  );

  app.get<{ Params: { app: string } }>(
    '/api/apps/:app/package',
    {
      schema: {
        tags: ['apps'],
        summary: 'Export the live app package (import it elsewhere to recreate the app)',
        params: appParams,
        response: { 200: { ...anyObject, description: 'The app package' }, ...errorResponses(400, 403, 404, 500) },
      },
    },
    async (request) => {
      await permissions.design(request, request.params.app);
      return exportAppPackage(store, request.params.app);
    },
  );
}

function summary(v: Awaited<ReturnType<Store['apps']['get']>>): Record<string, unknown> {
  const a = v.package.app;
  return {
    key: v.key,
    name: a.name,
    ...(a.description !== undefined ? { description: a.description } : {}),
    ...(a.icon !== undefined ? { icon: a.icon } : {}),
    ...(a.color !== undefined ? { color: a.color } : {}),
    version: v.version,
    publishedAt: v.publishedAt,
    publishedBy: v.publishedBy,
    forms: v.package.forms.map((f) => ({ key: f.key, name: f.name, ...(f.icon !== undefined ? { icon: f.icon } : {}) })),
  };
}
