import { describe, expect, it } from 'vitest';
import { htmlToText, isSafeUrl, sanitizeHtml } from './sanitize-html.js';

describe('sanitizeHtml', () => {
  it('keeps allowed formatting', () => {
    expect(sanitizeHtml('<p>Hello <strong>world</strong><br/>line</p><ul><li>a</li></ul>')).toBe('<p>Hello <strong>world</strong><br>line</p><ul><li>a</li></ul>');
  });
  it('removes script and style elements with their content', () => {
    expect(sanitizeHtml('<p>a<script>alert(1)</script>b</p><style>p{}</style>')).toBe('<p>ab</p>');
    expect(sanitizeHtml('<SCRIPT src="x.js"></SCRIPT>ok')).toBe('ok');
    expect(sanitizeHtml('<iframe src="https://evil"></iframe><svg onload="x()"><script>1</script></svg>ok')).toBe('ok');
  });
  it('removes on* handlers and style attributes', () => {
    expect(sanitizeHtml('<p onclick="steal()" style="x" ONMOUSEOVER=go()>t</p>')).toBe('<p>t</p>');
    expect(sanitizeHtml('<img src="https://a.cn/x.png" onerror="alert(1)" alt="x">')).toBe('<img src="https://a.cn/x.png" alt="x">');
  });
  it('removes javascript: and data: URLs, including obfuscated ones', () => {
    expect(sanitizeHtml('<a href="javascript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitizeHtml('<a href=" JaVa&#x09;Script&colon;alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitizeHtml('<a href="java\nscript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitizeHtml('<img src="data:text/html,<script>">')).toBe('<img>');
    expect(sanitizeHtml('<a href="https://example.com/?a=1&b=2" target="_blank">x</a>')).toBe('<a href="https://example.com/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">x</a>');
    expect(isSafeUrl('/relative/path')).toBe(true);
    expect(isSafeUrl('vbscript:x')).toBe(false);
  });
  it('drops unknown tags but keeps their text, escapes stray brackets, closes open tags', () => {
    expect(sanitizeHtml('<font color="red">red</font> 1 < 2 & 3 > 2')).toBe('red 1 &lt; 2 &amp; 3 &gt; 2');
    expect(sanitizeHtml('<p><em>open')).toBe('<p><em>open</em></p>');
    expect(sanitizeHtml('</div>text')).toBe('text');
    expect(sanitizeHtml('<p title="a>b">x</p>')).toBe('<p>x</p>');
    expect(sanitizeHtml('<!-- <script>alert(1)</script> -->ok')).toBe('ok');
  });
  it('is idempotent: sanitising sanitised HTML changes nothing', () => {
    const once = sanitizeHtml('<p onclick=x>a &amp; b <a href="https://x.cn" target="_blank">l</a><img src=/a.png></p><script>x</script>');
    expect(sanitizeHtml(once)).toBe(once);
  });
  it('turns HTML into plain text for lists', () => {
    expect(htmlToText('<p>第一段</p><p>a &amp; b</p>')).toBe('第一段\na & b');
  });
});
