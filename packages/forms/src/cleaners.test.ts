import { describe, expect, it } from 'vitest';
import { cleanBoolean, cleanDate, cleanDateTime, cleanNumber, cleanText } from './cleaners.js';

describe('cleanText', () => {
  it('trims and turns blank text into null', () => {
    expect(cleanText('  华为  ')).toBe('华为');
    expect(cleanText('')).toBeNull();
    expect(cleanText(' \t\n')).toBeNull();
  });
  it('turns finite numbers into strings and leaves other types for validation', () => {
    expect(cleanText(13800138000)).toBe('13800138000');
    expect(cleanText(true)).toBe(true);
    expect(cleanText({ a: 1 })).toEqual({ a: 1 });
  });
});

describe('cleanNumber', () => {
  it.each([
    ['1,200.50', 1200.5],
    [' 42 ', 42],
    ['-3.5', -3.5],
    ['+7', 7],
    ['1 000 000', 1000000],
    ['１２３', 123],
    ['1，234', 1234],
    ['.5', 0.5],
    ['1e3', 1000],
  ])('parses %j as %j', (input, expected) => expect(cleanNumber(input)).toBe(expected));
  it('turns blank text into null', () => expect(cleanNumber('  ')).toBeNull());
  it('leaves text that is not a number unchanged', () => {
    expect(cleanNumber('12abc')).toBe('12abc');
    expect(cleanNumber('1.2.3')).toBe('1.2.3');
    expect(cleanNumber('abc')).toBe('abc');
  });
  it('keeps numbers and leaves booleans for validation', () => {
    expect(cleanNumber(3.25)).toBe(3.25);
    expect(cleanNumber(true)).toBe(true);
  });
});

describe('cleanDate', () => {
  it.each([
    ['2024-05-01', '2024-05-01'],
    ['2024-5-1', '2024-05-01'],
    ['2024/05/01', '2024-05-01'],
    ['2024.5.1', '2024-05-01'],
    ['2024年5月1日', '2024-05-01'],
    ['20240501', '2024-05-01'],
    ['2024-05-01T23:00:00Z', '2024-05-01'],
    [' 2024-02-29 ', '2024-02-29'],
  ])('normalises %j to %j', (input, expected) => expect(cleanDate(input)).toBe(expected));
  it('takes the UTC date of a Date object', () => expect(cleanDate(new Date('2024-05-01T10:00:00Z'))).toBe('2024-05-01'));
  it('leaves impossible dates and other text unchanged', () => {
    expect(cleanDate('2023-02-29')).toBe('2023-02-29');
    expect(cleanDate('2024-13-01')).toBe('2024-13-01');
    expect(cleanDate('tomorrow')).toBe('tomorrow');
  });
  it('turns blank text into null', () => expect(cleanDate('')).toBeNull());
});

describe('cleanDateTime', () => {
  it.each([
    ['2024-05-01T10:00:00+08:00', '2024-05-01T02:00:00.000Z'],
    ['2024-05-01T10:00:00.5Z', '2024-05-01T10:00:00.500Z'],
    ['2024-05-01 10:30', '2024-05-01T10:30:00.000Z'],
    ['2024/5/1 8:05:09', '2024-05-01T08:05:09.000Z'],
    ['2024-05-01', '2024-05-01T00:00:00.000Z'],
    ['2024-05-01T00:30:00-0130', '2024-05-01T02:00:00.000Z'],
  ])('normalises %j to %j', (input, expected) => expect(cleanDateTime(input)).toBe(expected));
  it('accepts Date objects and epoch milliseconds', () => {
    expect(cleanDateTime(new Date(Date.UTC(2024, 4, 1, 2)))).toBe('2024-05-01T02:00:00.000Z');
    expect(cleanDateTime(0)).toBe('1970-01-01T00:00:00.000Z');
  });
  it('leaves impossible times and other text unchanged', () => {
    expect(cleanDateTime('2024-05-01T25:00')).toBe('2024-05-01T25:00');
    expect(cleanDateTime('2023-02-30T10:00Z')).toBe('2023-02-30T10:00Z');
    expect(cleanDateTime('soon')).toBe('soon');
  });
});

describe('cleanBoolean', () => {
  it.each([
    [true, true], [false, false], ['true', true], ['FALSE', false], [1, true], [0, false],
    ['1', true], ['0', false], ['yes', true], ['no', false], ['是', true], ['否', false],
  ])('reads %j as %j', (input, expected) => expect(cleanBoolean(input)).toBe(expected));
  it('turns blank text into null and leaves anything else for validation', () => {
    expect(cleanBoolean(' ')).toBeNull();
    expect(cleanBoolean('maybe')).toBe('maybe');
    expect(cleanBoolean(2)).toBe(2);
  });
});
