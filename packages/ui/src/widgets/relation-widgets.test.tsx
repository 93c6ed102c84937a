import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { FieldDef } from '@trellis/schema';
import { fieldWidgets } from '../built-in-widgets.js';
import type { FieldWidgetProps } from '../field-widget.js';
import { relationCell } from '../relation-cell.js';
import { RelationSourceContext, optionLabel, type RelationSource } from '../relation-source.js';
import { computedText } from './computed-widgets.js';

const A = '0b7c5d1e-1111-4222-8333-944445555666';
const B = '1b7c5d1e-1111-4222-8333-944445555666';
const relation = (options: Record<string, unknown> = { form: 'customer' }): FieldDef => ({ id: 'f_c', key: 'customer', type: 'relation', label: '客户', options });

const source: RelationSource = {
  search: async () => ({ items: [], hasMore: false }),
  resolve: async () => [],
  known: (_f, id) => (id === A ? { id: A, title: 'ACME', fields: { name: 'ACME', city: '上海' } } : undefined),
};

function render(f: FieldDef, value: unknown, withSource = true, locale = 'en'): string {
  const Editor = fieldWidgets.get(f.type)!.Editor;
  const props: FieldWidgetProps = { field: f, value, onChange: () => undefined, id: 'field-x', invalid: false, required: false, disabled: false, locale };
  return renderToStaticMarkup(withSource ? <RelationSourceContext.Provider value={source}><Editor {...props} /></RelationSourceContext.Provider> : <Editor {...props} />);
}

describe('relation editor', () => {
  it('is a combobox the label points at, showing the chosen record by its title with a clear button', () => {
    const html = render(relation(), A);
    expect(html).toContain('id="field-x"');
    expect(html).toContain('role="combobox"');
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('>ACME<');
    expect(html).toContain('aria-label="Clear ACME"');
  });
  it('shows one chip per record of a multiple relation (unknown ones by their id start until resolved)', () => {
    const html = render(relation({ form: 'customer', multiple: true }), [A, B]);
    expect(html.match(/tr-relation-chip"/g)).toHaveLength(2);
    expect(html).toContain('aria-label="Remove ACME"');
    expect(html).toContain('>1b7c5d1e<');
  });
  it('is disabled, saying why, when the app provides no relation source', () => {
    const html = render(relation(), null, false, 'zh-CN');
    expect(html).toContain('disabled=""');
    expect(html).toContain('无法搜索关联记录');
  });
});

describe('relation cells and computed values', () => {
  it('list cells show related titles, and a deleted record as such', () => {
    expect(relationCell([A, B], { [A]: { title: 'ACME', fields: {} } }, 'en')).toEqual({ kind: 'tags', tags: [{ value: A, label: 'ACME' }, { value: B, label: '(deleted record)' }] });
    expect(relationCell(null, {}, 'en')).toEqual({ kind: 'empty' });
    expect(fieldWidgets.get('relation')!.formatCell!(A, relation(), 'zh-CN', { related: { [A]: { title: null, fields: { city: '上海' } } } })).toEqual({ kind: 'tags', tags: [{ value: A, label: '上海' }] });
  });
  it('an option without title is named by its display fields, then its id', () => {
    expect(optionLabel({ id: A, title: null, fields: {} })).toBe('0b7c5d1e');
  });
  it('lookups and rollups show read-only text formatted by their recorded value type', () => {
    const rollup: FieldDef = { id: 'r', key: 'won', type: 'rollup', label: 'won', options: { aggregate: 'sum', precision: 2 } };
    expect(computedText(rollup, 1200.5, 'en')).toBe('1,200.50');
    const lookup: FieldDef = { id: 'l', key: 'since', type: 'lookup', label: 'since', options: { relation: 'customer', field: 'since', valueType: 'date' } };
    expect(computedText(lookup, '2026-11-22', 'en')).toBe('Nov 22, 2026');
    expect(computedText({ ...lookup, options: { relation: 'c', field: 'city', valueType: 'json' } }, ['上海', '北京'], 'en')).toBe('上海, 北京');
    const html = render(rollup, 3);
    expect(html).toContain('<output id="field-x"');
    expect(html).not.toContain('<input');
  });
});
