import { describe, expect, it } from 'vitest';
import { parseNumberInput } from './number-input.js';
import { isoToLocalInput, localInputToIso } from './datetime-input.js';

describe('parseNumberInput', () => {
  it('reads plain, signed, decimal and grouped numbers', () => {
    expect(parseNumberInput('42')).toBe(42);
    expect(parseNumberInput(' -3.5 ')).toBe(-3.5);
    expect(parseNumberInput('1,200.5')).toBe(1200.5);
    expect(parseNumberInput('.5')).toBe(0.5);
    expect(parseNumberInput('1e3')).toBe(1000);
  });

  it('returns null for empty input', () => {
    expect(parseNumberInput('   ')).toBeNull();
  });

  it('passes text that is not a number through, so validation can report it', () => {
    expect(parseNumberInput('12abc')).toBe('12abc');
    expect(parseNumberInput('-')).toBe('-');
  });
});

describe('datetime-local conversions', () => {
  it('round-trips an instant through the local input format at minute precision', () => {
    const iso = '2026-11-22T06:40:00.000Z';
    expect(localInputToIso(isoToLocalInput(iso))).toBe(iso);
  });

  it('maps empty values to an empty input and an empty input to null', () => {
    expect(isoToLocalInput(null)).toBe('');
    expect(isoToLocalInput('garbage')).toBe('');
    expect(localInputToIso('')).toBeNull();
  });

  it('passes an unparseable input through unchanged', () => {
    expect(localInputToIso('tomorrow')).toBe('tomorrow');
  });
});
