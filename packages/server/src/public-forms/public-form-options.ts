import type { RateLimitOptions } from './rate-limiter.js';

/** Settings of the public forms (anonymous submissions). */
export interface PublicFormsOptions {
  /** Submissions per IP address and window (default {@link DEFAULT_PUBLIC_RATE_LIMIT}: 20 per minute). */
  readonly rateLimit?: RateLimitOptions;
  /**
   * Where the rate limit counts: `database` (default) in the store's `rate_limits` table, so every
   * server process on one PostgreSQL shares the limit; `memory` in this process only.
   */
  readonly rateLimitStore?: 'database' | 'memory';
  /** Largest submission body in bytes (default {@link DEFAULT_PUBLIC_BODY_LIMIT}, 64 KiB); larger ones get 413. */
  readonly bodyLimit?: number;
}

/** Default rate limit of public submissions: 20 per IP address per minute. */
export const DEFAULT_PUBLIC_RATE_LIMIT: RateLimitOptions = { max: 20, windowMs: 60_000 };

/** Default body limit of a public submission: 64 KiB (the record API allows 1 MiB). */
export const DEFAULT_PUBLIC_BODY_LIMIT = 64 * 1024;

/** The body property that is the honeypot: the public page hides an input of this name from people. */
export const HONEYPOT_FIELD = 'website';
