import type { FormDef } from '@trellis/schema';

/**
 * The keys of a form whose change should ask the server for data-linkage defaults: every
 * field a linkage `match` compares with (`equals`).
 *
 * @example linkageTriggers(contactForm) // Set { 'company' }
 */
export function linkageTriggers(form: FormDef): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const field of form.fields) {
    if (field.defaultFrom?.kind !== 'linkage') continue;
    for (const pair of field.defaultFrom.match) keys.add(pair.equals);
  }
  return keys;
}
