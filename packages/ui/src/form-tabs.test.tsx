import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { FieldDef, FormDef } from '@trellis/schema';
import { FormRenderer } from './form-renderer.js';
import { nextTabIndex } from './tab-keys.js';

const f = (key: string, extra: Partial<FieldDef> = {}): FieldDef => ({ id: `id_${key}`, key, type: 'text', label: key, ...extra });
const form: FormDef = {
  key: 'customer',
  name: 'Customer',
  fields: [f('name'), f('phone'), f('note')],
  layout: [
    { kind: 'section', fields: ['name'] },
    { kind: 'tabs', tabs: [{ title: { 'zh-CN': '联系', en: 'Contact' }, sections: [{ kind: 'section', fields: ['phone'] }] }, { title: 'Notes', sections: [{ kind: 'section', fields: ['note'] }] }] },
  ],
};
const render = (errors: Record<string, string[]> = {}) => renderToStaticMarkup(<FormRenderer form={form} values={{}} onChange={() => undefined} errors={errors} locale="en" />);

describe('tabs in the form renderer', () => {
  it('draws a tablist of tabs, each controlling its panel; only the first panel is shown', () => {
    const html = render();
    expect(html).toContain('role="tablist"');
    expect(html.match(/role="tab"/g)).toHaveLength(2);
    expect(html).toContain('id="field-tabs-1-tab-0" aria-controls="field-tabs-1-panel-0" aria-selected="true" tabindex="0"');
    expect(html).toContain('id="field-tabs-1-tab-1" aria-controls="field-tabs-1-panel-1" aria-selected="false" tabindex="-1"');
    expect(html).toMatch(/role="tabpanel" id="field-tabs-1-panel-0" aria-labelledby="field-tabs-1-tab-0" class/);
    expect(html).toMatch(/role="tabpanel" id="field-tabs-1-panel-1" aria-labelledby="field-tabs-1-tab-1" hidden=""/);
    expect(html).toContain('>Contact<');
  });

  it('fields on hidden tabs stay in the document (their input survives and validates)', () => {
    expect(render()).toContain('id="field-note"');
  });

  it('marks the tab holding a field with an error, with a text for screen readers', () => {
    const html = render({ note: ['required'] });
    expect(html).toMatch(/class="tr-tab tr-tab-invalid" data-tab-index="1"/);
    expect(html).toContain('This tab has fields to fix');
    expect(render()).not.toContain('tr-tab-invalid');
  });
});

describe('nextTabIndex (keyboard of the tab list)', () => {
  it('arrows move and wrap, Home and End jump, other keys do nothing', () => {
    expect(nextTabIndex('ArrowRight', 0, 3)).toBe(1);
    expect(nextTabIndex('ArrowRight', 2, 3)).toBe(0);
    expect(nextTabIndex('ArrowLeft', 0, 3)).toBe(2);
    expect(nextTabIndex('ArrowDown', 1, 3)).toBe(2);
    expect(nextTabIndex('ArrowUp', 1, 3)).toBe(0);
    expect(nextTabIndex('Home', 2, 3)).toBe(0);
    expect(nextTabIndex('End', 0, 3)).toBe(2);
    expect(nextTabIndex('Enter', 0, 3)).toBeUndefined();
    expect(nextTabIndex('ArrowRight', 0, 0)).toBeUndefined();
  });
});
