import { parseFormula, type ExprType, type FormulaError, type FormulaVars } from '@trellis/expr';
import type { FieldDef, FormDef, ValueType } from '@trellis/schema';
import type { FieldTypeRegistry } from './field-type-registry.js';
import { varSchemaOf } from './var-schema.js';

/** Result types a formula field may declare, and the value type each stores as. */
export const FORMULA_RESULT_TYPES = ['number', 'text', 'date', 'datetime', 'boolean'] as const;
/** A formula field's `options.resultType`. */
export type FormulaResultType = (typeof FORMULA_RESULT_TYPES)[number];

/** One formula of a form: a formula field's `options.formula` or a field's `defaultFrom` formula. */
export interface FormFormula {
  readonly key: string;
  readonly kind: 'formula' | 'default';
  readonly text: string;
  /** Where the text sits, relative to the field (`/options/formula`, `/defaultFrom/formula`). */
  readonly path: string;
  readonly parsed: ReturnType<typeof parseFormula>;
}

/** The formulas of a form, checked: parse results, the order to compute them in, and cycles. */
export interface FormulaAnalysis {
  readonly vars: FormulaVars;
  /** Formulas by field key (a field has at most one: a formula field, or a default formula). */
  readonly formulas: ReadonlyMap<string, FormFormula>;
  /** Keys of the formulas in dependency order (those on a cycle are left out). */
  readonly order: readonly string[];
  /** For keys on a cycle: the cycle as text (`a → b → a`). */
  readonly cycles: ReadonlyMap<string, string>;
}

/** The sub-table columns of a field: `options.fields` (or `options.columns`) when it is a list of field definitions. */
function columnsOf(field: FieldDef, registry: FieldTypeRegistry): Record<string, { type: ValueType }> | undefined {
  const list = field.options?.['fields'] ?? field.options?.['columns'];
  if (!Array.isArray(list)) return undefined;
  const out: Record<string, { type: ValueType }> = {};
  for (const c of list as unknown[]) {
    if (c === null || typeof c !== 'object') continue;
    const col = c as FieldDef;
    if (typeof col.key !== 'string' || typeof col.type !== 'string' || !registry.has(col.type) || !registry.storesValue(col)) continue;
    out[col.key] = { type: registry.valueType(col) };
  }
  return out;
}

/**
 * The fields a formula of `form` may name: the condition variables (fields and system
 * columns) plus, for sub-table fields, their columns (`items.amount`).
 *
 * @example
 * formulaVarsOf(orderForm, fieldTypes).items; // { type: 'json', columns: { amount: { type: 'number' }, … } }
 */
export function formulaVarsOf(form: FormDef, registry: FieldTypeRegistry): FormulaVars {
  const vars: Record<string, FormulaVars[string]> = { ...varSchemaOf(form, registry) };
  for (const field of form.fields) {
    if (!Object.hasOwn(vars, field.key)) continue;
    const columns = columnsOf(field, registry);
    if (columns) vars[field.key] = { ...vars[field.key]!, columns };
  }
  return vars;
}

const cache = new WeakMap<FieldTypeRegistry, WeakMap<FormDef, FormulaAnalysis>>();

/**
 * Parses every formula of a form once (cached per form object) and orders them by their
 * references, finding cycles. Formula fields and default formulas share one graph: a
 * default formula that reads a formula field which reads it back is a cycle too.
 */
