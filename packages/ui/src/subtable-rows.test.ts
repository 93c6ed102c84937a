import { describe, expect, it } from 'vitest';
import { moveBy, newRow, removeAt, rowsOf, setCell } from './subtable-rows.js';
import { subtableText } from './subtable-messages.js';

describe('sub-table rows', () => {
  it('reads a value as rows', () => {
    expect(rowsOf(null)).toEqual([]);
    expect(rowsOf('x')).toEqual([]);
    expect(rowsOf([{ a: 1 }, 5])).toEqual([{ a: 1 }, {}]);
  });

  it('starts a new row with the static defaults of its columns', () => {
    expect(newRow([{ id: 'a', key: 'qty', type: 'number', label: 'Qty', defaultValue: 1 }, { id: 'b', key: 'name', type: 'text', label: 'Name' }])).toEqual({ qty: 1 });
  });

  it('edits, removes and moves rows without touching the others', () => {
    const rows = [{ id: 'r1', a: 1 }, { a: 2 }, { a: 3 }];
    expect(setCell(rows, 1, 'a', 20)).toEqual([{ id: 'r1', a: 1 }, { a: 20 }, { a: 3 }]);
    expect(removeAt(rows, 0)).toEqual([{ a: 2 }, { a: 3 }]);
    expect(moveBy(rows, 0, 1)).toEqual([{ a: 2 }, { id: 'r1', a: 1 }, { a: 3 }]);
    expect(moveBy(rows, 2, -1)).toEqual([{ id: 'r1', a: 1 }, { a: 3 }, { a: 2 }]);
    expect(moveBy(rows, 0, -1)).toEqual(rows);
    expect(moveBy(rows, 2, 1)).toEqual(rows);
  });

  it('speaks both languages', () => {
    expect(subtableText('zh-CN', 'subtableRemoveRow', 2)).toBe('删除第 2 行');
    expect(subtableText('en', 'subtableMoveUp', 3)).toBe('Move row 3 up');
  });
});
