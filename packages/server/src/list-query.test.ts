import { describe, expect, it } from 'vitest';
import { parseFilterJson, parseSort } from './list-query.js';

function thrown(fn: () => unknown): { code: string; details: { path: string; message: string }[] } {
  try {
    fn();
  } catch (e) {
    return e as never;
  }
  throw new Error('expected an error');
}

describe('parseSort', () => {
  it('reads - as descending and keeps the order of the keys', () => {
    expect(parseSort('-amount, name', ['name', 'amount'])).toEqual([
      { field: 'amount', direction: 'desc' },
      { field: 'name', direction: 'asc' },
    ]);
  });

  it('returns no keys for an absent or blank sort', () => {
    expect(parseSort(undefined, ['a'])).toEqual([]);
    expect(parseSort('  ', ['a'])).toEqual([]);
  });

  it('refuses unknown, empty and repeated fields with STORE_SORT_INVALID naming each', () => {
    const e = thrown(() => parseSort('nope,-name,,name', ['name']));
    expect(e.code).toBe('STORE_SORT_INVALID');
    expect(e.details.map((d) => d.path)).toEqual(['/query/sort/0', '/query/sort/2', '/query/sort/3']);
    expect(e.details[0]!.message).toContain("'nope' is not a field");
  });
});

describe('parseFilterJson', () => {
  it('parses a JSON condition', () => {
    expect(parseFilterJson('{"==":[{"var":"a"},1]}')).toEqual({ '==': [{ var: 'a' }, 1] });
    expect(parseFilterJson(undefined)).toBeUndefined();
  });

  it('refuses malformed JSON with SERVER_FILTER_INVALID at /query/filter', () => {
    const e = thrown(() => parseFilterJson('{"==":[{"var":"a"},1]'));
    expect(e.code).toBe('SERVER_FILTER_INVALID');
    expect(e.details[0]!.path).toBe('/query/filter');
  });
});
