import { hash, verify } from '@node-rs/argon2';
import { ServerErrors } from '../errors.js';

/** The password policy: at least this many characters. */
export const MIN_PASSWORD_LENGTH = 8;
/** …and at most this many (argon2 takes any length; this bounds the work an attacker can ask for). */
export const MAX_PASSWORD_LENGTH = 256;

/** argon2id, OWASP's second recommended setting (19 MiB, 2 passes, 1 lane). */
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * Hashes a password with argon2id (salted; the PHC string holds the parameters).
 *
 * @example
 * const passwordHash = await hashPassword('correct horse battery');
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/**
 * Checks a password against its argon2id hash; false for a malformed hash instead of throwing.
 *
 * @example
 * if (!(await verifyPassword(user.passwordHash, body.password))) …
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one verification on a hash no password matches, so a login for an
 * unknown user takes about as long as one for a known user with a wrong password.
 *
 * @example
 * if (user === undefined) { await verifyDummy(password); throw invalidCredentials(); }
 */
export async function verifyDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword(`trellis-dummy-${Math.random()}`);
  await verifyPassword(await dummyHash, password);
}

/**
 * Throws `AUTH_PASSWORD_WEAK` (400) when a new password breaks the policy (8 to 256
 * characters), with the message in the request's language and `path` naming the field.
 *
 * @example
 * assertPasswordPolicy(body.newPassword, '/newPassword', 'en');
 */
export function assertPasswordPolicy(password: string, path: string, locale: string): void {
  const length = [...password].length;
  if (length >= MIN_PASSWORD_LENGTH && length <= MAX_PASSWORD_LENGTH) return;
  const tooShort = length < MIN_PASSWORD_LENGTH;
  const message =
    locale === 'en'
      ? tooShort
        ? `the password must have at least ${MIN_PASSWORD_LENGTH} characters`
        : `the password must have at most ${MAX_PASSWORD_LENGTH} characters`
      : tooShort
        ? `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符`
        : `密码最多 ${MAX_PASSWORD_LENGTH} 个字符`;
  throw ServerErrors.create('AUTH_PASSWORD_WEAK', `[server] ${message}`, [{ path, message }]);
}
