import { compileJs, type EvalContext, type VarSchema } from '@trellis/expr';
import type { FieldDef } from '@trellis/schema';

type Predicate = (record: Record<string, unknown>, ctx?: EvalContext) => unknown;

/** json-logic truthiness: empty lists are false too. */
const truthy = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : Boolean(v));

/** The `readOnlyWhen` conditions of a form's fields, compiled once. */
export interface ReadOnlyRules {
  /** Whether any field can be read-only at all. */
  readonly any: boolean;
  /** The keys of the fields whose condition holds for `record` (what the renderer disables). */
  evaluate(record: Readonly<Record<string, unknown>>, ctx?: EvalContext): Set<string>;
  /**
   * The read-only fields of a submission. Each field found read-only is `reset` (its input
   * replaced by the default or stored value) and the conditions run again on the result,
   * until no more fields become read-only: changing one read-only field's input can never
   * unlock another.
   */
  settle(record: () => Readonly<Record<string, unknown>>, ctx: EvalContext | undefined, reset: (key: string) => void): Set<string>;
}

/**
 * Compiles the `readOnlyWhen` of every field (`true` = always read-only). A condition that
 * fails at run time counts as holding: keeping the stored value is the safe side.
 *
 * @example compileReadOnly(form.fields, varSchema).evaluate({ status: 'closed' }) // Set { 'amount' }
 */
export function compileReadOnly(fields: readonly FieldDef[], varSchema: VarSchema): ReadOnlyRules {
  const conditions = new Map<string, Predicate>();
  for (const f of fields) {
    if (f.readOnlyWhen === undefined || f.readOnlyWhen === false) continue;
    conditions.set(f.key, f.readOnlyWhen === true ? () => true : (compileJs(f.readOnlyWhen, varSchema) as Predicate));
  }
  const holds = (predicate: Predicate, record: Record<string, unknown>, ctx?: EvalContext): boolean => {
    try {
      return truthy(predicate(record, ctx));
    } catch {
      return true;
    }
  };
  return {
    any: conditions.size > 0,
    evaluate(record, ctx) {
      const out = new Set<string>();
      for (const [key, predicate] of conditions) if (holds(predicate, { ...record }, ctx)) out.add(key);
      return out;
    },
    settle(record, ctx, reset) {
      const out = new Set<string>();
      for (let pass = 0; pass <= conditions.size; pass++) {
        const current = { ...record() };
        let grew = false;
        for (const [key, predicate] of conditions) {
          if (out.has(key) || !holds(predicate, current, ctx)) continue;
          out.add(key);
          reset(key);
          grew = true;
        }
        if (!grew) break;
      }
      return out;
    },
  };
}
