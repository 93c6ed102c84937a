/** Settings of a {@link FixedWindowRateLimiter}. */
export interface RateLimitOptions {
  /** Requests a key may make per window. */
  readonly max: number;
  /** Window length in milliseconds. */
  readonly windowMs: number;
  /** Keys tracked at most; past it, expired windows are swept and then the oldest dropped (default 10 000). */
  readonly maxKeys?: number;
}

/** The verdict on one request. */
export type RateLimitVerdict = { readonly allowed: true; readonly remaining: number } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Window {
  readonly start: number;
  count: number;
}

/**
 * A small in-memory fixed-window rate limiter, per key (the client IP). It lives in one
 * process: behind several server processes each counts on its own, so the effective limit
 * is `max × processes` (see docs/decisions/0005-public-form-abuse-guards.md). Memory is
 * bounded by `maxKeys`.
 *
 * @example
 * const limiter = new FixedWindowRateLimiter({ max: 10, windowMs: 60_000 });
 * const v = limiter.hit(request.ip); if (!v.allowed) reply.header('retry-after', v.retryAfterSeconds);
 */
export class FixedWindowRateLimiter {
  readonly #max: number;
  readonly #windowMs: number;
  readonly #maxKeys: number;
  readonly #now: () => number;
  readonly #windows = new Map<string, Window>();

  constructor(options: RateLimitOptions, now: () => number = Date.now) {
    if (!Number.isInteger(options.max) || options.max < 1) throw new RangeError(`[server] rate limit max must be a positive integer, got ${options.max}`);
    if (!(options.windowMs >= 1)) throw new RangeError(`[server] rate limit window must be at least 1 ms, got ${options.windowMs}`);
    this.#max = options.max;
    this.#windowMs = options.windowMs;
    this.#maxKeys = options.maxKeys ?? 10_000;
    this.#now = now;
  }

  /** Counts one request of `key` and says whether it may go on. */
  hit(key: string): RateLimitVerdict {
    const now = this.#now();
    let w = this.#windows.get(key);
    if (w === undefined || now - w.start >= this.#windowMs) {
      if (w === undefined && this.#windows.size >= this.#maxKeys) this.#makeRoom(now);
      w = { start: now, count: 0 };
      this.#windows.delete(key); // re-insert so Map order stays oldest-first
      this.#windows.set(key, w);
    }
    if (w.count >= this.#max) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((w.start + this.#windowMs - now) / 1000)) };
    }
    w.count++;
    return { allowed: true, remaining: this.#max - w.count };
  }

  /** Number of keys currently tracked (for tests and diagnostics). */
  get size(): number {
    return this.#windows.size;
  }

  #makeRoom(now: number): void {
    for (const [key, w] of this.#windows) if (now - w.start >= this.#windowMs) this.#windows.delete(key);
    // Still full: forget the oldest windows (a flood of distinct IPs must not grow memory without bound).
    for (const key of this.#windows.keys()) {
      if (this.#windows.size < this.#maxKeys) break;
      this.#windows.delete(key);
    }
  }
}
