/**
 * Masking of field values the caller may see only masked (`FieldAccess` `masked`). The
 * masked value replaces the real one before anything leaves the server (JSON, history,
 * errors). Empty values stay empty (`null`): that a field is empty is not secret.
 */

/** A mobile or landline number: the first 3 and the last 4 characters, `138****1234`. */
export function maskPhone(value: string): string {
  const s = value.trim();
  if (s.length <= 7) return `${s.slice(0, 1)}***`;
  return `${s.slice(0, 3)}****${s.slice(-4)}`;
}

/** An email address: the first character of the local part, `z***@example.com`. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskText(value);
  return `${value.slice(0, 1)}***${value.slice(at)}`;
}

/** A Chinese ID number: the first 3 and the last 4 characters, `110***********1234`. */
export function maskIdNumber(value: string): string {
  const s = value.trim();
  if (s.length <= 7) return '*'.repeat(s.length);
  return `${s.slice(0, 3)}${'*'.repeat(s.length - 7)}${s.slice(-4)}`;
}

/** Any other text: the first and the last character around `***` (its length is not shown), `A***E`; one or two characters: `*`/`A*`. */
export function maskText(value: string): string {
  const chars = [...value];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}***${chars[chars.length - 1]}`;
}

/**
 * The masked form of a value of a field of `type`: phone, email and ID numbers keep their
 * recognisable parts; other text keeps its first and last character; every other value
 * (numbers, money, dates, choices, lists, sub-tables, files) becomes the string `***`.
 *
 * @example
 * maskValue('phone', '13812341234') // '138****1234'
 * maskValue('email', 'zhang@example.com') // 'z***@example.com'
 * maskValue('number', 42) // '***'
 */
export function maskValue(type: string, value: unknown): unknown {
  if (value === null || value === undefined || value === '') return value ?? null;
  if (typeof value !== 'string') return '***';
  switch (type) {
    case 'phone':
      return maskPhone(value);
    case 'email':
      return maskEmail(value);
    case 'id_number':
      return maskIdNumber(value);
    case 'text':
    case 'long_text':
    case 'url':
      return maskText(value);
    default:
      return '***';
  }
}
