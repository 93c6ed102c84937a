import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/index.js';
import { crmPackage, testCatalog } from './fixtures.js';

describe('PGlite on disk', () => {
  it('keeps apps and records in its data directory across a close and reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trellis-store-'));
    try {
      const first = await openStore({ dataDir: join(dir, 'data'), catalog: testCatalog });
      await first.apps.publish(crmPackage(), { actor: null });
      const r = await first.records.create('crm', 'customer', { name: 'Kept', founded: '2001-02-03' }, { actor: null });
      await first.close();
      expect(existsSync(join(dir, 'data', 'files'))).toBe(true); // uploaded files default to <dataDir>/files

      const again = await openStore({ dataDir: join(dir, 'data'), catalog: testCatalog });
      try {
        expect((await again.apps.list()).map((a) => a.key)).toEqual(['crm']);
        expect((await again.records.get('crm', 'customer', r.id)).data).toMatchObject({ name: 'Kept', founded: '2001-02-03' });
        expect(await again.migrate()).toEqual({ applied: [] });
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports an unreachable PostgreSQL as STORE_CONFIG_INVALID naming what to check', async () => {
    await expect(openStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', catalog: testCatalog })).rejects.toMatchObject({
      code: 'STORE_CONFIG_INVALID',
      message: expect.stringContaining('DATABASE_URL'),
    });
  });
});
