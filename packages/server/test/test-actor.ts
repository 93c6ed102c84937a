import type { PermissionAction } from '@trellis/schema';
import type { Store } from '@trellis/store';
import type { Actor, FastifyInstance } from '../src/index.js';

/**
 * Test-only stand-in for login (the identity issue's session hook is not on this branch):
 * a request names the user it acts as in `x-test-user` (a user id); `x-test-key-actions`
 * (comma-separated) makes it an API key of that user narrowed to those actions. No header:
 * anonymous. The actor is read from the database on every request, like the real hook does.
 */
export const TEST_USER_HEADER = 'x-test-user';
export const TEST_KEY_ACTIONS_HEADER = 'x-test-key-actions';

/** Inserts a user directly into `trellis.users`; returns its id. */
export async function insertUser(store: Store, username: string, options: { isAdmin?: boolean } = {}): Promise<string> {
  const row = await store.db
    .insertInto('trellis.users')
    .values({ username, display_name: username, email: null, password_hash: null, is_admin: options.isAdmin === true, locale: null, locked_until: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The actor of a user as the session hook would build it (departments and trees read fresh). */
export async function loadTestActor(store: Store, userId: string, keyActions?: readonly PermissionAction[]): Promise<Actor | null> {
  const user = await store.db.selectFrom('trellis.users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (user === undefined || user.status !== 'active') return null;
  const org = await store.departments.actorOrg(userId);
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    isAdmin: user.is_admin,
    locale: user.locale,
    deptIds: org.deptIds,
    deptTree: org.deptTree,
    managedDeptTree: org.managedDeptTree,
    via: keyActions === undefined ? 'session' : 'apiKey',
    ...(keyActions === undefined ? {} : { apiKey: { id: 'test-key', apps: null, actions: keyActions } }),
  };
}

/**
 * Registers the test actor hook on a built server (before its first request).
 *
 * @example registerTestActor(app, store); await app.inject({ url, headers: { [TEST_USER_HEADER]: repId } });
 */
export function registerTestActor(app: FastifyInstance, store: Store): void {
  app.addHook('onRequest', async (request) => {
    const user = request.headers[TEST_USER_HEADER];
    if (typeof user !== 'string' || user === '') return;
    const actions = request.headers[TEST_KEY_ACTIONS_HEADER];
    request.actor = await loadTestActor(store, user, typeof actions === 'string' ? (actions.split(',').filter(Boolean) as PermissionAction[]) : undefined);
  });
}

/** Headers that make a request act as `userId` (optionally as an API key narrowed to `keyActions`). */
export function as(userId: string, keyActions?: readonly PermissionAction[]): Record<string, string> {
  return { [TEST_USER_HEADER]: userId, ...(keyActions === undefined ? {} : { [TEST_KEY_ACTIONS_HEADER]: keyActions.join(',') }) };
}
