import { allowedChoiceValues, cascadeOf } from '@trellis/forms';
import type { FieldDef, FormDef, SelectChoice } from '@trellis/schema';

const derived = new WeakMap<FieldDef, Map<string, FieldDef>>();

/**
 * The field as its widget should see it: for a select with an option cascade, a copy whose
 * `choices` are only those the parent's current value allows (cached per allowed set, so the
 * object is stable between renders); any other field unchanged.
 *
 * @example cascadeField(cityField, { province: 'zj' }).options.choices // [杭州, 宁波]
 */
export function cascadeField(field: FieldDef, values: Readonly<Record<string, unknown>>): FieldDef {
  const cascade = cascadeOf(field);
  if (cascade === undefined) return field;
  const allowed = allowedChoiceValues(field, values[cascade.field] ?? null)!;
  const key = [...allowed].sort().join('\u0000');
  let byAllowed = derived.get(field);
  if (byAllowed === undefined) {
    byAllowed = new Map();
    derived.set(field, byAllowed);
  }
  let out = byAllowed.get(key);
  if (out === undefined) {
    const choices = ((field.options?.['choices'] ?? []) as SelectChoice[]).filter((c) => allowed.has(c.value));
    out = { ...field, options: { ...field.options, choices } };
    byAllowed.set(key, out);
  }
  return out;
}

/**
 * The changes that follow setting `key` to `value`: each select cascading from it (and, in
 * turn, from those) loses the choices the new parent value no longer allows — a single
 * select becomes empty, a multi select keeps its allowed choices. Free-text answers of
 * `allowOther` selects stay. Empty when nothing else changes.
 *
 * @example cascadeClears(form, { province: 'zj', city: 'hz' }, 'province', 'js') // { city: null }
 */
export function cascadeClears(form: FormDef, values: Readonly<Record<string, unknown>>, key: string, value: unknown): Record<string, unknown> {
  const next: Record<string, unknown> = { ...values, [key]: value };
  const changes: Record<string, unknown> = {};
  const queue = [key];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const child of form.fields) {
      const cascade = cascadeOf(child);
      if (cascade === undefined || cascade.field !== parent || child.key === key) continue;
      const current = next[child.key];
      if (current === null || current === undefined) continue;
      const allowed = allowedChoiceValues(child, next[parent] ?? null)!;
      const own = new Set(((child.options?.['choices'] ?? []) as SelectChoice[]).map((c) => c.value));
      const keep = (v: unknown) => typeof v !== 'string' || allowed.has(v) || !own.has(v);
      let cleared: unknown;
      if (Array.isArray(current)) {
        const kept = current.filter(keep);
        cleared = kept.length === current.length ? current : kept.length === 0 ? null : kept;
      } else cleared = keep(current) ? current : null;
      if (cleared === current || Object.prototype.hasOwnProperty.call(changes, child.key)) continue;
      changes[child.key] = cleared;
      next[child.key] = cleared;
      queue.push(child.key);
    }
  }
  return changes;
}
