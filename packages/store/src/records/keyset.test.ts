import { describe, expect, it } from 'vitest';
import { buildFormMeta } from './form-catalog.js';
import { decodeCursor, encodeCursor, resolveSort } from './keyset.js';
import { escapeLike } from './text-search.js';

const meta = buildFormMeta('crm', 'deal', 'deal', [
  { fieldId: 'a', key: 'amount', column: 'amount', valueType: 'number' },
  { fieldId: 't', key: 'tags', column: 'tags', valueType: 'text_list' },
  { fieldId: 'n', key: 'town', column: 'city', valueType: 'text' },
]);

describe('keyset paging helpers', () => {
  it('sorts newest first by default and always ends on id as a tie-breaker', () => {
    expect(resolveSort(meta, undefined).map((s) => [s.name, s.direction])).toEqual([
      ['created_at', 'desc'],
      ['id', 'desc'],
    ]);
    expect(resolveSort(meta, [{ field: 'town', direction: 'asc' }]).map((s) => [s.name, s.column, s.direction])).toEqual([
      ['town', 'city', 'asc'],
      ['id', 'id', 'asc'],
    ]);
  });

  it('refuses list-valued and unknown sort names, reporting each', () => {
    expect(() => resolveSort(meta, [{ field: 'tags', direction: 'asc' }, { field: 'x', direction: 'desc' }])).toThrow(
      expect.objectContaining({ code: 'STORE_SORT_INVALID', details: [expect.objectContaining({ path: '/sort/0' }), expect.objectContaining({ path: '/sort/1' })] }),
    );
  });

  it('round-trips a cursor and refuses it under another sort', () => {
    const sort = resolveSort(meta, [{ field: 'amount', direction: 'asc' }]);
    const cursor = encodeCursor(sort, { amount: null, id: 'abc' });
    expect(decodeCursor(sort, cursor)).toEqual([null, 'abc']);
    expect(() => decodeCursor(resolveSort(meta, [{ field: 'amount', direction: 'desc' }]), cursor)).toThrow(expect.objectContaining({ code: 'STORE_CURSOR_INVALID' }));
  });

  it('refuses a cursor with a null for a column that is never null', () => {
    const sort = resolveSort(meta, undefined);
    const forged = Buffer.from(JSON.stringify({ s: 'created_at:desc,id:desc', v: [null, 'x'] })).toString('base64url');
    expect(() => decodeCursor(sort, forged)).toThrow(expect.objectContaining({ code: 'STORE_CURSOR_INVALID' }));
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});
