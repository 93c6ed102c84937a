import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, loadActorOrg, openTestStore, sha256Hex, type Store } from '../src/index.js';
import { testCatalog } from './fixtures.js';

const MIN = 60 * 1000;
const HOUR = 60 * MIN;
const ctx = { actor: 'test', ip: '192.0.2.1' };

for (const dialect of DIALECTS) {
  describe(`identity repositories (${dialect})`, () => {
    let store: Store;
    let n = 0;
    const t0 = Date.now();
    const at = (ms: number) => new Date(t0 + ms);
    const newUser = (extra: { username?: string } = {}) =>
      store.users.create({ username: extra.username ?? `u${++n}`, displayName: `User ${n}`, passwordHash: '$argon2id$fake' }, ctx, at(0));

    beforeAll(async () => {
      store = await openTestStore(dialect, testCatalog);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('creates, finds (username in any case), searches and lists accounts without their hashes', async () => {
      const user = await store.users.create({ username: 'Wang.Fang', displayName: '王芳', passwordHash: '$argon2id$x', email: 'wang@example.com', locale: 'en' }, ctx, at(0));
      expect(user).toMatchObject({ username: 'Wang.Fang', displayName: '王芳', email: 'wang@example.com', isAdmin: false, status: 'active', locale: 'en', deptIds: [], primaryDeptId: null, version: 1 });
      expect(user).not.toHaveProperty('passwordHash');
      expect(await store.users.get(user.id)).toEqual(user);
      expect(await store.users.get('not-a-uuid')).toBeUndefined();
      const creds = await store.users.byUsername('wang.FANG');
      expect(creds).toMatchObject({ id: user.id, passwordHash: '$argon2id$x', failedLogins: 0, lockedUntil: null });
      expect((await store.users.list({ q: '王' })).map((u) => u.id)).toEqual([user.id]);
      expect((await store.users.list({ q: 'EXAMPLE.com' })).map((u) => u.id)).toEqual([user.id]);
      expect(await store.users.list({ q: '100%' })).toEqual([]);
      await expect(store.users.create({ username: 'WANG.fang', displayName: 'x', passwordHash: null }, ctx)).rejects.toMatchObject({ code: 'USER_USERNAME_TAKEN', status: 409 });
      const audit = await store.audit.list({ action: 'user_create', recordId: user.id });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ app: null, actor: 'test', ip: '192.0.2.1' });
      expect(JSON.stringify(audit)).not.toContain('argon2');
    });

    it('updates with version: a stale one is refused with 409 and nothing changes', async () => {
      const user = await newUser();
      const v2 = await store.users.update(user.id, { version: 1, displayName: 'Renamed', isAdmin: true }, ctx);
      expect(v2).toMatchObject({ displayName: 'Renamed', isAdmin: true, version: 2 });
      await expect(store.users.update(user.id, { version: 1, displayName: 'Stale' }, ctx)).rejects.toMatchObject({ code: 'USER_VERSION_CONFLICT', status: 409 });
      expect((await store.users.get(user.id))!.displayName).toBe('Renamed');
      await expect(store.users.update('00000000-0000-4000-8000-000000000000', { version: 1 }, ctx)).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
    });

    it('creates sessions holding only the hash of a 32-byte token, and resolves them', async () => {
      const user = await newUser();
      const s = await store.sessions.create(user.id, ctx, { now: at(0), userAgent: 'test-agent' });
      expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(s.idHash).toBe(sha256Hex(s.token));
      const row = await store.db.selectFrom('trellis.sessions').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
      expect(row.id_hash).toBe(s.idHash);
      expect(JSON.stringify(row)).not.toContain(s.token);
      expect(row).toMatchObject({ ip: '192.0.2.1', user_agent: 'test-agent', csrf_token: s.csrfToken });
      expect(await store.sessions.resolve(s.token, { now: at(MIN / 2) })).toMatchObject({ userId: user.id, csrfToken: s.csrfToken });
      expect(await store.sessions.resolve(`${s.token}x`, { now: at(0) })).toBeUndefined();
      expect((await store.audit.list({ action: 'login', recordId: user.id }))[0]).toMatchObject({ actor: user.id, ip: '192.0.2.1', app: null });
    });

    it('touches last_seen_at at most once a minute and ends an idle session', async () => {
      const user = await newUser();
      const s = await store.sessions.create(user.id, ctx, { now: at(0) });
      const seen = async () => (await store.db.selectFrom('trellis.sessions').select('last_seen_at').where('id_hash', '=', s.idHash).executeTakeFirstOrThrow()).last_seen_at;
      const first = await seen();
      await store.sessions.resolve(s.token, { now: at(30 * 1000) });
      expect(await seen()).toBe(first);
      await store.sessions.resolve(s.token, { now: at(2 * MIN) });
      expect(await seen()).toBe(at(2 * MIN).toISOString());
      expect(await store.sessions.resolve(s.token, { now: at(2 * MIN + HOUR), idleMs: HOUR })).toBeUndefined();
      expect(await store.db.selectFrom('trellis.sessions').select('id_hash').where('id_hash', '=', s.idHash).executeTakeFirst()).toBeUndefined();
    });

    it('ends a session at its absolute expiry', async () => {
      const user = await newUser();
      const s = await store.sessions.create(user.id, ctx, { now: at(0), absoluteMs: 3 * HOUR });
      expect(await store.sessions.resolve(s.token, { now: at(2 * HOUR) })).toBeDefined();
      expect(await store.sessions.resolve(s.token, { now: at(3 * HOUR) })).toBeUndefined();
    });

    it('refuses sessions of suspended users and sessions older than a credentials change', async () => {
      const user = await newUser();
      const s = await store.sessions.create(user.id, ctx, { now: at(0) });
      await store.users.update(user.id, { version: 1, status: 'suspended' }, ctx, at(MIN));
      expect(await store.sessions.resolve(s.token, { now: at(2 * MIN) })).toBeUndefined();

      const other = await newUser();
      const a = await store.sessions.create(other.id, ctx, { now: at(0) });
      const b = await store.sessions.create(other.id, ctx, { now: at(0) });
      await store.users.setPassword(other.id, '$argon2id$new', ctx, { keepSession: a.idHash, now: at(MIN) });
      expect(await store.sessions.resolve(a.token, { now: at(2 * MIN) })).toBeDefined();
      expect(await store.sessions.resolve(b.token, { now: at(2 * MIN) })).toBeUndefined();
      // Even a session row that survived is refused when it began before the change.
      await store.db.insertInto('trellis.sessions').values({ id_hash: sha256Hex('old'), user_id: other.id, csrf_token: 'c', created_at: at(0).toISOString(), last_seen_at: at(MIN).toISOString(), expires_at: at(HOUR).toISOString(), ip: null, user_agent: null }).execute();
      expect(await store.sessions.resolve('old', { now: at(2 * MIN) })).toBeUndefined();
      expect((await store.users.byUsername(other.username))!.passwordHash).toBe('$argon2id$new');
    });

    it('deletes one session (logout) or all of a user (logout everywhere)', async () => {
      const user = await newUser();
      const a = await store.sessions.create(user.id, ctx, { now: at(0) });
      const b = await store.sessions.create(user.id, ctx, { now: at(0) });
      const c = await store.sessions.create(user.id, ctx, { now: at(0) });
      expect(await store.sessions.delete(a.idHash, ctx)).toBe(true);
      expect(await store.sessions.delete(a.idHash, ctx)).toBe(false);
      expect(await store.sessions.resolve(a.token, { now: at(0) })).toBeUndefined();
      expect(await store.sessions.deleteAllForUser(user.id, ctx)).toBe(2);
      for (const s of [b, c]) expect(await store.sessions.resolve(s.token, { now: at(0) })).toBeUndefined();
    });

    it('counts failed logins and locks after the fifth, starting the count again', async () => {
      const user = await newUser();
      const fail = (ms: number) => store.users.loginFailed(user, user.username, 'wrong_password', ctx, { now: at(ms) });
      for (let i = 0; i < 4; i++) expect((await fail(0)).lockedUntil).toBeNull();
      const fifth = await fail(0);
      expect(fifth.lockedUntil).toBe(at(15 * MIN).toISOString());
      expect(await store.users.byUsername(user.username)).toMatchObject({ failedLogins: 0, lockedUntil: at(15 * MIN).toISOString() });
      await store.sessions.create(user.id, ctx, { now: at(16 * MIN) });
      expect(await store.users.byUsername(user.username)).toMatchObject({ failedLogins: 0, lockedUntil: null });
      const audit = await store.audit.list({ action: 'login_failed', recordId: user.id, limit: 1 });
      expect(audit[0]!.after).toEqual({ username: user.username, reason: 'wrong_password', lockedUntil: at(15 * MIN).toISOString() });
    });

    it('keeps API keys hashed, resolves them, notes the last use, and refuses revoked, expired and suspended ones', async () => {
      const user = await newUser();
      const { key, secret } = await store.apiKeys.create(user.id, { name: 'ERP', apps: ['crm'], actions: ['view'] }, ctx);
      expect(secret).toMatch(/^trk_[A-Za-z0-9_-]{43}$/);
      expect(key).toMatchObject({ name: 'ERP', prefix: secret.slice(0, 12), apps: ['crm'], actions: ['view'], lastUsedAt: null, revokedAt: null });
      const row = await store.db.selectFrom('trellis.api_keys').selectAll().where('id', '=', key.id).executeTakeFirstOrThrow();
      expect(row.secret_hash).toBe(sha256Hex(secret));
      const found = await store.apiKeys.resolve(secret, at(0));
      expect(found).toMatchObject({ userId: user.id, key: { id: key.id, lastUsedAt: at(0).toISOString() } });
      expect(await store.apiKeys.resolve('trk_nope', at(0))).toBeUndefined();
      expect(await store.apiKeys.resolve(secret.slice(4), at(0))).toBeUndefined();
      const stranger = await newUser();
      await expect(store.apiKeys.revoke(stranger.id, key.id, ctx)).rejects.toMatchObject({ code: 'API_KEY_NOT_FOUND' });
      await store.apiKeys.revoke(user.id, key.id, ctx);
      expect(await store.apiKeys.resolve(secret, at(0))).toBeUndefined();
      expect((await store.apiKeys.list(user.id))[0]!.revokedAt).not.toBeNull();

      const timed = await store.apiKeys.create(user.id, { name: 'timed', expiresAt: at(HOUR).toISOString() }, ctx);
      expect(await store.apiKeys.resolve(timed.secret, at(HOUR - 1))).toBeDefined();
      expect(await store.apiKeys.resolve(timed.secret, at(HOUR))).toBeUndefined();
      const open = await store.apiKeys.create(user.id, { name: 'open' }, ctx);
      await store.users.update(user.id, { version: 1, status: 'suspended' }, ctx);
      expect(await store.apiKeys.resolve(open.secret, at(0))).toBeUndefined();
      expect((await store.apiKeys.list(user.id)).map((k) => k.name)).toEqual(['open', 'timed', 'ERP']);
    });

    it('loads the departments, the department tree and the managed tree of a user', async () => {
      const user = await newUser();
      const dept = async (name: string, parent: string | null = null) =>
        (await store.db.insertInto('trellis.departments').values({ name, parent_id: parent }).returning('id').executeTakeFirstOrThrow()).id;
      const sales = await dept('Sales');
      const east = await dept('East', sales);
      const shanghai = await dept('Shanghai', east);
      const west = await dept('West', sales);
      const support = await dept('Support');
      await store.db.insertInto('trellis.user_departments').values([{ user_id: user.id, dept_id: support, is_primary: false }, { user_id: user.id, dept_id: east, is_primary: true }]).execute();
      await store.db.insertInto('trellis.department_managers').values({ dept_id: sales, user_id: user.id }).execute();
      const org = await loadActorOrg(store.db, user.id);
      expect(org.deptIds).toEqual([east, support]);
      expect(org.deptTree.slice(0, 2)).toEqual([east, support]);
      expect([...org.deptTree].sort()).toEqual([east, shanghai, support].sort());
      expect([...org.managedDeptTree].sort()).toEqual([sales, east, shanghai, west].sort());
      expect(await store.users.get(user.id)).toMatchObject({ deptIds: [east, support], primaryDeptId: east });
      // Authenticating reads the same organisation in its one query.
      const s = await store.sessions.create(user.id, ctx, { now: at(0) });
      const resolved = await store.sessions.resolve(s.token, { now: at(0) });
      expect(resolved!.org).toEqual(org);
      expect(resolved!.user).toEqual({ id: user.id, username: user.username, displayName: user.displayName, isAdmin: false, locale: null });
      const { secret } = await store.apiKeys.create(user.id, { name: 'org' }, ctx);
      expect((await store.apiKeys.resolve(secret, at(0)))!.org).toEqual(org);
      expect(await loadActorOrg(store.db, (await newUser()).id)).toEqual({ deptIds: [], deptTree: [], managedDeptTree: [] });
    });

    it('searches the audit log across apps by actor, action, time and record, newest first', async () => {
      const user = await newUser();
      await store.sessions.create(user.id, ctx, { now: at(0) });
      const mine = await store.audit.list({ actor: user.id });
      expect(mine.map((e) => e.action)).toEqual(['login']);
      const both = await store.audit.list({ action: ['user_create', 'login'], recordId: user.id });
      expect(both.map((e) => e.action)).toEqual(['login', 'user_create']);
      expect(await store.audit.list({ action: [] })).toEqual([]);
      expect(await store.audit.list({ from: '2999-01-01T00:00:00Z' })).toEqual([]);
      expect((await store.audit.list({ to: '2000-01-01T00:00:00Z' }))).toEqual([]);
      const page = await store.audit.list({ limit: 2 });
      expect(page).toHaveLength(2);
      expect(page[0]!.id).toBeGreaterThan(page[1]!.id);
      const older = await store.audit.list({ limit: 2, beforeId: page[1]!.id });
      expect(older[0]!.id).toBeLessThan(page[1]!.id);
      expect(await store.audit.list({ app: 'crm' })).toEqual([]);
    });
  });
}
