import { defineFieldType } from '../field-type.js';

const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;
const LOCAL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$/;
const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

/** Whether a cleaned email address is valid: a local part and a domain with a real top-level label. */
export function isValidEmail(value: string): boolean {
  if (value.length > 254) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((l) => LABEL.test(l))) return false;
  return /^[a-z]{2,63}$/.test(labels[labels.length - 1]!) || /^xn--[a-z0-9-]+$/.test(labels[labels.length - 1]!);
}

/** Trims, removes inner spaces, lower-cases the domain (`张三 <A@Example.COM>` is not accepted; `A@Example.COM` → `A@example.com`). */
export function cleanEmail(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  // printable ASCII without spaces is its own NFKC form and has nothing to trim
  const t = (PRINTABLE_ASCII.test(value) ? value : value.normalize('NFKC').trim()).replace(/^mailto:/i, '');
  if (t === '') return null;
  const at = t.lastIndexOf('@');
  if (at <= 0 || /\s/.test(t)) return t;
  return `${t.slice(0, at)}@${t.slice(at + 1).toLowerCase()}`;
}

/** Email address. No options. Value: text, the domain lower-cased. */
export const emailType = defineFieldType({
  type: 'email',
  label: { 'zh-CN': '邮箱', en: 'Email' },
  group: 'advanced',
  valueType: 'text',
  optionsSchema: { type: 'object', properties: { unique: { type: 'boolean' } }, additionalProperties: false },
  valueSchema: () => ({ type: 'string', maxLength: 254 }),
  clean: (value) => cleanEmail(value),
  check: (value) =>
    isValidEmail(String(value))
      ? undefined
      : { code: 'FIELD_PATTERN', params: { message: { 'zh-CN': '不是有效的邮箱地址（如 name@example.com）', en: 'is not a valid email address such as name@example.com' } } },
  format: (value) => (typeof value === 'string' ? value : ''),
  filterOperators: ['==', '!=', 'contains', 'endsWith', 'in', 'isEmpty'],
});
