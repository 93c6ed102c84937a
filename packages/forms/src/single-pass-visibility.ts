import type { EvalContext } from '@trellis/expr';

/** The truthiness compile-form uses for visibility: empty lists are false too. */
const truthy = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : Boolean(v));

type Predicate = (record: Record<string, unknown>, ctx?: EvalContext) => unknown;

const NOTHING_HIDDEN: ReadonlySet<string> = Object.freeze(new Set<string>());

/** The record fields a json-logic rule reads (first segment of each `var`). */
export function ruleRefs(rule: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(rule)) {
    for (const r of rule) ruleRefs(r, out);
  } else if (rule !== null && typeof rule === 'object') {
    for (const [op, arg] of Object.entries(rule)) {
      if (op === 'var') {
        const name = Array.isArray(arg) ? arg[0] : arg;
        if (typeof name === 'string') out.add(name.split('.')[0]!);
        if (Array.isArray(arg)) ruleRefs(arg.slice(1), out);
      } else ruleRefs(arg, out);
    }
  }
  return out;
}

/**
 * The common case of `visibleWhen`: no condition reads a field that has a condition itself,
 * so hiding cannot cascade and one pass over the record — without copying it — gives the
 * same answer as the general fixpoint. Returns undefined when conditions do cascade.
 */
export function singlePassVisibility(
  rules: ReadonlyMap<string, unknown>,
  conditions: ReadonlyMap<string, Predicate>,
): ((data: Readonly<Record<string, unknown>>, ctx?: EvalContext) => ReadonlySet<string>) | undefined {
  for (const rule of rules.values()) {
    for (const ref of ruleRefs(rule)) if (conditions.has(ref)) return undefined;
  }
  const list = [...conditions];
  return (data, ctx) => {
    let hidden: Set<string> | undefined;
    for (const [key, predicate] of list) {
      let visible = true;
      try {
        visible = truthy(predicate(data as Record<string, unknown>, ctx));
      } catch {
        visible = true; // as the general path: a condition failing at run time shows the field
      }
      if (!visible) (hidden ??= new Set()).add(key);
    }
    return hidden ?? NOTHING_HIDDEN;
  };
}
