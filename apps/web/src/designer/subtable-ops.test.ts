import { describe, expect, it } from 'vitest';
import { fieldTypes, validateApp } from '@trellis/forms';
import type { FieldDef } from '@trellis/schema';
import { addField, emptyApp } from './draft-ops.js';
import { newField } from './new-field.js';
import { createDesignerStore } from './store/index.js';
import { addColumn, canBeColumn, columnsOf, columnSelection, moveColumn, newColumn, nudgeColumn, parseColumnSelection, removeColumn, updateColumn } from './subtable-ops.js';

const col = (key: string, type = 'text'): FieldDef => ({ id: `c_${key}`, key, type, label: key });
function app() {
  const base = emptyApp('shop', 'Shop', 'purchase', 'Purchase');
  const items = newField(fieldTypes.require('subtable'), base.forms[0]!);
  return { pkg: addField(base, 'purchase', items, { section: 0 }), items };
}
const cols = (pkg: ReturnType<typeof app>['pkg']) => columnsOf(pkg.forms[0]!.fields[0]).map((c) => c.key);

describe('sub-table draft ops', () => {
  it('a new sub-table starts without columns and asks for one; adding a column makes it valid', () => {
    const { pkg, items } = app();
    expect(items.options).toEqual({ fields: [] });
    const r = validateApp(pkg);
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['/forms/0/fields/0/options/fields']);
    const column = newColumn(fieldTypes.require('number'), items, newField);
    expect(column).toMatchObject({ key: 'number', type: 'number', label: { 'zh-CN': '数字', en: 'Number' } });
    expect(column.id).toMatch(/^c_/);
    expect(validateApp(addColumn(pkg, 'purchase', items.key, column)).ok).toBe(true);
  });

  it('adds at a position, moves, nudges, removes and updates columns, each a new package', () => {
    const { pkg: p0, items } = app();
    let pkg = addColumn(p0, 'purchase', items.key, col('a'));
    pkg = addColumn(pkg, 'purchase', items.key, col('c'));
    pkg = addColumn(pkg, 'purchase', items.key, col('b'), 1);
    expect(cols(pkg)).toEqual(['a', 'b', 'c']);
    expect(cols(moveColumn(pkg, 'purchase', items.key, 'a', 3))).toEqual(['b', 'c', 'a']);
    expect(cols(moveColumn(pkg, 'purchase', items.key, 'c', 0))).toEqual(['c', 'a', 'b']);
    expect(cols(nudgeColumn(pkg, 'purchase', items.key, 'b', -1))).toEqual(['b', 'a', 'c']);
    expect(cols(nudgeColumn(pkg, 'purchase', items.key, 'b', 1))).toEqual(['a', 'c', 'b']);
    expect(nudgeColumn(pkg, 'purchase', items.key, 'a', -1)).toBe(pkg);
    expect(cols(removeColumn(pkg, 'purchase', items.key, 'b'))).toEqual(['a', 'c']);
    expect(removeColumn(pkg, 'purchase', items.key, 'zzz')).toBe(pkg);
    const renamed = updateColumn(pkg, 'purchase', items.key, 'b', { ...col('b'), key: 'qty', type: 'number', required: true });
    expect(columnsOf(renamed.forms[0]!.fields[0])[1]).toMatchObject({ key: 'qty', type: 'number', required: true });
    expect(cols(pkg)).toEqual(['a', 'b', 'c']); // the original is untouched
  });

  it('new columns get keys free among the columns; sub-tables and layout types cannot be columns', () => {
    const { pkg, items } = app();
    const withText = addColumn(pkg, 'purchase', items.key, col('text'));
    const second = newColumn(fieldTypes.require('text'), withText.forms[0]!.fields[0]!, newField);
    expect(second.key).toBe('text_2');
    expect(canBeColumn(fieldTypes.require('subtable'))).toBe(false);
    expect(canBeColumn(fieldTypes.require('number'))).toBe(true);
    expect(canBeColumn({ type: 'section', storesValue: false })).toBe(false);
  });

  it('selections name a column as subtable/column', () => {
    expect(columnSelection('items', 'qty')).toBe('items/qty');
    expect(parseColumnSelection('items/qty')).toEqual({ subtable: 'items', column: 'qty' });
    expect(parseColumnSelection('items')).toBeUndefined();
  });

  it('goes through the designer store, so undo and redo cover column changes', () => {
    const { pkg, items } = app();
    const store = createDesignerStore();
    const s = () => store.getState();
    s().load('shop', pkg, 1);
    s().apply((p) => addColumn(p, 'purchase', items.key, col('a')));
    s().apply((p) => addColumn(p, 'purchase', items.key, col('b')));
    s().apply((p) => removeColumn(p, 'purchase', items.key, 'a'));
    expect(cols(s().draft!)).toEqual(['b']);
    s().undo();
    expect(cols(s().draft!)).toEqual(['a', 'b']);
    s().undo();
    expect(cols(s().draft!)).toEqual(['a']);
    s().redo();
    s().redo();
    expect(cols(s().draft!)).toEqual(['b']);
  });
});

describe('publish plan lines of sub-tables', async () => {
  const { childPlanLines } = await import('./subtable-plan.js');
  const { subtableDesignerText } = await import('./subtable-messages.js');
  it('lists new child tables with their columns, new and hidden row columns', () => {
    const t = (k: Parameters<typeof subtableDesignerText>[1], p?: Record<string, string | number>) => subtableDesignerText('en', k, p);
    expect(
      childPlanLines(
        {
          childTables: {
            tablesToCreate: [{ form: 'purchase', key: 'items', table: 'purchase$items', columns: [{ key: 'product' }, { key: 'qty' }] }],
            columnsToAdd: [{ form: 'purchase', key: 'note', table: 'purchase$items' }],
            columnsHidden: [],
          },
        },
        t,
      ),
    ).toEqual(['New sub-table tables: purchase.items (product, qty)', 'New sub-table columns: purchase$items.note']);
    expect(childPlanLines({}, t)).toEqual([]);
  });
});
