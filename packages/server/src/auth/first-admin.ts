import { randomBytes } from 'node:crypto';
import type { Store } from '@trellis/store';
import { assertPasswordPolicy, hashPassword } from './password-hasher.js';

/** What {@link ensureFirstAdmin} did. */
export interface FirstAdminResult {
  /** True only for the one call that created the administrator. */
  readonly created: boolean;
  readonly username: 'admin';
  /** The generated password (only when created without a given one): show it once. */
  readonly generatedPassword?: string;
}

/**
 * Creates the administrator `admin` exactly once per database, however many processes or
 * calls race: the store claims the setup step `first_admin` in the same transaction that
 * creates the account. The password is `options.password` (e.g. `TRELLIS_ADMIN_PASSWORD`),
 * checked against the password policy, or a generated one returned to the caller.
 *
 * @example
 * const r = await ensureFirstAdmin(store, { password: process.env.TRELLIS_ADMIN_PASSWORD });
 * if (r.generatedPassword) console.error(`admin password: ${r.generatedPassword}`);
 */
export async function ensureFirstAdmin(store: Store, options: { readonly password?: string | undefined; readonly now?: Date } = {}): Promise<FirstAdminResult> {
  const given = options.password !== undefined && options.password !== '' ? options.password : undefined;
  if (given !== undefined) assertPasswordPolicy(given, '/TRELLIS_ADMIN_PASSWORD', 'en');
  // Cheap check first, so a normal restart does not spend a hash.
  const done = await store.db.selectFrom('trellis.setup').select('step').where('step', '=', 'first_admin').executeTakeFirst();
  if (done !== undefined) return { created: false, username: 'admin' };
  const password = given ?? randomBytes(15).toString('base64url');
  const user = await store.users.createFirstAdmin(await hashPassword(password), { actor: null }, options.now);
  if (user === undefined) return { created: false, username: 'admin' };
  return { created: true, username: 'admin', ...(given === undefined ? { generatedPassword: password } : {}) };
}
