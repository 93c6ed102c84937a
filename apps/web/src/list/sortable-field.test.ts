import { describe, expect, it } from 'vitest';
import { isSortableField } from './sortable-field.js';

const f = (type: string, options?: Record<string, unknown>) => ({ id: type, key: type, type, label: type, ...(options ? { options } : {}) });

describe('isSortableField', () => {
  it('sorts by scalar columns, not by lists, long text or sub-tables', () => {
    expect(isSortableField(f('text'))).toBe(true);
    expect(isSortableField(f('number'))).toBe(true);
    expect(isSortableField(f('long_text'))).toBe(false);
    expect(isSortableField(f('multi_select', { choices: [] }))).toBe(false);
    expect(isSortableField(f('tags'))).toBe(false);
    expect(isSortableField(f('subtable', { fields: [] }))).toBe(false);
    expect(isSortableField(f('no_such_type'))).toBe(false);
  });
});
