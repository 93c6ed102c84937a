import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { FieldDef } from '@trellis/schema';
import { fieldWidgets } from '../built-in-widgets.js';
import type { FieldWidgetProps } from '../field-widget.js';
import { RichTextView } from './rich-text-widget.js';

const field = (type: string, options?: FieldDef['options']): FieldDef => ({ id: `f_${type}`, key: type, type, label: type, ...(options ? { options } : {}) });

function render(f: FieldDef, value: unknown, locale = 'en'): string {
  const Editor = fieldWidgets.get(f.type)!.Editor;
  const props: FieldWidgetProps = { field: f, value, onChange: () => undefined, id: 'field-x', invalid: false, required: false, disabled: false, locale };
  return renderToStaticMarkup(<Editor {...props} />);
}

describe('editors of the catalogue types', () => {
  it('put the id the label points at on a focusable element', () => {
    for (const t of ['phone', 'email', 'url', 'id_number', 'money', 'percent', 'rating', 'time', 'tags', 'rich_text']) {
      expect([t, render(field(t), null)]).toEqual([t, expect.stringContaining('id="field-x"')]);
    }
  });
  it('use the phone keypad, email and URL keyboards', () => {
    expect(render(field('phone'), '13812341234')).toContain('inputMode="tel"');
    expect(render(field('email'), null)).toContain('inputMode="email"');
    expect(render(field('url'), null)).toContain('inputMode="url"');
  });
  it('show the currency sign next to money and % next to percent', () => {
    expect(render(field('money', { currency: 'USD' }), 3, 'en')).toContain('>$<');
    expect(render(field('percent'), 12.5)).toContain('>%<');
  });
  it('rating offers max stars with the current one checked', () => {
    const html = render(field('rating', { max: 7 }), 3);
    expect(html.match(/type="radio"/g)).toHaveLength(7);
    expect(html.match(/★/g)).toHaveLength(3);
  });
  it('a single select with allowOther shows its free-text answer in a text box', () => {
    const html = render(field('single_select', { allowOther: true, choices: [{ value: 'web', label: 'Website' }] }), '朋友介绍');
    expect(html).toContain('Other…');
    expect(html).toContain('value="朋友介绍"');
  });
});

describe('rich text is shown only as sanitised HTML', () => {
  it('drops scripts, handlers and javascript: links even when the stored value holds them', () => {
    const html = renderToStaticMarkup(<RichTextView html={'<p onclick="steal()">Hi<script>alert(1)</script><a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)></p>'} />);
    expect(html).not.toMatch(/script|onclick|onerror|javascript:/i);
    expect(html).toContain('<p>Hi<a>x</a><img src="x"></p>');
  });
});
