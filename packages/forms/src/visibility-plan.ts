import { compileJs, conditionVars, type EvalContext } from '@trellis/expr';
import type { FormDef } from '@trellis/schema';
import { compileForm } from './compile-form.js';
import type { FieldTypeRegistry } from './field-type-registry.js';
import { fieldTypes } from './field-types-global.js';

type Predicate = (record: Record<string, unknown>, ctx?: EvalContext) => unknown;

/**
 * Which fields a form's `visibleWhen` conditions hide, with the dependencies between them
 * worked out once, so that after a change only the conditions that read the changed fields
 * are evaluated again. Gives the same answers as `compileForm(form).hiddenFields` (a
 * property test checks it): hidden fields count as empty for the conditions of others,
 * a condition that fails at run time shows its field.
 */
export interface VisibilityPlan {
  /** The fields that have a `visibleWhen` condition, in an order where a condition comes after those of the fields it reads. */
  readonly conditional: readonly string[];
  /**
   * True when conditions read each other in a cycle (`a` shown when `b` is, `b` when `a` is).
   * `update` then evaluates every condition, exactly as `hiddenFields` does.
   */
  readonly cyclic: boolean;
  /** Keys of the fields whose condition reads `key` directly. */
  readers(key: string): readonly string[];
  /** Every condition evaluated: `compileForm(form).hiddenFields(data, ctx)`. */
  hidden(data: Readonly<Record<string, unknown>>, ctx?: EvalContext): ReadonlySet<string>;
  /**
   * The hidden fields after the fields `changed` took their values in `data`, given
   * `previous`, the answer for the data before. Evaluates only the conditions that read a
   * changed field, and then those that read a field that appeared or disappeared. Returns
   * `previous` itself when nothing flipped.
   */
  update(previous: ReadonlySet<string>, data: Readonly<Record<string, unknown>>, changed: Iterable<string>, ctx?: EvalContext): ReadonlySet<string>;
}

/** json-logic truthiness, as the form engine's `hiddenFields` reads a condition: empty lists are false too. */
const truthy = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : Boolean(v));
const NO_READERS: readonly string[] = [];
const cache = new WeakMap<FieldTypeRegistry, WeakMap<FormDef, VisibilityPlan>>();

function build(form: FormDef, registry: FieldTypeRegistry): VisibilityPlan {
  const compiled = compileForm(form, registry);
  const predicates = new Map<string, Predicate>();
  const reads = new Map<string, readonly string[]>();
  for (const f of form.fields) {
    if (f.visibleWhen === undefined || f.visibleWhen === true) continue;
    if (f.visibleWhen === false) {
      predicates.set(f.key, () => false);
      reads.set(f.key, []);
    } else {
      predicates.set(f.key, compileJs(f.visibleWhen, compiled.varSchema) as Predicate);
      reads.set(f.key, conditionVars(f.visibleWhen, compiled.varSchema).fields);
    }
  }
  const readersOf = new Map<string, string[]>();
  for (const [key, vars] of reads) {
    for (const v of vars) {
      let list = readersOf.get(v);
      if (list === undefined) readersOf.set(v, (list = []));
      list.push(key);
    }
  }

  // Topological order of the conditional fields (a condition after the conditional fields it reads).
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  let cyclic = false;
  const visit = (key: string): void => {
    const s = state.get(key);
    if (s === 'done') return;
    if (s === 'visiting') {
      cyclic = true;
      return;
    }
    state.set(key, 'visiting');
    for (const v of reads.get(key) ?? NO_READERS) if (predicates.has(v)) visit(v);
    state.set(key, 'done');
    order.push(key);
  };
  for (const key of predicates.keys()) visit(key);
  const rank = new Map(order.map((k, i) => [k, i]));

  const visible = (key: string, record: Record<string, unknown>, ctx?: EvalContext): boolean => {
    try {
      return truthy(predicates.get(key)!(record, ctx));
    } catch {
      return true; // as hiddenFields: a condition that fails at run time shows the field rather than dropping its data
    }
  };

  const hidden = (data: Readonly<Record<string, unknown>>, ctx?: EvalContext) => compiled.hiddenFields(data, ctx);

  const update = (previous: ReadonlySet<string>, data: Readonly<Record<string, unknown>>, changed: Iterable<string>, ctx?: EvalContext): ReadonlySet<string> => {
    if (predicates.size === 0) return previous;
    // Conditions to evaluate, by topological rank: those reading a changed field.
    const dirty = new Set<number>();
    for (const key of changed) for (const r of readersOf.get(key) ?? NO_READERS) dirty.add(rank.get(r)!);
    if (dirty.size === 0) return previous;
    if (cyclic) {
      const next = hidden(data, ctx);
      return next.size === previous.size && [...next].every((k) => previous.has(k)) ? previous : next;
    }
    const record: Record<string, unknown> = { ...data };
    for (const k of previous) record[k] = null;
    let next: Set<string> | undefined;
    // Walk the ranks in order: a flip marks the readers of that field, which rank later.
    for (let i = Math.min(...dirty); i < order.length; i++) {
      if (!dirty.has(i)) continue;
      const key = order[i]!;
      const nowVisible = visible(key, record, ctx);
      const wasHidden = (next ?? previous).has(key);
      if (nowVisible !== wasHidden) continue;
      next ??= new Set(previous);
      if (nowVisible) {
        next.delete(key);
        if (Object.prototype.hasOwnProperty.call(data, key)) record[key] = data[key];
        else delete record[key];
      } else {
        next.add(key);
        record[key] = null;
      }
      for (const r of readersOf.get(key) ?? NO_READERS) dirty.add(rank.get(r)!);
    }
    return next ?? previous;
  };

  return {
    conditional: order,
    cyclic,
    readers: (key) => readersOf.get(key) ?? NO_READERS,
    hidden,
    update,
  };
}

/**
 * The visibility plan of a form, built once per form object (definitions are immutable) from
 * the variables its conditions read (`conditionVars`). Throws what `compileForm` throws for a
 * form that does not compile.
 *
 * @example
 * const plan = visibilityPlan(form);
 * let hidden = plan.hidden(values);
 * values = { ...values, status: 'lost' };
 * hidden = plan.update(hidden, values, ['status']); // only the conditions reading `status` run
 */
export function visibilityPlan(form: FormDef, registry: FieldTypeRegistry = fieldTypes): VisibilityPlan {
  let forms = cache.get(registry);
  if (forms === undefined) {
    forms = new WeakMap();
    cache.set(registry, forms);
  }
  let plan = forms.get(form);
  if (plan === undefined) {
    plan = build(form, registry);
    forms.set(form, plan);
  }
  return plan;
}