export function analyseFormulas(form: FormDef, registry: FieldTypeRegistry): FormulaAnalysis {
  let forms = cache.get(registry);
  if (!forms) {
    forms = new WeakMap();
    cache.set(registry, forms);
  }
  const hit = forms.get(form);
  if (hit) return hit;
  const vars = formulaVarsOf(form, registry);
  const formulas = new Map<string, FormFormula>();
  for (const field of form.fields) {
    if (!registry.has(field.type)) continue;
    if (field.type === 'formula') {
      const text = field.options?.['formula'];
      if (typeof text === 'string') formulas.set(field.key, { key: field.key, kind: 'formula', text, path: '/options/formula', parsed: parseFormula(text, vars) });
    } else if (field.defaultFrom?.kind === 'formula') {
      const text = field.defaultFrom.formula;
      formulas.set(field.key, { key: field.key, kind: 'default', text, path: '/defaultFrom/formula', parsed: parseFormula(text, vars) });
    }
  }
  const order: string[] = [];
  const cycles = new Map<string, string>();
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (key: string): void => {
    const s = state.get(key);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(key)), key];
      for (const k of cycle) if (!cycles.has(k)) cycles.set(k, cycle.join(' → '));
      return;
    }
    state.set(key, 'visiting');
    stack.push(key);
    const f = formulas.get(key)!;
    if (f.parsed.ok) for (const ref of f.parsed.refs) if (formulas.has(ref)) visit(ref);
    stack.pop();
    state.set(key, 'done');
    if (!cycles.has(key)) order.push(key);
  };
  for (const key of formulas.keys()) visit(key);
  // a formula reading one on a cycle cannot be computed either
  const blocked = (key: string, seen = new Set<string>()): boolean => {
    if (cycles.has(key)) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    const f = formulas.get(key)!;
    return f.parsed.ok && f.parsed.refs.some((r) => formulas.has(r) && blocked(r, seen));
  };
  const analysis: FormulaAnalysis = { vars, formulas, order: order.filter((k) => !blocked(k)), cycles };
  forms.set(form, analysis);
  return analysis;
}

/** Whether a formula's static type can be stored as the result type. */
function fits(type: ExprType, resultType: FormulaResultType): boolean {
  if (type === 'any' || type === 'null' || resultType === 'text') return true;
  if (resultType === 'date' || resultType === 'datetime') return type === 'date' || type === 'datetime';
  return type === resultType;
}

function describe(e: FormulaError): string {
  return `character ${e.position + 1}: ${e.message}`;
}

/**
 * Definition-time problems of the formulas of one field (its `options.formula` as a formula
 * field, its `defaultFrom` formula): syntax, unknown functions and fields, types, cycles,
 * a result that does not fit `resultType`. Paths are relative to the field; messages name
 * the character position.
 *
 * @example
 * formulaProblems(totalField, orderForm, fieldTypes); // [{ path: '/options/formula', message: "character 5: there is no field 'qyt'…" }]
 */
export function formulaProblems(field: FieldDef, form: FormDef, registry: FieldTypeRegistry): { path: string; message: string }[] {
  const context = contextDefaultProblem(field, registry);
  if (context) return [context];
  const analysis = analyseFormulas(form, registry);
  const f = analysis.formulas.get(field.key);
  if (!f || form.fields.find((x) => x.key === field.key) !== field) return [];
  if (!f.parsed.ok) return f.parsed.errors.map((e) => ({ path: f.path, message: describe(e) }));
  const cycle = analysis.cycles.get(field.key);
  if (cycle !== undefined) {
    return [{ path: f.path, message: `the formulas refer to each other in a circle: ${cycle}; remove one of the references` }];
  }
  if (f.kind === 'formula') {
    const resultType = (field.options?.['resultType'] ?? 'text') as FormulaResultType;
    if (!fits(f.parsed.type, resultType)) {
      return [{ path: f.path, message: `the formula gives ${f.parsed.type}, which does not fit the result type '${resultType}'; change the result type or the formula` }];
    }
  }
  return [];
}

/** Value types a context default fits: the date kinds need a date-like field, the user kinds an id-like one. */
const CONTEXT_DEFAULT_TYPES: Readonly<Record<string, readonly ValueType[]>> = {
  today: ['date', 'datetime', 'text'],
  now: ['datetime', 'text'],
  currentUser: ['text', 'uuid', 'text_list'],
  currentDept: ['text', 'uuid', 'text_list'],
};

function contextDefaultProblem(field: FieldDef, registry: FieldTypeRegistry): { path: string; message: string } | undefined {
  const kind = field.defaultFrom?.kind;
  const fits = kind === undefined ? undefined : CONTEXT_DEFAULT_TYPES[kind];
  if (!fits || !registry.has(field.type)) return undefined;
  const type = registry.valueType(field);
  if (fits.includes(type)) return undefined;
  return { path: '/defaultFrom/kind', message: `a '${kind}' default does not fit a ${type} field (it needs ${fits.join(', ')}); pick another default` };
}
