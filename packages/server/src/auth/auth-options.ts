import type { LockoutPolicy, RateLimit } from '@trellis/store';

/** The name of the session cookie. */
export const SESSION_COOKIE = 'trellis_session';
/** The header a cookie-authenticated state-changing request must carry. */
export const CSRF_HEADER = 'x-csrf-token';

/** Default login rate limit: 10 attempts per username and address per minute. */
export const DEFAULT_LOGIN_RATE_LIMIT: RateLimit = { max: 10, windowMs: 60_000 };

/** Options of authentication (all optional; tests move the clock and tighten the limits). */
export interface AuthOptions {
  /** The clock of sessions, lockouts and API-key expiry (default the system clock). */
  readonly now?: () => Date;
  /** Idle timeout of a session in ms (default 8 h). */
  readonly idleMs?: number;
  /** Absolute lifetime of a session in ms (default 7 days). */
  readonly absoluteMs?: number;
  /** Login attempts per username and client address (default 10 a minute). */
  readonly loginRateLimit?: RateLimit;
  /** Consecutive failures that lock an account, and for how long (default 5, 15 min). */
  readonly lockout?: LockoutPolicy;
  /** Mark the session cookie `Secure` (default: `TRELLIS_SECURE_COOKIE=1`). */
  readonly secureCookie?: boolean;
}

/** The options with every default filled in. */
export interface ResolvedAuthOptions {
  readonly now: () => Date;
  readonly idleMs: number | undefined;
  readonly absoluteMs: number | undefined;
  readonly loginRateLimit: RateLimit;
  readonly lockout: LockoutPolicy | undefined;
  readonly secureCookie: boolean;
}

/**
 * Fills in the defaults of {@link AuthOptions}.
 *
 * @example
 * const auth = resolveAuthOptions({ idleMs: 60_000 });
 */
export function resolveAuthOptions(options: AuthOptions = {}): ResolvedAuthOptions {
  return {
    now: options.now ?? (() => new Date()),
    idleMs: options.idleMs,
    absoluteMs: options.absoluteMs,
    loginRateLimit: options.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT,
    lockout: options.lockout,
    secureCookie: options.secureCookie ?? process.env.TRELLIS_SECURE_COOKIE === '1',
  };
}
