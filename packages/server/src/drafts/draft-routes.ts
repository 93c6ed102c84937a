import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appNotFound, type RequestPermissions } from '../permissions/request-permissions.js';
import { TrellisError } from '@trellis/schema';
import { childFieldsWithData, StoreErrors, type AppDraft, type DraftRepository, type PublishPlan, type Store } from '@trellis/store';
import { importAppPackage } from '../app-import.js';
import { ServerErrors } from '../errors.js';
import type { FormResolver } from '../form-resolver.js';
import { keyPattern } from '../record-schemas.js';
import { errorResponses } from '../route-schemas.js';
import { planSchema } from '../routes/app-routes.js';

const anyObject = { type: 'object', additionalProperties: true } as const;
const appParams = {
  type: 'object',
  required: ['app'],
  properties: { app: { type: 'string', pattern: keyPattern, description: 'App key' } },
} as const;

const draftSchema = {
  type: 'object',
  required: ['app', 'revision', 'saved', 'package'],
  properties: {
    app: { type: 'string' },
    revision: { type: 'integer', description: 'Revision of the saved draft; 0 when no draft is saved yet (the package is then the live one)' },
    saved: { type: 'boolean', description: 'false when the app has no draft and the live package is returned' },
    liveVersion: { type: ['integer', 'null'], description: 'The live version of the app, null for an app never published' },
    updatedAt: { type: ['string', 'null'] },
    updatedBy: { type: ['string', 'null'] },
    package: { ...anyObject, description: 'The draft app package' },
  },
} as const;

const dataLoss = {
  type: 'object',
  required: ['fields', 'forms'],
  description: 'What the publish would hide that holds data (kept, hidden; needs `confirm`)',
  properties: {
    fields: { type: 'array', items: { type: 'object', properties: { form: { type: 'string' }, fieldId: { type: 'string' }, key: { type: 'string' }, column: { type: 'string' }, records: { type: 'integer' } } } },
    forms: { type: 'array', items: { type: 'object', properties: { form: { type: 'string' }, table: { type: 'string' }, records: { type: 'integer' } } } },
  },
} as const;

const planResultSchema = {
  type: 'object',
  required: ['app', 'revision', 'version', 'plan', 'hidesData'],
  properties: { app: { type: 'string' }, revision: { type: 'integer' }, version: { type: 'integer' }, plan: planSchema, hidesData: dataLoss },
} as const;

const publishResultSchema = {
  type: 'object',
  required: ['app', 'applied', 'version', 'plan'],
  properties: { app: { type: 'string' }, applied: { type: 'boolean' }, version: { type: 'integer' }, plan: planSchema, hidesData: dataLoss },
} as const;

/**
 * The draft routes of the form designer: read and save the draft package of an app (with
 * optimistic concurrency on its revision), plan its publish (the same diff as
 * `POST /api/apps/import?dryRun=true`, plus what would be hidden with data), and publish it
 * as a new version (`confirm: true` needed when data would be hidden). Saving a draft for an
 * app key that does not exist yet starts a new app.
 *
 * @example
 * registerDraftRoutes(app, store, new DraftRepository(store.db), resolver);
 */
