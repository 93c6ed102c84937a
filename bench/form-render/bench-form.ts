/**
 * The 500-field form of benchmark `form-render`, as a Trellis form definition and as the
 * equivalent JSON Schema (+ uiSchema) for `@rjsf/core`. Both pages import this file, so the
 * two forms cannot drift apart.
 *
 * One text field, `trigger`, is typed into. Thirteen fields have `visibleWhen` conditions
 * that read it (shown once a letter has been typed, or hidden once it has). When the form
 * engine has the `formula` field type, eight formula fields are added (six concatenate
 * `trigger` with another field, two add numbers); rjsf gets the same values computed by
 * hand-written code in its `onChange` (rjsf has no formulas), shown read-only.
 * The rest are ordinary fields cycling through text, number, date, single select,
 * boolean, long text, email and multi select.
 */
import type { FieldDef, FormDef } from '@trellis/schema';

/** Total number of fields in both variants. */
export const FIELD_COUNT = 500;
/** The 50 characters typed into `trigger`. */
export const TYPED_TEXT = 'The quick brown fox jumps over the lazy dog, 12345';
export const TRIGGER = 'trigger';

const CHOICES = ['a', 'b', 'c', 'd', 'e'].map((v) => ({ value: v, label: `Choice ${v.toUpperCase()}` }));

/** `dep_i` is shown while `trigger` contains `part` (or, `negate`, while it does not; `prefix`: starts with it). */
const DEPENDENTS: readonly { part: string; negate?: boolean; prefix?: boolean }[] = [
  { part: 'The', prefix: true },
  { part: 'q' },
  { part: 'u', negate: true },
  { part: 'k' },
  { part: 'w' },
  { part: 'x' },
  { part: 'j' },
  { part: 'p', negate: true },
  { part: 'v' },
  { part: 'z' },
  { part: 'y', negate: true },
  { part: 'g' },
  { part: '3' },
];

const BASE_TYPES = ['text', 'number', 'date', 'single_select', 'boolean', 'long_text', 'email', 'multi_select'] as const;

/** A text formula `CONCAT(trigger, " / ", text_k)` or a number formula `num_a + num_b`. */
export interface BenchFormula {
  readonly key: string;
  readonly kind: 'concat' | 'sum';
  readonly args: readonly [string, string];
}

