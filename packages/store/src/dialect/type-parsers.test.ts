import { describe, expect, it } from 'vitest';
import { timestamptzToIso } from './type-parsers.js';

const general = (raw: string) => new Date(raw.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));

describe('timestamptzToIso', () => {
  it('turns UTC text into ISO with exactly three fraction digits', () => {
    expect(timestamptzToIso('2026-01-02 03:04:05+00', general)).toBe('2026-01-02T03:04:05.000Z');
    expect(timestamptzToIso('2026-01-02 03:04:05.6+00', general)).toBe('2026-01-02T03:04:05.600Z');
    expect(timestamptzToIso('2026-01-02 03:04:05.123+00', general)).toBe('2026-01-02T03:04:05.123Z');
    expect(timestamptzToIso('2026-01-02 03:04:05.123456+00', general)).toBe('2026-01-02T03:04:05.123Z');
  });

  it('takes the general path for other zones and leaves non-dates as they are', () => {
    expect(timestamptzToIso('2026-01-02 03:04:05+02', general)).toBe('2026-01-02T01:04:05.000Z');
    expect(timestamptzToIso('infinity', () => new Date(NaN))).toBe('infinity');
  });
});
