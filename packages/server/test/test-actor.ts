import type { PermissionAction } from '@trellis/schema';
import type { Store } from '@trellis/store';

/** Inserts a user directly into `trellis.users` (no password: tests act through sessions); returns its id. */
export async function insertUser(store: Store, username: string, options: { isAdmin?: boolean } = {}): Promise<string> {
  const row = await store.db
    .insertInto('trellis.users')
    .values({ username, display_name: username, email: null, password_hash: null, is_admin: options.isAdmin === true, locale: null, locked_until: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Real credentials for tests that act as many users: a session (cookie and CSRF header) per
 * user, or an API key of the user narrowed to some actions (a bearer token), created once
 * through the store and reused. The server authenticates them exactly as it does any request.
 *
 * @example const creds = new TestCredentials(store); await app.inject({ url, headers: await creds.headers(repId) });
 */
export class TestCredentials {
  readonly #store: Store;
  readonly #cache = new Map<string, Promise<Record<string, string>>>();

  constructor(store: Store) {
    this.#store = store;
  }

  /** Headers that make a request act as `userId`, or as an API key of theirs narrowed to `keyActions`. */
  headers(userId: string, keyActions?: readonly PermissionAction[]): Promise<Record<string, string>> {
    const cacheKey = `${userId}|${keyActions?.join(',') ?? ''}`;
    let headers = this.#cache.get(cacheKey);
    if (headers === undefined) {
      headers = this.#create(userId, keyActions);
      this.#cache.set(cacheKey, headers);
    }
    return headers;
  }

  async #create(userId: string, keyActions?: readonly PermissionAction[]): Promise<Record<string, string>> {
    if (keyActions !== undefined) {
      const { secret } = await this.#store.apiKeys.create(userId, { name: `test ${keyActions.join(',')}`, actions: keyActions }, { actor: userId });
      return { authorization: `Bearer ${secret}` };
    }
    const session = await this.#store.sessions.create(userId, { actor: userId });
    return { cookie: `trellis_session=${session.token}`, 'x-csrf-token': session.csrfToken };
  }
}
