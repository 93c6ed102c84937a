/**
 * An allow-list HTML sanitiser for rich-text fields, without a DOM (it runs on the server
 * and in the browser). Only the tags and attributes listed here survive; everything else
 * is dropped (its text kept), the content of `script`/`style`/`iframe`/… is dropped
 * entirely, links and images keep only `http(s):`, `mailto:`, `tel:` or relative URLs.
 * The output is well formed: every kept tag is closed, text is escaped.
 */

const ALLOWED_TAGS = new Set([
  'p', 'br', 'b', 'strong', 'i', 'em', 'u', 's', 'del', 'sub', 'sup', 'span', 'div', 'hr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'a', 'img',
  'table', 'thead', 'tbody', 'tr', 'th', 'td',
]);
const VOID_TAGS = new Set(['br', 'hr', 'img']);
/** Tags whose whole content is removed with them. */
const DROP_CONTENT_TAGS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'textarea', 'title', 'svg', 'math', 'select']);
const ALLOWED_ATTRS: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title', 'target'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ol: ['start'],
};
const URL_ATTRS = new Set(['href', 'src']);

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const escapeText = (s: string): string => s.replace(/&(?!(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#x[0-9a-fA-F]{1,6});)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

/** Decodes the character references an attacker could use to hide `javascript:`. */
function decodeEntities(s: string): string {
  return s.replace(/&#x([0-9a-f]+);?|&#(\d+);?|&(colon|tab|newline|amp|lt|gt|quot|apos);/gi, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex !== undefined) return String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff));
    if (dec !== undefined) return String.fromCodePoint(Math.min(Number(dec), 0x10ffff));
    const named: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    return named[name!.toLowerCase()] ?? '';
  });
}

/** Whether a URL is safe to keep: http(s), mailto, tel, or relative (no scheme). */
export function isSafeUrl(url: string): boolean {
  // browsers ignore control characters and whitespace inside the scheme
  const plain = decodeEntities(url).replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(plain);
  if (scheme === null) return true; // relative URL, fragment or path
  return ['http', 'https', 'mailto', 'tel'].includes(scheme[1]!);
}

function cleanAttributes(tag: string, source: string): string {
  const allowed = ALLOWED_ATTRS[tag];
  if (allowed === undefined) return '';
  let out = '';
  let hasTarget = false;
  for (const m of source.matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    if (!allowed.includes(name)) continue; // drops on* handlers, style, etc.
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    if (URL_ATTRS.has(name) && !isSafeUrl(value)) continue;
    if ((name === 'width' || name === 'height' || name === 'colspan' || name === 'rowspan' || name === 'start') && !/^\d{1,4}$/.test(value)) continue;
    if (name === 'target') {
      if (value !== '_blank') continue;
      hasTarget = true;
    }
    out += ` ${name}="${escapeAttr(decodeEntities(value))}"`;
  }
  if (hasTarget) out += ' rel="noopener noreferrer"';
  return out;
}

/**
 * Sanitises HTML against the allow-list; the result is safe to insert with `innerHTML`.
 *
 * @example
 * sanitizeHtml('<p onclick="x()">Hi<script>alert(1)</script></p><a href="javascript:alert(1)">a</a>');
 * // '<p>Hi</p><a>a</a>'
 */
export function sanitizeHtml(html: string): string {
  let out = '';
  const open: string[] = [];
  let last = 0;
  let dropUntil: string | undefined;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m !== null; m = TOKEN.exec(html)) {
    const text = html.slice(last, m.index);
    last = TOKEN.lastIndex;
    if (dropUntil === undefined) out += escapeText(text);
    if (m[2] === undefined) continue; // a comment
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    if (dropUntil !== undefined) {
      if (closing && tag === dropUntil) dropUntil = undefined;
      continue;
    }
    if (DROP_CONTENT_TAGS.has(tag)) {
      if (!closing && !/\/\s*$/.test(m[3] ?? '')) dropUntil = tag;
      continue;
    }
    if (!ALLOWED_TAGS.has(tag)) continue;
    if (VOID_TAGS.has(tag)) {
      if (!closing) out += `<${tag}${cleanAttributes(tag, m[3] ?? '')}>`;
      continue;
    }
    if (!closing) {
      out += `<${tag}${cleanAttributes(tag, m[3] ?? '')}>`;
      open.push(tag);
      continue;
    }
    const at = open.lastIndexOf(tag);
    if (at === -1) continue; // a closing tag that was never opened
    while (open.length > at) out += `</${open.pop()!}>`;
  }
  if (dropUntil === undefined) out += escapeText(html.slice(last));
  while (open.length > 0) out += `</${open.pop()!}>`;
  return out;
}

/** The plain text of sanitised HTML (tags removed, entities decoded), for lists and search. */
export function htmlToText(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>|<\/(?:p|div|li|h[1-6]|tr)>/gi, '\n').replace(/<[^>]*>/g, ''))
    .replace(/\n{2,}/g, '\n')
    .trim();
}
