import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { SYSTEM_SCHEMA } from '../system-tables.js';

/** A limit: at most `max` hits per key in each fixed window of `windowMs` milliseconds. */
export interface RateLimit {
  readonly max: number;
  readonly windowMs: number;
}

/** The verdict on one hit: allowed with the hits left, or refused with the seconds until the window ends. */
export type RateLimitHit = { readonly allowed: true; readonly remaining: number } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** How often (1 in N hits) a hit also deletes windows that ended more than a minute ago. */
const SWEEP_EVERY = 200;

/**
 * Fixed-window rate limits kept in the database (`trellis.rate_limits`), so that every
 * server process sharing one PostgreSQL counts together. Windows are aligned on the
 * database clock; keys (client IPs, user names) are stored as SHA-256 hashes only. One hit
 * is one upsert; expired windows are swept now and then by the hits themselves.
 *
 * @example
 * const v = await store.rateLimits.hit('public-submit', request.ip, { max: 20, windowMs: 60_000 });
 * if (!v.allowed) reply.header('retry-after', String(v.retryAfterSeconds));
 */
export class RateLimitRepository {
  readonly #db: Kysely<any>;
  readonly #random: () => number;

  constructor(db: Kysely<any>, random: () => number = Math.random) {
    this.#db = db;
    this.#random = random;
  }

  /** Counts one hit of `key` in `bucket` and says whether it may go on. */
  async hit(bucket: string, key: string, limit: RateLimit): Promise<RateLimitHit> {
    if (!Number.isInteger(limit.max) || limit.max < 1) throw new RangeError(`[store] rate limit max must be a positive integer, got ${limit.max}`);
    if (!Number.isInteger(limit.windowMs) || limit.windowMs < 1) throw new RangeError(`[store] rate limit window must be a whole number of milliseconds ≥ 1, got ${limit.windowMs}`);
    const keyHash = createHash('sha256').update(bucket).update('\0').update(key).digest('base64url');
    const windowMs = limit.windowMs;
    // The window start, aligned on the database clock: floor(epoch ms / window) * window.
    const start = sql`to_timestamp(floor(extract(epoch from clock_timestamp()) * 1000 / ${windowMs}::float8) * ${windowMs}::float8 / 1000)`;
    const { rows } = await sql<{ hits: number; retry_ms: string | number }>`
      insert into ${sql.id(SYSTEM_SCHEMA, 'rate_limits')} as r (bucket, key_hash, window_start, expires_at, hits)
      values (${bucket}, ${keyHash}, ${start}, ${start} + make_interval(secs => ${windowMs}::float8 / 1000), 1)
      on conflict (bucket, key_hash, window_start) do update set hits = r.hits + 1
      returning r.hits, extract(epoch from (r.expires_at - clock_timestamp())) * 1000 as retry_ms`.execute(this.#db);
    if (this.#random() * SWEEP_EVERY < 1) await this.sweep();
    const row = rows[0]!;
    const hits = Number(row.hits);
    if (hits > limit.max) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Number(row.retry_ms) / 1000)) };
    return { allowed: true, remaining: limit.max - hits };
  }

  /** Deletes windows that ended more than a minute ago; returns how many. */
  async sweep(): Promise<number> {
    const r = await this.#db
      .withSchema(SYSTEM_SCHEMA)
      .deleteFrom('rate_limits')
      .where('expires_at', '<', sql<string>`clock_timestamp() - interval '1 minute'`)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
