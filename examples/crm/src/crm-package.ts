import { readFileSync } from 'node:fs';
import { assertAppPackage, type AppPackage } from '@trellis/schema';

/**
 * The CRM app package, read from `examples/crm/app.json` — the single source; this module
 * only loads and checks it (structure, keys, references; field types are checked by the
 * tests with the form engine). The path is relative to this file, which sits one level
 * below the package root both as `src/` (tests) and as `dist/` (built).
 *
 * @example
 * await store.apps.publish(crmPackage);
 */
export const crmPackage: AppPackage = assertAppPackage(JSON.parse(readFileSync(new URL('../app.json', import.meta.url), 'utf8')));
