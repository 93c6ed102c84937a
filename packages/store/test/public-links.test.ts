import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, PublicLinkRepository, isLive, openTestStore, type Store } from '../src/index.js';
import { testCatalog } from './fixtures.js';

for (const dialect of DIALECTS) {
  describe(`public links (${dialect})`, () => {
    let store: Store;
    let links: PublicLinkRepository;
    beforeAll(async () => {
      store = await openTestStore(dialect, testCatalog);
      links = new PublicLinkRepository(store.db);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('creates a link with a 256-bit base64url token and its options, and finds it by token', async () => {
      const link = await links.create('crm', 'lead', { thankYou: { en: 'Thanks!', 'zh-CN': '谢谢！' }, onePerField: 'phone', fields: ['name', 'phone'] }, { actor: null });
      expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(link).toMatchObject({ app: 'crm', form: 'lead', enabled: true, thankYou: { en: 'Thanks!', 'zh-CN': '谢谢！' }, onePerField: 'phone', fields: ['name', 'phone'], expiresAt: null, createdBy: null });
      expect(await links.findByToken(link.token)).toEqual(link);
      expect(await links.findByToken(`${link.token}x`)).toBeUndefined();
      const other = await links.create('crm', 'lead', {}, { actor: 'u1' });
      expect(other.token).not.toBe(link.token);
      expect(other).toMatchObject({ thankYou: null, onePerField: null, fields: null, createdBy: 'u1' });
    });

    it('lists the links of one form only, oldest first', async () => {
      await links.create('crm', 'customer', {}, { actor: null });
      const leads = await links.list('crm', 'lead');
      expect(leads.length).toBe(2);
      expect(leads.every((l) => l.form === 'lead')).toBe(true);
      expect(leads[0]!.createdAt <= leads[1]!.createdAt).toBe(true);
    });

    it('changes only the options given, and a link of another form is not found', async () => {
      const link = await links.create('crm', 'lead', { thankYou: 'Merci', fields: ['name'] }, { actor: null });
      const off = await links.update('crm', 'lead', link.id, { enabled: false, expiresAt: '2030-01-01T00:00:00.000Z' });
      expect(off).toMatchObject({ enabled: false, thankYou: 'Merci', fields: ['name'], expiresAt: '2030-01-01T00:00:00.000Z' });
      const cleared = await links.update('crm', 'lead', link.id, { fields: null, thankYou: null });
      expect(cleared).toMatchObject({ enabled: false, fields: null, thankYou: null });
      expect(await links.update('crm', 'customer', link.id, { enabled: true })).toBeUndefined();
      expect(await links.update('crm', 'lead', 'not-a-uuid', { enabled: true })).toBeUndefined();
      expect((await links.get('crm', 'lead', link.id))?.enabled).toBe(false);
    });

    it('deletes a link once', async () => {
      const link = await links.create('crm', 'lead', {}, { actor: null });
      expect(await links.delete('crm', 'lead', link.id)).toBe(true);
      expect(await links.delete('crm', 'lead', link.id)).toBe(false);
      expect(await links.findByToken(link.token)).toBeUndefined();
    });

    it('is live only when switched on and not expired', async () => {
      const link = await links.create('crm', 'lead', { expiresAt: '2026-01-01T00:00:00.000Z' }, { actor: null });
      expect(isLive(link, new Date('2025-12-31T23:59:59Z'))).toBe(true);
      expect(isLive(link, new Date('2026-01-01T00:00:01Z'))).toBe(false);
      expect(isLive({ ...link, enabled: false }, new Date('2025-01-01T00:00:00Z'))).toBe(false);
    });

    it('lets exactly one of many concurrent claims of a value win, and a released value can be claimed again', async () => {
      const link = await links.create('crm', 'lead', { onePerField: 'phone' }, { actor: null });
      const key = { app: 'crm', form: 'lead', field: 'phone', valueHash: 'h1' };
      const results = await Promise.all(Array.from({ length: 10 }, () => links.claim(key, link.id)));
      expect(results.filter(Boolean).length).toBe(1);
      expect(await links.claim({ ...key, field: 'email' }, link.id)).toBe(true);
      await links.release(key);
      expect(await links.claim(key, link.id)).toBe(true);
      await links.attachRecord(key, '11111111-1111-4111-8111-111111111111');
      expect(await links.claim(key, link.id)).toBe(false);
    });
  });
}

describe('migrations added out of name order', () => {
  it('a database that already ran a later-named migration still applies an earlier-named newcomer', async () => {
    const { migrateToLatest, STORE_MIGRATIONS } = await import('../src/index.js');
    const store = await openTestStore('pglite', testCatalog);
    try {
      const names = Object.keys(STORE_MIGRATIONS);
      expect(names).toContain('0003_public_links');
      // pretend '0003_public_links' was applied before a newcomer that sorts ahead of it
      const newcomer = '0002_zz_newcomer_test';
      (STORE_MIGRATIONS as Record<string, unknown>)[newcomer] = { up: async () => {} };
      try {
        expect((await migrateToLatest(store.db)).applied).toEqual([newcomer]);
      } finally {
        delete (STORE_MIGRATIONS as Record<string, unknown>)[newcomer];
      }
    } finally {
      await store.close();
    }
  });
});
