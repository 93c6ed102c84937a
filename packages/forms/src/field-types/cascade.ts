import { KEY_PATTERN, localize, pointer, type FieldDef, type FormDef, type JsonSchema } from '@trellis/schema';
import type { FieldIssue } from '../field-issue.js';
import { messageLocale } from '../messages.js';
import { allowsOther, choiceLabel, choicesOf } from './choices.js';

/**
 * An option cascade (选项联动) of a select: which of its choices each value of another
 * select (the parent) allows. `choices` maps a parent choice value to the allowed child
 * choice values; a parent value that is not in the map, or an empty parent, allows none.
 */
export interface OptionCascade {
  /** Key of a single or multi select of the same form. */
  readonly field: string;
  readonly choices: { readonly [parentValue: string]: readonly string[] };
}

/** Field types a cascade may depend on. */
export const CASCADE_PARENT_TYPES: readonly string[] = ['single_select', 'multi_select'];

/** The `cascade` option of single and multi select. */
export const cascadeOptionSchema: JsonSchema = {
  type: 'object',
  required: ['field', 'choices'],
  properties: {
    field: { type: 'string', pattern: KEY_PATTERN.source },
    choices: { type: 'object', maxProperties: 500, additionalProperties: { type: 'array', maxItems: 500, uniqueItems: true, items: { type: 'string' } } },
  },
  additionalProperties: false,
};

/** The cascade of a select, or undefined when its choices do not depend on another field. */
export function cascadeOf(field: FieldDef): OptionCascade | undefined {
  const c = field.options?.['cascade'];
  return typeof c === 'object' && c !== null && !Array.isArray(c) ? (c as OptionCascade) : undefined;
}

/**
 * The child choice values the parent's current value allows (the union over the values of
 * a multi-select parent); undefined when the field has no cascade.
 *
 * @example allowedChoiceValues(cityField, 'zhejiang') // Set { 'hangzhou', 'ningbo' }
 */
export function allowedChoiceValues(field: FieldDef, parentValue: unknown): ReadonlySet<string> | undefined {
  const cascade = cascadeOf(field);
  if (cascade === undefined) return undefined;
  const parents = Array.isArray(parentValue) ? parentValue : parentValue === null || parentValue === undefined ? [] : [parentValue];
  const out = new Set<string>();
  for (const p of parents) {
    if (typeof p !== 'string' || !Object.prototype.hasOwnProperty.call(cascade.choices, p)) continue;
    for (const v of cascade.choices[p] ?? []) out.add(v);
  }
  return out;
}

/**
 * Definition checks of a cascade (paths relative to the field): the parent is another
 * single or multi select of the form, the map's keys are choices of the parent and its
 * values choices of this field, and following parents never comes back to this field.
 */
export function checkCascade(field: FieldDef, form: FormDef): { path: string; message: string }[] {
  const cascade = cascadeOf(field);
  if (cascade === undefined) return [];
  const out: { path: string; message: string }[] = [];
  const parent = form.fields.find((f) => f.key === cascade.field);
  if (parent === undefined || parent === field || !CASCADE_PARENT_TYPES.includes(parent.type)) {
    const why = parent === undefined ? `form '${form.key}' has no field '${cascade.field}'` : parent === field ? 'a field cannot depend on itself' : `'${cascade.field}' is a ${parent.type}, not a single or multi select`;
    return [{ path: '/options/cascade/field', message: `the choices cascade from '${cascade.field}', but ${why}; pick another select of this form` }];
  }
  const seen = new Set<FieldDef>([field]);
  for (let p: FieldDef | undefined = parent; p !== undefined; ) {
    if (seen.has(p)) {
      out.push({ path: '/options/cascade/field', message: `the cascade of '${field.key}' goes round in a circle through '${p.key}'; break the circle` });
      break;
    }
    seen.add(p);
    const next = cascadeOf(p);
    p = next === undefined ? undefined : form.fields.find((f) => f.key === next.field);
  }
  const parentValues = new Set(choicesOf(parent).map((c) => c.value));
  const own = new Set(choicesOf(field).map((c) => c.value));
  for (const [pv, children] of Object.entries(cascade.choices)) {
    const at = pointer('/options/cascade/choices', pv);
    if (!parentValues.has(pv)) out.push({ path: at, message: `'${pv}' is not a choice of '${parent.key}'; remove it or add the choice there` });
    children.forEach((v, i) => {
      if (!own.has(v)) out.push({ path: pointer(at, i), message: `'${v}' is not a choice of this field; remove it or add the choice` });
    });
  }
  return out;
}

/**
 * Refuses values of cascading selects that the parent's current value does not allow, as
 * `FIELD_NOT_A_CHOICE` naming the allowed labels. `data` is the cleaned record after
 * visibility (a hidden parent is `null`); free-text answers (`allowOther`) pass.
 */
export function cascadeIssues(fields: readonly FieldDef[], data: Readonly<Record<string, unknown>>, form: FormDef, locale: string | undefined): [key: string, issue: FieldIssue][] {
  const out: [string, FieldIssue][] = [];
  const loc = messageLocale(locale);
  for (const field of fields) {
    const cascade = cascadeOf(field);
    const value = data[field.key];
    if (cascade === undefined || value === null || value === undefined) continue;
    const allowed = allowedChoiceValues(field, data[cascade.field])!;
    const own = new Set(choicesOf(field).map((c) => c.value));
    const values = Array.isArray(value) ? value : [value];
    const bad = values.find((v) => typeof v === 'string' && !allowed.has(v) && (own.has(v) || !allowsOther(field)));
    if (bad === undefined) continue;
    const parent = form.fields.find((f) => f.key === cascade.field);
    const parentLabel = parent === undefined ? cascade.field : localize(parent.label, loc) || parent.key;
    const labels = choicesOf(field).filter((c) => allowed.has(c.value)).map((c) => choiceLabel(field, c.value, loc));
    const text = labels.length > 0 ? labels.join(loc === 'zh-CN' ? '、' : ', ') : loc === 'zh-CN' ? `（请先选择「${parentLabel}」）` : `(choose '${parentLabel}' first)`;
    out.push([field.key, { code: 'FIELD_NOT_A_CHOICE', params: { value: bad, allowed: text } }]);
  }
  return out;
}
