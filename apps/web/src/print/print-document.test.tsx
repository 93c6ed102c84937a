import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { FormDef } from '@trellis/schema';
import { PrintDocument } from './print-document.js';

const form: FormDef = {
  key: 'visit',
  name: 'Visit',
  fields: [
    { id: '1', key: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' } },
    { id: '2', key: 'tier', type: 'single_select', label: 'Tier', options: { choices: [{ value: 'key', label: { 'zh-CN': '重点', en: 'Key account' } }] } },
    { id: '3', key: 'notes', type: 'rich_text', label: 'Notes' },
    { id: '4', key: 'sign', type: 'text', label: 'Signed by' },
  ],
};
const template = {
  key: 't',
  name: 'T',
  header: 'ACME Ltd.',
  footer: { 'zh-CN': '内部', en: 'Internal' },
  blocks: [
    { kind: 'fields' as const, fields: ['name', 'tier', 'notes'] },
    { kind: 'text' as const, text: 'line 1\n<b>line 2</b>' },
    { kind: 'signature' as const, label: 'Customer' },
    { kind: 'approvals' as const },
  ],
};

describe('PrintDocument', () => {
  const html = renderToStaticMarkup(
    <PrintDocument form={form} template={template} data={{ name: '华为', tier: 'key', notes: '<p>ok<script>alert(1)</script><img src=x onerror=alert(1)></p>' }} locale="en" title="华为" />,
  );

  it('prints labelled values formatted like list cells (choice labels in the locale)', () => {
    expect(html).toContain('<dt>Name</dt>');
    expect(html).toContain('华为');
    expect(html).toContain('Key account');
  });

  it('sanitises rich text and escapes text blocks', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('onerror');
    expect(html).toContain('&lt;b&gt;line 2&lt;/b&gt;');
  });

  it('prints header, footer, a blank signing line and the empty approval history', () => {
    expect(html).toContain('ACME Ltd.');
    expect(html).toContain('Internal');
    expect(html).toContain('Customer');
    expect(html).toContain('No approval history');
  });
});
