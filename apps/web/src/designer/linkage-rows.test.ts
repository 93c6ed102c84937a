import { describe, expect, it } from 'vitest';
import type { FieldDef } from '@trellis/schema';
import { linkageRowChoices, withRowMapping } from './linkage-rows.js';

const col = (key: string, type: string): FieldDef => ({ id: `c_${key}`, key, type, label: key });
const lines: FieldDef = { id: 'f_lines', key: 'lines', type: 'subtable', label: 'Lines', options: { fields: [col('code', 'text'), col('count', 'number'), col('due', 'date')] } };
const parts: FieldDef = { id: 'f_parts', key: 'parts', type: 'subtable', label: 'Parts', options: { fields: [col('sku', 'text'), col('name', 'text'), col('qty', 'number')] } };

describe('data linkage into a sub-table (designer)', () => {
  it('offers each column the source columns of the same value type, none before a source is chosen', () => {
    expect(linkageRowChoices(lines, parts).map((c) => [c.column.key, c.from.map((f) => f.key)])).toEqual([
      ['code', ['sku', 'name']],
      ['count', ['qty']],
      ['due', []],
    ]);
    expect(linkageRowChoices(lines, undefined).map((c) => c.from)).toEqual([[], [], []]);
  });

  it('sets and clears one column of the mapping', () => {
    expect(withRowMapping({ code: 'sku' }, 'count', 'qty')).toEqual({ code: 'sku', count: 'qty' });
    expect(withRowMapping({ code: 'sku', count: 'qty' }, 'code', '')).toEqual({ count: 'qty' });
  });
});
