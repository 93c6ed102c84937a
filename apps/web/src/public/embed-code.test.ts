import { describe, expect, it } from 'vitest';
import { embedSnippet, isEmbedded, publicFormUrl } from './embed-code.js';
import { publicText } from './public-messages.js';

describe('embed code', () => {
  it('builds the public address without a doubled slash', () => {
    expect(publicFormUrl('https://t.example/', 'a_b-C')).toBe('https://t.example/f/a_b-C');
  });

  it('builds an iframe snippet with the embed flag and an escaped title', () => {
    const html = embedSnippet('https://t.example', 'tok', 'Sign "up" <now>');
    expect(html).toContain('src="https://t.example/f/tok?embed=1"');
    expect(html).toContain('title="Sign &quot;up&quot; &lt;now&gt;"');
    expect(html.startsWith('<iframe ') && html.endsWith('</iframe>')).toBe(true);
  });

  it('recognises the embed flag', () => {
    expect(isEmbedded('?embed=1')).toBe(true);
    expect(isEmbedded('?embed=0')).toBe(false);
    expect(isEmbedded('')).toBe(false);
  });
});

describe('public-forms strings', () => {
  it('fill placeholders in both languages', () => {
    expect(publicText('en', 'tooMany', { seconds: 30 })).toContain('30 seconds');
    expect(publicText('zh-CN', 'tooMany', { seconds: 30 })).toContain('30 秒');
  });
});
