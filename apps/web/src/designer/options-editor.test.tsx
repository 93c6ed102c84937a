import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { descriptionType, textType } from '@trellis/forms';
import { OptionsEditor } from './options-editor.js';

const render = (schema: unknown, value: Record<string, unknown>) => renderToStaticMarkup(<OptionsEditor idBase="o" schema={schema as never} value={value} onChange={() => undefined} />);

describe('options editor', () => {
  it('edits a description text in text areas (line breaks can be typed), one per language', () => {
    const html = render(descriptionType.optionsSchema, { text: { 'zh-CN': '第一行\n第二行', en: 'one' } });
    expect(html.match(/<textarea/g)).toHaveLength(2);
    expect(html).toContain('第一行\n第二行');
  });

  it('keeps short localized options on one line', () => {
    expect(render({ properties: { unitLabel: { type: ['string', 'object'], maxLength: 50 } } }, {})).not.toContain('<textarea');
    expect(render(textType.optionsSchema, {})).toContain('<input');
  });
});
