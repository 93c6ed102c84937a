import * as crm from '@trellis/example-crm';
import { importAppPackage } from '@trellis/server';
import type { Store } from '@trellis/store';
import type { FastifyInstance } from '@trellis/server';
import type { CliIo } from './cli-io.js';

/** The seed of the demo data, so every fresh install shows the same records. */
export const DEMO_SEED = 20250630;

/** What the first start did. */
export interface FirstStartResult {
  readonly seeded: boolean;
  readonly app?: string;
  readonly records: number;
  /** Demo records the API refused (should be none; reported, not fatal). */
  readonly refused: number;
}

type Headers = Readonly<Record<string, string>>;

/** An administrator's JSON request through `app.inject` (throws on an error status). */
function injectAs(app: FastifyInstance, headers: Headers): crm.AdminRequest {
  return async (method, url, payload) => {
    const res = await app.inject({ method, url, headers: { ...headers }, ...(payload !== undefined ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url} answered ${res.statusCode}: ${res.body}`);
    return res.body === '' ? undefined : res.json();
  };
}

/**
 * On a database with no app, imports the CRM example, its demo organisation (departments,
 * the demo accounts, the members of the app's roles) and its demo records — through the API
 * (`app.inject`), so they pass the same form engine and permission checks as a user's input.
 * The administrator acts through a session ended afterwards; a record with a demo owner
 * names them in its owner field (负责人), so it lands in the owner's department too. Does nothing when any app is
 * installed.
 *
 * @example
 * await seedOnFirstStart(store, app, io);
 */
export async function seedOnFirstStart(store: Store, app: FastifyInstance, io: CliIo): Promise<FirstStartResult> {
  if ((await store.apps.list()).length > 0) return { seeded: false, records: 0, refused: 0 };
  const imported = await importAppPackage(store, crm.crmPackage, { actor: 'cli' });
  const appKey = imported.app;
  io.err(`First start: installed the example app '${appKey}' (${crm.crmPackage.forms.length} forms).`);

  const admin = (await store.users.list()).find((u) => u.isAdmin && u.status === 'active');
  if (admin === undefined) {
    io.err('warning: no active administrator to create the demo organisation and records; skipped them.');
    return { seeded: true, app: appKey, records: 0, refused: 0 };
  }
  const ctx = { actor: 'cli' };
  // the administrator acts through a session (the user routes take no API key), ended afterwards
  const session = await store.sessions.create(admin.id, ctx, { userAgent: 'trellis first start' });
  const headers: Headers = { cookie: `trellis_session=${session.token}`, 'x-csrf-token': session.csrfToken };
  // Hundreds of seed requests would drown the log; log only their failures.
  const level = app.log.level;
  app.log.level = 'warn';
  try {
    const org = await crm.seedDemoOrganisation(crm.organisationApiOver(injectAs(app, headers)), appKey);
    io.err(`First start: added the demo organisation (${org.created.departments} departments, ${org.created.users} accounts with the password '${crm.DEMO_PASSWORD}', for local trials only).`);
    const demo = crm.generateDemoRecords(DEMO_SEED, {}, { owners: crm.DEMO_RECORD_OWNERS });
    const { records, refused } = await postDemoRecords(app, appKey, demo, io, headers, org.userIds);
    io.err(`First start: added ${records} demo records${refused > 0 ? ` (${refused} refused)` : ''}.`);
    return { seeded: true, app: appKey, records, refused };
  } finally {
    app.log.level = level;
    await store.sessions.delete(session.idHash, ctx);
  }
}

async function postDemoRecords(
  app: FastifyInstance,
  appKey: string,
  demo: crm.DemoRecords,
  io: CliIo,
  headers: Headers,
  userIds: Readonly<Record<string, string>>,
): Promise<{ records: number; refused: number }> {
  let records = 0;
  let refused = 0;
  for (const form of ['customer', 'contact', 'lead', 'opportunity'] as const) {
    const rows = demo[form];
    for (const [i, data] of rows.entries()) {
      // the owner field (负责人) gives the record to its demo account, and so to their department
      const owner = userIds[demo.owners?.[form][i] ?? ''];
      const payload = { data: owner === undefined ? data : { ...data, owner } };
      const res = await app.inject({ method: 'POST', url: `/api/apps/${appKey}/forms/${form}/records`, payload, headers: { ...headers } });
      if (res.statusCode === 201) records++;
      else {
        refused++;
        if (refused <= 3) io.err(`warning: a demo record of '${form}' was refused: ${res.body}`);
      }
    }
  }
  return { records, refused };
}
