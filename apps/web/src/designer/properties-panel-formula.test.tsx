import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { FieldDef, FormDef } from '@trellis/schema';
import { PropertiesPanel } from './properties-panel.js';

const total: FieldDef = { id: 'c', key: 'total', type: 'formula', label: { 'zh-CN': '金额', en: 'Total' }, options: { formula: 'price * qyt', resultType: 'number' } };
const code: FieldDef = { id: 'd', key: 'code', type: 'text', label: { 'zh-CN': '编号', en: 'Code' }, defaultFrom: { kind: 'formula', formula: 'CONCAT("D-", YEAR(TODAY()))' } };
const form: FormDef = { key: 'deal', name: 'Deal', fields: [{ id: 'a', key: 'price', type: 'number', label: { 'zh-CN': '单价', en: 'Price' } }, total, code] };

describe('properties of formulas in the designer', () => {
  it('a formula field gets the formula editor with field and function buttons and its live problem', () => {
    const html = renderToStaticMarkup(<PropertiesPanel form={form} field={total} problems={() => []} onChange={() => undefined} />);
    expect(html).toContain('designer-formula-text');
    expect(html).toMatch(/<button[^>]*title="price"[^>]*>单价<\/button>/);
    expect(html).toContain('>DATEDIF</button>');
    expect(html).toContain('第 9 个字符：没有字段「qyt」');
    expect(html).not.toContain('prop-c-default-from'); // formula fields take no default
  });

  it('other fields get the default-from picker, with a formula editor for formula defaults', () => {
    const html = renderToStaticMarkup(<PropertiesPanel form={form} field={code} problems={() => []} onChange={() => undefined} />);
    expect(html).toContain('id="prop-d-default-from"');
    expect(html).toMatch(/<option value="formula" selected="">/);
    expect(html).toContain('id="prop-d-default-from-formula"');
    expect(html).toContain('公式正确。');
  });
});
