import { choiceSchema, type FieldDef, type JsonSchema, type SelectChoice } from '@trellis/schema';
import { localize } from '@trellis/schema';

/** The `choices` option shared by single and multi select: a non-empty list of `{ value, label, color? }`. */
export const choicesOptionSchema: JsonSchema = { type: 'array', minItems: 1, maxItems: 500, items: choiceSchema };

/** The choices of a select field (empty when the options are missing). */
export function choicesOf(field: FieldDef): readonly SelectChoice[] {
  const c = field.options?.['choices'];
  return Array.isArray(c) ? (c as SelectChoice[]) : [];
}

const labelIndexes = new WeakMap<FieldDef, Map<string, string>>();

/**
 * Maps what a person typed to a choice value: the value itself, or — for imports and API
 * clients that send what they see — a label in any locale (`重点客户` → `key`).
 */
export function choiceValueFor(field: FieldDef, text: string): string {
  let index = labelIndexes.get(field);
  if (index === undefined) {
    index = new Map();
    for (const c of choicesOf(field)) {
      const labels = typeof c.label === 'string' ? [c.label] : Object.values(c.label);
      for (const l of labels) if (!index.has(l.trim())) index.set(l.trim(), c.value);
    }
    for (const c of choicesOf(field)) index.set(c.value, c.value);
    labelIndexes.set(field, index);
  }
  return index.get(text) ?? text;
}

/** The label of a choice value in `locale` (the value itself when it is not a choice). */
export function choiceLabel(field: FieldDef, value: string, locale: string): string {
  const c = choicesOf(field).find((x) => x.value === value);
  return c === undefined ? value : localize(c.label, locale);
}

/** Definition checks shared by selects: unique values, unique labels. Paths relative to the field. */
export function checkChoices(field: FieldDef): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const seen = new Map<string, number>();
  choicesOf(field).forEach((c, i) => {
    const prev = seen.get(c.value);
    if (prev !== undefined) out.push({ path: `/options/choices/${i}/value`, message: `choice value '${c.value}' is already used by choice ${prev}; choice values must be unique` });
    else seen.set(c.value, i);
  });
  return out;
}

/** Longest free text of a select's "other" answer. */
export const OTHER_MAX_LENGTH = 200;

/** Whether a select accepts free text besides its choices (`options.allowOther`). */
export function allowsOther(field: FieldDef): boolean {
  return field.options?.['allowOther'] === true;
}
