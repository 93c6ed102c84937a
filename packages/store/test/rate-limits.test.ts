import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS, openTestStore, RateLimitRepository, type Store } from '../src/index.js';
import { testCatalog } from './fixtures.js';

describe.each(DIALECTS)('rate limits on %s', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(dialect, testCatalog);
  });
  afterAll(async () => store?.close());

  it('allows max hits per key and window, then refuses with the seconds left; other keys and buckets count apart', async () => {
    const limit = { max: 3, windowMs: 60_000 };
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await store.rateLimits.hit('login', '10.0.0.1', limit));
    expect(verdicts.slice(0, 3)).toEqual([{ allowed: true, remaining: 2 }, { allowed: true, remaining: 1 }, { allowed: true, remaining: 0 }]);
    expect(verdicts[3]!.allowed).toBe(false);
    const refused = verdicts[3] as { retryAfterSeconds: number };
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await store.rateLimits.hit('login', '10.0.0.2', limit)).toEqual({ allowed: true, remaining: 2 });
    expect(await store.rateLimits.hit('submit', '10.0.0.1', limit)).toEqual({ allowed: true, remaining: 2 });
  });

  it('counts concurrent hits exactly (no lost update)', async () => {
    const limit = { max: 10, windowMs: 60_000 };
    const verdicts = await Promise.all(Array.from({ length: 25 }, () => store.rateLimits.hit('burst', '10.9.9.9', limit)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
  });

  it('opens again in the next window', async () => {
    const limit = { max: 1, windowMs: 300 };
    // Start right after a window boundary so both hits fall in one window.
    await new Promise((r) => setTimeout(r, 300 - (Date.now() % 300) + 20));
    expect((await store.rateLimits.hit('short', 'k', limit)).allowed).toBe(true);
    expect((await store.rateLimits.hit('short', 'k', limit)).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 400));
    expect((await store.rateLimits.hit('short', 'k', limit)).allowed).toBe(true);
  });

  it('stores hashes, never the key itself, and sweeps ended windows', async () => {
    await store.rateLimits.hit('privacy', '203.0.113.77', { max: 5, windowMs: 1 });
    const rows = await sql<{ key_hash: string }>`select key_hash from trellis.rate_limits where bucket = 'privacy'`.execute(store.db);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]!.key_hash).not.toContain('203.0.113.77');
    await sql`update trellis.rate_limits set expires_at = now() - interval '2 minutes' where bucket = 'privacy'`.execute(store.db);
    expect(await store.rateLimits.sweep()).toBeGreaterThanOrEqual(1);
    const left = await sql<{ n: number }>`select count(*)::int as n from trellis.rate_limits where bucket = 'privacy'`.execute(store.db);
    expect(left.rows[0]!.n).toBe(0);
  });

  it('refuses a limit that is not a positive whole number', async () => {
    const repo = new RateLimitRepository(store.db);
    await expect(repo.hit('x', 'k', { max: 0, windowMs: 1000 })).rejects.toThrow(/positive integer/);
    await expect(repo.hit('x', 'k', { max: 1, windowMs: 0.5 })).rejects.toThrow(/window/);
  });
});
