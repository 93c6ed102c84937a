import { describe, expect, it } from 'vitest';
import { FixedWindowRateLimiter } from './rate-limiter.js';

describe('FixedWindowRateLimiter', () => {
  it('allows max requests per window and key, then refuses with the seconds left, and opens again in the next window', () => {
    let now = 1_000_000;
    const limiter = new FixedWindowRateLimiter({ max: 3, windowMs: 60_000 }, () => now);
    expect([1, 2, 3].map(() => limiter.hit('1.2.3.4').allowed)).toEqual([true, true, true]);
    now += 15_500;
    expect(limiter.hit('1.2.3.4')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limiter.hit('5.6.7.8')).toEqual({ allowed: true, remaining: 2 });
    now += 44_500;
    expect(limiter.hit('1.2.3.4')).toEqual({ allowed: true, remaining: 2 });
  });

  it('keeps at most maxKeys keys, sweeping expired windows first', () => {
    let now = 0;
    const limiter = new FixedWindowRateLimiter({ max: 1, windowMs: 1000, maxKeys: 3 }, () => now);
    limiter.hit('a');
    limiter.hit('b');
    limiter.hit('c');
    now = 2000;
    limiter.hit('d');
    expect(limiter.size).toBe(1);
    limiter.hit('e');
    limiter.hit('f');
    limiter.hit('g');
    expect(limiter.size).toBe(3);
    expect(limiter.hit('g').allowed).toBe(false);
  });

  it('refuses nonsensical settings', () => {
    expect(() => new FixedWindowRateLimiter({ max: 0, windowMs: 1000 })).toThrow(/positive integer/);
    expect(() => new FixedWindowRateLimiter({ max: 1, windowMs: 0 })).toThrow(/at least 1 ms/);
  });
});
