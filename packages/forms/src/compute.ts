import { compileJs, roundTo, truthy, type EvalContext, type JsPredicate, type VarSchema } from '@trellis/expr';
import type { FieldDef, FormDef } from '@trellis/schema';
import type { CompiledForm } from './compile-form.js';
import type { FieldTypeDefinition } from './field-type.js';
import type { FieldTypeRegistry } from './field-type-registry.js';
import { analyseFormulas, type FormulaResultType } from './formula-fields.js';

/** The options of `process` the compute step reads. */
interface ComputeOptions {
  readonly mode: 'create' | 'update';
  readonly existing?: Readonly<Record<string, unknown>>;
  readonly ctx?: EvalContext;
}

/** The compute step of one compiled form (see `compileCompute`). */
export interface FormCompute {
  /** The raw default of a field absent from a create input: `defaultFrom` context values, else `defaultValue`. */
  initial(field: FieldDef, ctx: EvalContext | undefined): unknown;
  /** Fills formula fields (and, on create, default formulas of absent fields) into cleaned `data`, in dependency order. */
  run(data: Record<string, unknown>, input: Readonly<Record<string, unknown>>, options: ComputeOptions): void;
  /** `values` with the formula fields computed, for live results in the browser; other values are returned as given. */
  compute(values: Readonly<Record<string, unknown>>, ctx?: EvalContext): Record<string, unknown>;
  /** Whether the form has anything to compute. */
  readonly active: boolean;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Converts a formula's value to the field's result type; what does not convert is null. */
function coerce(v: unknown, type: FormulaResultType, precision: number | undefined): unknown {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
      return precision === undefined ? v : roundTo(v, precision);
    case 'text': {
      const s = Array.isArray(v) ? v.filter((x) => x !== null && x !== undefined && x !== '').join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
      return s === '' ? null : s;
    }
    case 'date': {
      if (typeof v !== 'string') return null;
      if (DATE_RE.test(v)) return v;
      const ms = Date.parse(v);
      return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
    }
    case 'datetime': {
      if (typeof v !== 'string') return null;
      const ms = Date.parse(DATE_RE.test(v) ? `${v}T00:00:00Z` : v);
      return Number.isNaN(ms) ? null : new Date(ms).toISOString();
    }
    case 'boolean':
      return typeof v === 'boolean' ? v : truthy(v);
  }
}

interface Step {
  readonly key: string;
  readonly kind: 'formula' | 'default';
  readonly fn: JsPredicate;
  readonly finish: (v: unknown) => unknown;
}

/**
 * Compiles the compute step of a form once: every formula (formula fields and default
 * formulas) to a JS function, in dependency order, with its result conversion. A formula
 * that fails at run time (division by zero, a bad date, an exception) yields null; nothing
 * here throws per record.
 */
export function compileCompute(
  form: FormDef,
  valueFields: readonly FieldDef[],
  types: ReadonlyMap<string, FieldTypeDefinition>,
  varSchema: VarSchema,
  registry: FieldTypeRegistry,
  compile?: (form: FormDef) => CompiledForm,
): FormCompute {
  // nested values with formulas inside (sub-table lines): computed live too
  const nested = compile === undefined ? [] : valueFields.filter((f) => types.get(f.key)!.computeNested !== undefined);
  const analysis = analyseFormulas(form, registry);
  const byKey = new Map(valueFields.map((f) => [f.key, f]));
  const steps: Step[] = [];
  for (const key of analysis.order) {
    const f = analysis.formulas.get(key)!;
    const field = byKey.get(key);
    if (!field || !f.parsed.ok) continue;
    const fn = compileJs(f.parsed.rule, varSchema);
    if (f.kind === 'formula') {
      const resultType = (field.options?.['resultType'] ?? 'text') as FormulaResultType;
      const precision = field.options?.['precision'] as number | undefined;
      steps.push({ key, kind: 'formula', fn, finish: (v) => coerce(v, resultType, precision) });
    } else {
      const type = types.get(key)!;
      steps.push({ key, kind: 'default', fn, finish: (v) => (v === null || v === undefined ? null : (type.clean(v, field) ?? null)) });
    }
  }
  const formulaSteps = steps.filter((s) => s.kind === 'formula');
  // live results clean only what the formulas read (a 500-field form recomputes per keystroke)
  const readByFormulas = new Set(formulaSteps.flatMap((s) => {
    const parsed = analysis.formulas.get(s.key)!.parsed;
    return parsed.ok ? parsed.refs : [];
  }));
  const formulaInputs = valueFields.filter((f) => readByFormulas.has(f.key));

  const evaluate = (step: Step, record: Record<string, unknown>, ctx: EvalContext | undefined): unknown => {
    try {
      return step.finish(step.fn(record, ctx));
    } catch {
      return null; // a formula never fails a submission: it has no value instead
    }
  };

  const contextDefaults = new Map<string, (ctx: EvalContext | undefined) => unknown>();
  for (const field of valueFields) {
    const kind = field.defaultFrom?.kind;
    if (kind === 'currentUser') contextDefaults.set(field.key, (ctx) => ctx?.user?.id ?? field.defaultValue);
    else if (kind === 'currentDept') contextDefaults.set(field.key, (ctx) => ctx?.user?.deptIds?.[0] ?? field.defaultValue);
    else if (kind === 'today') contextDefaults.set(field.key, (ctx) => (ctx?.now ?? new Date()).toISOString().slice(0, 10));
    else if (kind === 'now') contextDefaults.set(field.key, (ctx) => (ctx?.now ?? new Date()).toISOString());
  }

  return {
    active: steps.length > 0,
    initial(field, ctx) {
      if (contextDefaults.size === 0) return field.defaultValue;
      const d = contextDefaults.get(field.key);
      return d === undefined ? field.defaultValue : d(ctx);
    },
    run(data, input, options) {
      if (steps.length === 0) return;
      const ctx = options.ctx;
      // update: formulas read the merged record, system columns of the stored one included
      const record = options.mode === 'update' && options.existing !== undefined ? { ...options.existing, ...data } : data;
      for (const step of steps) {
        if (step.kind === 'default') {
          if (options.mode !== 'create' || Object.hasOwn(input, step.key)) continue;
          const v = evaluate(step, record, ctx);
          if (v === null) continue; // keep the static default
          data[step.key] = v;
          if (record !== data) record[step.key] = v;
          continue;
        }
        const v = evaluate(step, record, ctx);
        data[step.key] = v;
        if (record !== data) record[step.key] = v;
      }
    },
    compute(values, ctx) {
      const out: Record<string, unknown> = { ...values };
      for (const f of nested) {
        try {
          out[f.key] = types.get(f.key)!.computeNested!(values[f.key] ?? null, f, compile!, ctx);
        } catch {
          // show the rows as typed
        }
      }
      if (formulaSteps.length === 0) return out;
      const record: Record<string, unknown> = {};
      for (const f of formulaInputs) {
        const raw = out[f.key];
        let v: unknown = null;
        if (raw !== undefined && raw !== null) {
          try {
            v = types.get(f.key)!.clean(raw, f);
          } catch {
            v = null;
          }
        }
        record[f.key] = v === undefined ? null : v;
      }
      for (const step of formulaSteps) {
        const v = evaluate(step, record, ctx);
        record[step.key] = v;
        out[step.key] = v;
      }
      return out;
    },
  };
}
