import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { FieldDef, FormDef } from '@trellis/schema';
import { cascadeClears, cascadeField } from './form-cascade.js';
import { FormRenderer } from './form-renderer.js';
import { readOnlyFieldKeys } from './form-read-only.js';

const choices = (...v: string[]) => v.map((value) => ({ value, label: value.toUpperCase() }));
const province: FieldDef = { id: 'p', key: 'province', type: 'single_select', label: 'Province', options: { choices: choices('zj', 'js') } };
const city: FieldDef = { id: 'c', key: 'city', type: 'single_select', label: 'City', options: { choices: choices('hz', 'nb', 'nj'), cascade: { field: 'province', choices: { zj: ['hz', 'nb'], js: ['nj'] } } } };
const district: FieldDef = { id: 'd', key: 'district', type: 'multi_select', label: 'District', options: { choices: choices('xh', 'bj', 'gl'), cascade: { field: 'city', choices: { hz: ['xh', 'bj'], nj: ['gl'] } } } };
const form: FormDef = {
  key: 'addr',
  name: 'Address',
  fields: [
    province,
    city,
    district,
    { id: 'n', key: 'note', type: 'text', label: 'Note', readOnlyWhen: { '==': [{ var: 'province' }, 'js'] } },
    { id: 'i', key: 'intro', type: 'description', label: 'Intro', options: { text: '<b>bold?</b>\nsecond line', tone: 'warning' } },
  ],
};

describe('option cascades in the renderer', () => {
  it('a cascading select offers only the choices the parent value allows', () => {
    const values = (v: string | null) => (cascadeField(city, { province: v }).options!['choices'] as { value: string }[]).map((c) => c.value);
    expect(values('zj')).toEqual(['hz', 'nb']);
    expect(values('js')).toEqual(['nj']);
    expect(values(null)).toEqual([]);
    expect(cascadeField(city, { province: 'zj' })).toBe(cascadeField(city, { province: 'zj' }));
    expect(cascadeField(province, {})).toBe(province);
  });

  it('the rendered drop-down lists the allowed choices only', () => {
    const html = renderToStaticMarkup(<FormRenderer form={form} values={{ province: 'js' }} onChange={() => undefined} locale="en" />);
    const citySelect = html.slice(html.indexOf('id="field-city"'), html.indexOf('</select>', html.indexOf('id="field-city"')));
    expect(citySelect).toContain('value="nj"');
    expect(citySelect).not.toContain('value="hz"');
  });

  it('a new parent value clears the child values it no longer allows, down the chain', () => {
    expect(cascadeClears(form, { province: 'zj', city: 'hz', district: ['xh'] }, 'province', 'js')).toEqual({ city: null, district: null });
    expect(cascadeClears(form, { province: 'zj', city: 'hz', district: ['xh'] }, 'province', 'zj')).toEqual({});
    expect(cascadeClears(form, { province: 'zj', city: 'nb', district: null }, 'city', 'hz')).toEqual({});
  });

  it('a multi select keeps the choices the new parent value still allows', () => {
    const wide: FieldDef = { ...district, options: { ...district.options, cascade: { field: 'city', choices: { hz: ['xh', 'bj'], nb: ['bj'] } } } };
    expect(cascadeClears({ ...form, fields: [province, city, wide] }, { city: 'hz', district: ['xh', 'bj'] }, 'city', 'nb')).toEqual({ district: ['bj'] });
  });
});

describe('read-only fields in the renderer', () => {
  it('are the fields whose readOnlyWhen holds, and their inputs are disabled', () => {
    expect([...readOnlyFieldKeys(form, { province: 'js' })]).toEqual(['note']);
    expect(readOnlyFieldKeys(form, { province: 'zj' }).size).toBe(0);
    const html = renderToStaticMarkup(<FormRenderer form={form} values={{ province: 'js' }} onChange={() => undefined} locale="en" />);
    expect(html).toMatch(/id="field-note"[^>]*disabled=""/);
  });
});

describe('description text', () => {
  it('is escaped plain text with its line breaks, no label, in its tone', () => {
    const html = renderToStaticMarkup(<FormRenderer form={form} values={{}} onChange={() => undefined} locale="en" />);
    expect(html).toContain('&lt;b&gt;bold?&lt;/b&gt;');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<p class="tr-description-line">second line</p>');
    expect(html).toContain('class="tr-description tr-description-warning" role="note"');
    expect(html).not.toContain('>Intro<');
  });
});
