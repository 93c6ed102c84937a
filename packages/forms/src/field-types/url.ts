import { defineFieldType } from '../field-type.js';

/**
 * Trims; adds `https://` to a bare host (`example.com/a` → `https://example.com/a`);
 * lower-cases the scheme and host and keeps the rest as typed (no trailing `/` added).
 */
export function cleanUrl(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  if (t === '') return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(t) ? t : /^[\w-]+(\.[\w-]+)+(?::\d+)?(?:[/?#]|$)/.test(t) ? `https://${t}` : t;
  return withScheme.replace(/^(https?:\/\/)([^/?#@]*)/i, (_m, scheme: string, host: string) => scheme.toLowerCase() + host.toLowerCase());
}

/** Whether a cleaned value is an http(s) URL with a dotted host name (or localhost). */
export function isValidUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && (u.hostname.includes('.') || u.hostname === 'localhost') && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** Web address, `http:` or `https:` only. No options. Value: text (the normalised URL). */
export const urlType = defineFieldType({
  type: 'url',
  label: { 'zh-CN': '网址', en: 'URL' },
  group: 'advanced',
  valueType: 'text',
  optionsSchema: { type: 'object', properties: { unique: { type: 'boolean' } }, additionalProperties: false },
  valueSchema: () => ({ type: 'string', maxLength: 2000 }),
  clean: (value) => cleanUrl(value),
  check: (value) =>
    isValidUrl(String(value))
      ? undefined
      : { code: 'FIELD_PATTERN', params: { message: { 'zh-CN': '应为 http:// 或 https:// 开头的网址', en: 'must be a web address starting with http:// or https://' } } },
  format: (value) => (typeof value === 'string' ? value : ''),
  filterOperators: ['==', '!=', 'contains', 'startsWith', 'isEmpty'],
});
