import { fieldTypes } from '@trellis/forms';
import { openTestStore, type DialectName, type Store } from '@trellis/store';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/index.js';

/** A small app with one form using the basic field types. */
export function salesPackage(): any {
  return {
    schemaVersion: 1,
    app: { key: 'sales', name: { 'zh-CN': '销售', en: 'Sales' } },
    forms: [
      {
        key: 'customer',
        name: { 'zh-CN': '客户', en: 'Customer' },
        fields: [
          { id: 'f_name', key: 'name', type: 'text', label: 'Name', required: true },
          { id: 'f_phone', key: 'phone', type: 'text', label: 'Phone' },
          { id: 'f_employees', key: 'employees', type: 'number', label: 'Employees' },
          {
            id: 'f_tier',
            key: 'tier',
            type: 'single_select',
            label: 'Tier',
            options: { choices: [{ value: 'gold', label: 'Gold' }, { value: 'silver', label: 'Silver' }] },
          },
          { id: 'f_since', key: 'since', type: 'date', label: 'Customer since' },
          { id: 'f_active', key: 'active', type: 'boolean', label: 'Active' },
        ],
      },
    ],
  };
}

/**
 * A store of one dialect and a server on it; `close()` closes both in order. Without login
 * (the identity issue's sessions are not part of these tests), the server runs with permission
 * enforcement explicitly off, so anonymous requests hold every right; the permission tests
 * (`permissions-api.test.ts`) turn it on and act as users through `test-actor.ts`.
 */
export async function openServer(dialect: DialectName, options: { bodyLimit?: number; enforcePermissions?: boolean } = {}): Promise<{ store: Store; app: FastifyInstance; close: () => Promise<void> }> {
  const store = await openTestStore(dialect, fieldTypes);
  const { enforcePermissions = false, ...rest } = options;
  const app = await buildServer({ store, ...rest, permissions: { enforce: enforcePermissions } });
  return {
    store,
    app,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

export const RECORDS = '/api/apps/sales/forms/customer/records';