export interface BenchForm {
  readonly withFormulas: boolean;
  readonly form: FormDef;
  readonly formulas: readonly BenchFormula[];
  readonly jsonSchema: Record<string, unknown>;
  readonly uiSchema: Record<string, unknown>;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Builds both forms; `withFormulas` adds the formula fields (only when the engine has the type). */
export function benchForm(withFormulas: boolean): BenchForm {
  const fields: FieldDef[] = [];
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const uiSchema: Record<string, unknown> = {};
  const allOf: unknown[] = [];
  const order: string[] = [];
  const formulas: BenchFormula[] = [];

  const formulaCount = withFormulas ? 8 : 0;
  const baseCount = FIELD_COUNT - 1 - DEPENDENTS.length - formulaCount;

  fields.push({ id: 'f_trigger', key: TRIGGER, type: 'text', label: 'Trigger', description: 'Type here: 13 fields and the formulas read it', required: true });
  properties[TRIGGER] = { type: 'string', title: 'Trigger', description: 'Type here: 13 fields and the formulas read it' };
  required.push(TRIGGER);
  order.push(TRIGGER);

  DEPENDENTS.forEach((d, i) => {
    const key = `dep_${i}`;
    const label = `${d.negate ? 'Without' : d.prefix ? 'Starts with' : 'With'} “${d.part}”`;
    const test = d.prefix ? { startsWith: [{ var: TRIGGER }, d.part] } : { contains: [{ var: TRIGGER }, d.part] };
    fields.push({ id: `f_${key}`, key, type: 'text', label, visibleWhen: d.negate ? { '!': test } : test });
    const pattern = d.prefix ? `^${escapeRegExp(d.part)}` : escapeRegExp(d.part);
    const branch = { properties: { [key]: { type: 'string', title: label } } };
    allOf.push({
      if: { properties: { [TRIGGER]: { type: 'string', pattern } }, required: [TRIGGER] },
      ...(d.negate ? { else: branch } : { then: branch }),
    });
    order.push(key);
  });

  for (let i = 0; i < formulaCount; i++) {
    const key = `calc_${i}`;
    const f: BenchFormula = i < 6 ? { key, kind: 'concat', args: [TRIGGER, `base_${i * 8}`] } : { key, kind: 'sum', args: [`base_${1 + (i - 6) * 8}`, `base_${9 + (i - 6) * 8}`] };
    formulas.push(f);
    const formula = f.kind === 'concat' ? `CONCAT(${f.args[0]}, " / ", ${f.args[1]})` : `${f.args[0]} + ${f.args[1]}`;
    const label = f.kind === 'concat' ? `Trigger / ${f.args[1]}` : `${f.args[0]} + ${f.args[1]}`;
    fields.push({ id: `f_${key}`, key, type: 'formula', label, options: { formula, resultType: f.kind === 'concat' ? 'text' : 'number', ...(f.kind === 'sum' ? { precision: 2 } : {}) } });
    properties[key] = { type: f.kind === 'concat' ? 'string' : 'number', title: label };
    uiSchema[key] = { 'ui:readonly': true };
    order.push(key);
  }

  for (let i = 0; i < baseCount; i++) {
    const key = `base_${i}`;
    const type = BASE_TYPES[i % BASE_TYPES.length]!;
    const label = `Field ${i + 1} (${type})`;
    const description = i % 10 === 0 ? `Help text of field ${i + 1}` : undefined;
    const req = i % 7 === 0;
    const def: FieldDef = {
      id: `f_${key}`,
      key,
      type,
      label,
      ...(description ? { description } : {}),
      ...(req ? { required: true } : {}),
      ...(type === 'single_select' || type === 'multi_select' ? { options: { choices: CHOICES } } : {}),
    };
    fields.push(def);
    const common = { title: label, ...(description ? { description } : {}) };
    switch (type) {
      case 'text':
        properties[key] = { type: 'string', ...common };
        break;
      case 'number':
        properties[key] = { type: 'number', ...common };
        break;
      case 'date':
        properties[key] = { type: 'string', format: 'date', ...common };
        break;
      case 'single_select':
        properties[key] = { type: 'string', oneOf: CHOICES.map((c) => ({ const: c.value, title: c.label })), ...common };
        break;
      case 'boolean':
        properties[key] = { type: 'boolean', ...common };
        break;
      case 'long_text':
        properties[key] = { type: 'string', ...common };
        uiSchema[key] = { 'ui:widget': 'textarea' };
        break;
      case 'email':
        properties[key] = { type: 'string', format: 'email', ...common };
        break;
      case 'multi_select':
        properties[key] = { type: 'array', items: { type: 'string', oneOf: CHOICES.map((c) => ({ const: c.value, title: c.label })) }, uniqueItems: true, ...common };
        uiSchema[key] = { 'ui:widget': 'checkboxes' };
        break;
    }
    if (req) required.push(key);
    order.push(key);
  }

  uiSchema['ui:order'] = order;
  const jsonSchema = { type: 'object', title: 'Bench', properties, required, allOf };
  return { withFormulas, form: { key: 'bench', name: 'Bench', fields }, formulas, jsonSchema, uiSchema };
}

/** The formula values rjsf's page computes by hand (what Trellis's formula fields compute). */
export function handFormulas(formulas: readonly BenchFormula[], data: Record<string, unknown>): Record<string, unknown> {
  if (formulas.length === 0) return data;
  const out: Record<string, unknown> = { ...data };
  for (const f of formulas) {
    const [a, b] = f.args;
    if (f.kind === 'concat') out[f.key] = `${String(data[a] ?? '')} / ${String(data[b] ?? '')}`;
    else out[f.key] = Math.round((Number(data[a] ?? 0) + Number(data[b] ?? 0)) * 100) / 100;
  }
  return out;
}
