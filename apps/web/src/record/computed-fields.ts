import { fieldTypes } from '@trellis/forms';
import type { FormDef } from '@trellis/schema';

/**
 * Drops the values of computed fields (lookups, rollups: the store fills them on read) from
 * record data about to be sent, so saving an unchanged record sends nothing.
 *
 * @example withoutComputed(contactForm, { name: 'a', customer_city: null }) // { name: 'a' }
 */
export function withoutComputed(form: FormDef, data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const computed = new Set(form.fields.filter((f) => fieldTypes.has(f.type) && fieldTypes.storage(f) === 'computed').map((f) => f.key));
  return Object.fromEntries(Object.entries(data).filter(([k]) => !computed.has(k)));
}
