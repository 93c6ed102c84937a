import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateDif, fixed, makeDate, roundTo } from './formula-runtime.js';

/** The reference: round the shortest decimal text of x (what JS prints), digit by digit. */
function decimalRound(x: number, d: number, mode: 'round' | 'up' | 'down'): number {
  const shift = (v: number, k: number) => {
    const s = String(v);
    const e = s.indexOf('e');
    return e < 0 ? Number(`${s}e${k}`) : Number(`${s.slice(0, e)}e${Number(s.slice(e + 1)) + k}`);
  };
  const y = shift(Math.abs(x), d);
  const i = mode === 'round' ? Math.round(y) : mode === 'up' ? Math.ceil(y) : Math.floor(y);
  const r = shift(i, -d);
  const out = x < 0 ? -r : r;
  return out === 0 ? 0 : out;
}

describe('roundTo', () => {
  it('rounds in decimal like a spreadsheet', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(0.1 + 0.2, 1, 'up')).toBe(0.4);
    expect(roundTo(1.1, 2, 'up')).toBe(1.1);
    expect(roundTo(1250, -2)).toBe(1300);
    expect(roundTo(-0.001, 2)).toBe(0);
    expect(Object.is(roundTo(-0.001, 2), -0)).toBe(false);
  });

  it('its binary fast path gives exactly the decimal answer', () => {
    const values = fc.oneof(
      fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -10_000_000, max: 10_000_000 }).map((i) => i / 1000),
      fc.integer({ min: -100_000, max: 100_000 }).map((i) => i / 8 + 0.005),
    );
    fc.assert(
      fc.property(values, fc.integer({ min: -3, max: 8 }), fc.constantFrom('round', 'up', 'down'), (x, d, mode) => {
        expect(roundTo(x, d, mode)).toBe(decimalRound(x, d, mode));
      }),
      { numRuns: 20_000 },
    );
  });

  it('fixed writes exactly the decimals', () => {
    expect(fixed(1.5, 2)).toBe('1.50');
    expect(fixed(-0.001, 2)).toBe('0.00');
    expect(fixed(1e15, 2)).toBe(null);
  });
});

describe('dates', () => {
  it('dateDif counts calendar days, complete months and years', () => {
    expect(dateDif('2024-02-28', '2024-03-01', 'D')).toBe(2);
    expect(dateDif('2023-02-28', '2023-03-01', 'D')).toBe(1);
    expect(dateDif('1969-12-31', '2000-03-01', 'D')).toBe(11_018);
    expect(dateDif('2024-01-31', '2024-02-29', 'M')).toBe(0);
    expect(dateDif('2024-01-31', '2024-03-31', 'M')).toBe(2);
    expect(dateDif('2024-02-29', '2028-02-29', 'Y')).toBe(4);
    expect(dateDif('2026-02-30', '2026-03-02', 'D')).toBe(0); // an impossible date is read as JS reads it (March 2)
    expect(dateDif('x', '2026-03-02', 'D')).toBe(null);
  });

  it('makeDate rolls over like a spreadsheet', () => {
    expect(makeDate(2024, 2, 30)).toBe('2024-03-01');
    expect(makeDate(2024, 0, 1)).toBe('2023-12-01');
    expect(makeDate(99, 1, 1)).toBe('0099-01-01');
    expect(makeDate(10_000, 1, 1)).toBe(null);
  });
});