export function registerDraftRoutes(app: FastifyInstance, store: Store, drafts: DraftRepository, resolver: FormResolver, permissions: RequestPermissions): void {
  // drafts and publishing need the app's design right; an app not published yet, an administrator
  const requireDesign = async (request: FastifyRequest, key: string): Promise<void> => {
    if ((await liveVersion(store, key)) === undefined) {
      if (!permissions.isAdmin(request)) throw appNotFound(key);
      return;
    }
    await permissions.design(request, key);
  };
  app.get<{ Params: { app: string } }>(
    '/api/apps/:app/draft',
    {
      schema: {
        tags: ['drafts'],
        summary: "The app's draft package, or its live package (revision 0) when no draft is saved",
        params: appParams,
        response: { 200: draftSchema, ...errorResponses(400, 403, 404, 500) },
      },
    },
    async (request) => {
      const key = request.params.app;
      await requireDesign(request, key);
      const [draft, live] = await Promise.all([drafts.get(key), liveVersion(store, key)]);
      if (draft !== undefined) return draftBody(draft, live?.version ?? null);
      if (live === undefined) {
        throw StoreErrors.create('STORE_APP_NOT_FOUND', `[server] app '${key}' has neither a draft nor a published version; save a draft with PUT /api/apps/${key}/draft to start it`);
      }
      return { app: key, revision: 0, saved: false, liveVersion: live.version, updatedAt: null, updatedBy: null, package: live.package };
    },
  );

  app.put<{ Params: { app: string }; Body: { revision: number; package: { app?: { key?: unknown } } } }>(
    '/api/apps/:app/draft',
    {
      schema: {
        tags: ['drafts'],
        summary: 'Save the draft package (optimistic concurrency on `revision`; a stale revision answers 409)',
        description: '`revision` is the revision the draft was read at (0 for the first draft). The package is stored as it is; it is validated when planned or published. `package.app.key` must equal the app in the path.',
        params: appParams,
        body: {
          type: 'object',
          required: ['revision', 'package'],
          additionalProperties: false,
          properties: { revision: { type: 'integer', minimum: 0 }, package: { ...anyObject, required: ['app'], properties: { app: anyObject } } },
        },
        response: { 200: draftSchema, ...errorResponses(400, 409, 413, 415, 500) },
      },
    },
    async (request) => {
      const key = request.params.app;
      await requireDesign(request, key);
      if (request.body.package.app?.key !== key) {
        throw ServerErrors.create('SERVER_REQUEST_INVALID', `[server] the draft's app key must be '${key}' (the app in the path); fix package.app.key and save again`, [
          { path: '/body/package/app/key', message: `must be '${key}'` },
        ]);
      }
      const result = await drafts.save(key, request.body.package, request.body.revision, { actor: request.actor?.id ?? null });
      if (!result.ok) throw revisionConflict(key, request.body.revision, result.currentRevision);
      const live = await liveVersion(store, key);
      return draftBody(result.draft, live?.version ?? null);
    },
  );

  app.post<{ Params: { app: string } }>(
    '/api/apps/:app/draft/plan',
    {
      schema: {
        tags: ['drafts'],
        summary: 'Validate the draft and return its publish plan (what POST /api/apps/import?dryRun=true computes) and what it would hide with data',
        params: appParams,
        response: { 200: planResultSchema, ...errorResponses(400, 403, 404, 500) },
      },
    },
    async (request) => {
      await requireDesign(request, request.params.app);
      const draft = await requireDraft(drafts, request.params.app);
      const result = await importAppPackage(store, draft.package, { dryRun: true });
      const hidesData = await dataHidden(store, drafts, result.app, result.plan);
      return { app: result.app, revision: draft.revision, version: result.version, plan: result.plan, hidesData };
    },
  );

  app.post<{ Params: { app: string }; Body: { revision?: number; confirm?: boolean } | undefined }>(
    '/api/apps/:app/publish',
    {
      schema: {
        tags: ['drafts'],
        summary: 'Publish the draft as a new version of the app; the draft is removed afterwards',
        description:
          'Validates the draft (400 `SCHEMA_INVALID`). When `revision` is given and the draft moved on, answers 409 `DRAFT_REVISION_CONFLICT`. ' +
          'When the publish would hide fields or forms that hold data, answers 409 `DRAFT_PUBLISH_HIDES_DATA` listing them unless `confirm` is true; the data is kept either way.',
        params: appParams,
        body: { type: 'object', additionalProperties: false, properties: { revision: { type: 'integer', minimum: 1 }, confirm: { type: 'boolean', default: false } } },
        response: { 200: publishResultSchema, 201: publishResultSchema, ...errorResponses(400, 403, 404, 409, 415, 500) },
      },
    },
    async (request, reply) => {
      const key = request.params.app;
      await requireDesign(request, key);
      const draft = await requireDraft(drafts, key);
      const body = request.body ?? {};
      if (body.revision !== undefined && body.revision !== draft.revision) throw revisionConflict(key, body.revision, draft.revision);
      const planned = await importAppPackage(store, draft.package, { dryRun: true });
      const hidesData = await dataHidden(store, drafts, key, planned.plan);
      if ((hidesData.fields.length > 0 || hidesData.forms.length > 0) && body.confirm !== true) {
        throw ServerErrors.create(
          'DRAFT_PUBLISH_HIDES_DATA',
          `[server] publishing app '${key}' would hide ${hidesData.fields.length} field(s) and ${hidesData.forms.length} form(s) that hold data; publish again with { "confirm": true } to hide them (their data is kept)`,
          [
            ...hidesData.fields.map((f) => ({ path: `/forms/${f.form}/fields/${f.key}`, message: `${f.records} record(s) hold a value; it will be hidden, not deleted` })),
            ...hidesData.forms.map((f) => ({ path: `/forms/${f.form}`, message: `${f.records} record(s); the form will be hidden, not deleted` })),
          ],
        );
      }
      const result = await importAppPackage(store, draft.package, { actor: request.actor?.id ?? null, ip: request.ip });
      await drafts.delete(key);
      if (result.applied) {
        resolver.invalidate(key);
        request.log.info({ app: key, version: result.version }, 'app draft published');
      }
      return reply.status(result.applied && result.plan.newApp ? 201 : 200).send({ app: key, applied: result.applied, version: result.version, plan: result.plan, hidesData });
    },
  );
}

async function liveVersion(store: Store, key: string): Promise<Awaited<ReturnType<Store['apps']['get']>> | undefined> {
  try {
    return await store.apps.get(key);
  } catch (e) {
    if (TrellisError.is(e) && e.code === 'STORE_APP_NOT_FOUND') return undefined;
    throw e;
  }
}

async function requireDraft(drafts: DraftRepository, key: string): Promise<AppDraft> {
  const draft = await drafts.get(key);
  if (draft === undefined) throw ServerErrors.create('DRAFT_NOT_FOUND', `[server] app '${key}' has no saved draft; save one with PUT /api/apps/${key}/draft first`);
  return draft;
}

function revisionConflict(key: string, given: number, current: number): TrellisError {
  return ServerErrors.create('DRAFT_REVISION_CONFLICT', `[server] the draft of app '${key}' was saved by someone else (revision ${current}, yours ${given}); reload the draft and apply your change again`, [
    { path: '/revision', message: `current revision is ${current}` },
  ]);
}

async function dataHidden(store: Store, drafts: DraftRepository, key: string, plan: PublishPlan) {
  const [fields, forms, rows] = await Promise.all([drafts.fieldsWithData(key, plan.fieldsHidden), drafts.formsWithData(key, plan.formsHidden), childFieldsWithData(store.db, key, plan.childTables)]);
  // hidden sub-tables and row columns that hold data count as hidden fields (`items`, `items.qty`)
  return { fields: [...fields, ...rows], forms };
}

function draftBody(draft: AppDraft, live: number | null): Record<string, unknown> {
  return { app: draft.app, revision: draft.revision, saved: true, liveVersion: live, updatedAt: draft.updatedAt, updatedBy: draft.updatedBy, package: draft.package };
}
