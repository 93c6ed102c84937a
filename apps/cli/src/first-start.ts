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

type DemoGenerator = (seed: number) => Readonly<Record<string, unknown>>;

/**
 * On a database with no app, imports the CRM example and, when the example package exports
 * `generateDemoRecords`, its demo records — through the API (`app.inject`), so they pass the
 * same form engine as a user's input. The requests carry a short-lived API key of an
 * administrator (revoked when the seeding ends), so the records are the administrator's.
 * Does nothing when any app is installed.
 *
 * @example
 * await seedOnFirstStart(store, app, io);
 */
export async function seedOnFirstStart(store: Store, app: FastifyInstance, io: CliIo): Promise<FirstStartResult> {
  if ((await store.apps.list()).length > 0) return { seeded: false, records: 0, refused: 0 };
  const imported = await importAppPackage(store, crm.crmPackage, { actor: 'cli' });
  const appKey = imported.app;
  io.err(`First start: installed the example app '${appKey}' (${crm.crmPackage.forms.length} forms).`);

  const generate = (crm as Record<string, unknown>)['generateDemoRecords'];
  if (typeof generate !== 'function') return { seeded: true, app: appKey, records: 0, refused: 0 };
  const demo = (generate as DemoGenerator)(DEMO_SEED);
  // Hundreds of seed requests would drown the log; log only their failures.
  const level = app.log.level;
  app.log.level = 'warn';
  let counts: { records: number; refused: number };
  const admin = (await store.users.list()).find((u) => u.isAdmin && u.status === 'active');
  if (admin === undefined) {
    app.log.level = level;
    io.err('warning: no active administrator to own the demo records; skipped them.');
    return { seeded: true, app: appKey, records: 0, refused: 0 };
  }
  const ctx = { actor: 'cli' };
  const { key, secret } = await store.apiKeys.create(admin.id, { name: 'first start: demo records', apps: [appKey] }, ctx);
  try {
    counts = await postDemoRecords(app, appKey, demo, io, { authorization: `Bearer ${secret}` });
  } finally {
    app.log.level = level;
    await store.apiKeys.revoke(admin.id, key.id, ctx);
  }
  const { records, refused } = counts;
  io.err(`First start: added ${records} demo records${refused > 0 ? ` (${refused} refused)` : ''}.`);
  return { seeded: true, app: appKey, records, refused };
}

async function postDemoRecords(
  app: FastifyInstance,
  appKey: string,
  demo: Readonly<Record<string, unknown>>,
  io: CliIo,
  headers: Readonly<Record<string, string>>,
): Promise<{ records: number; refused: number }> {
  let records = 0;
  let refused = 0;
  for (const form of crm.crmPackage.forms) {
    const rows = demo[form.key];
    if (!Array.isArray(rows)) continue;
    for (const data of rows) {
      const res = await app.inject({ method: 'POST', url: `/api/apps/${appKey}/forms/${form.key}/records`, payload: { data }, headers: { ...headers } });
      if (res.statusCode === 201) records++;
      else {
        refused++;
        if (refused <= 3) io.err(`warning: a demo record of '${form.key}' was refused: ${res.body}`);
      }
    }
  }
  return { records, refused };
}
