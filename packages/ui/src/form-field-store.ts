import { cascadeOf, compileForm, fieldTypes, visibilityPlan, type VisibilityPlan } from '@trellis/forms';
import type { FieldDef, FormDef } from '@trellis/schema';
import type { FieldErrors } from './field-errors.js';
import { cascadeField } from './form-cascade.js';

/** What one field row of the form renderer draws: its value, its messages and whether it is hidden. */
export interface FieldState {
  /** The value in wire format, `null` when empty. */
  readonly value: unknown;
  readonly errors: readonly string[];
  /** True while the field's `visibleWhen` is false. */
  readonly hidden: boolean;
  /** True while the field's `readOnlyWhen` holds (the input is disabled; the server ignores it). */
  readonly readOnly: boolean;
  /** The field as its editor sees it: for a cascading select, only the choices its parent allows. */
  readonly field: FieldDef;
  /** Messages below the field (`items/0/qty` → `0/qty`), for editors of nested values such as sub-tables. */
  readonly nestedErrors: FieldErrors;
}

const NO_MESSAGES: readonly string[] = [];
const NOTHING_HIDDEN: ReadonlySet<string> = new Set();
const NO_NESTED: FieldErrors = {};

type ReadOnlyOf = (values: Readonly<Record<string, unknown>>) => ReadonlySet<string>;

const sameMessages = (a: readonly string[], b: readonly string[]): boolean => a === b || (a.length === b.length && a.every((m, i) => m === b[i]));
const sameNested = (a: FieldErrors, b: FieldErrors): boolean => {
  if (a === b) return true;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => b[k] !== undefined && sameMessages(a[k]!, b[k]!));
};

/** Computed values compare by content: sub-table lines come back as new arrays on every computation. */
const sameComputed = (a: unknown, b: unknown): boolean => Object.is(a, b) || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));

/** The messages below field `key` of an error map, keyed by the rest of their path. */
function nestedErrorsOf(errors: FieldErrors, key: string): FieldErrors {
  let out: Record<string, readonly string[]> | undefined;
  for (const [path, messages] of Object.entries(errors)) {
    if (!path.startsWith(`${key}/`)) continue;
    (out ??= {})[path.slice(key.length + 1)] = messages;
  }
  return out ?? NO_NESTED;
}

/**
 * The state of a rendered form, kept outside React so that each field row subscribes to its
 * own field alone (`useSyncExternalStore`): a keystroke changes one field's state, and only
 * the rows whose state changed — that field, and the fields whose `visibleWhen` flipped —
 * are told. Visibility is updated incrementally with the form engine's `visibilityPlan`
 * (only the conditions that read the changed field run). A form the engine cannot compile
 * (a plugin type missing in this build) hides nothing, as `hiddenFieldKeys` does.
 *
 * The renderer's props stay the source of truth: `sync` takes the caller's values and errors
 * after every render and tells the rows whose state differs; `setValue` records a keystroke
 * at once, before the caller's state comes back with it.
 *
 * @example
 * const store = new FormFieldStore(form, values, errors);
 * const off = store.subscribe('status', () => render(store.get('status')));
 * store.setValue('status', 'lost'); // notifies 'status' and the fields its value shows or hides
 */
export class FormFieldStore {
  readonly #keys: readonly string[];
  readonly #fields: ReadonlyMap<string, FieldDef>;
  readonly #plan: VisibilityPlan | undefined;
  /** The cascading selects of each parent field. */
  readonly #cascadeChildren = new Map<string, string[]>();
  /** The engine's read-only decision, when the form has `readOnlyWhen` conditions. */
  readonly #readOnlyOf: ReadOnlyOf | undefined;
  #readOnly: ReadonlySet<string> = NOTHING_HIDDEN;
  /** The formula fields, computed live by the form engine from the other values. */
  readonly #formulaKeys: readonly string[];
  readonly #computeLive: ((values: Readonly<Record<string, unknown>>) => Record<string, unknown>) | undefined;
  /** What the rows show and the conditions read: `#values` with the formula fields computed. */
  #shown: Readonly<Record<string, unknown>>;
  readonly #states = new Map<string, FieldState>();
  readonly #listeners = new Map<string, Set<() => void>>();
  /** The record the conditions read: the caller's values with the keystrokes since. */
  #values: Record<string, unknown>;
  #errors: FieldErrors;
  #hidden: ReadonlySet<string>;

  constructor(form: FormDef, values: Readonly<Record<string, unknown>>, errors: FieldErrors = {}) {
    this.#keys = form.fields.map((f) => f.key);
    this.#fields = new Map(form.fields.map((f) => [f.key, f]));
    for (const f of form.fields) {
      const parent = cascadeOf(f)?.field;
      if (parent !== undefined) this.#cascadeChildren.set(parent, [...(this.#cascadeChildren.get(parent) ?? []), f.key]);
    }
    let readOnlyOf: ReadOnlyOf | undefined;
    if (form.fields.some((f) => f.readOnlyWhen !== undefined && f.readOnlyWhen !== false)) {
      try {
        const compiled = compileForm(form);
        readOnlyOf = (v) => compiled.readOnlyFields(v);
      } catch {
        readOnlyOf = undefined; // a form the engine cannot compile makes nothing read-only (the server still enforces it)
      }
    }
    this.#readOnlyOf = readOnlyOf;
    // formula fields, and fields whose value holds formulas of its own (sub-table lines)
    this.#formulaKeys = form.fields.filter((f) => f.type === 'formula' || fieldTypes.get(f.type)?.computeNested !== undefined).map((f) => f.key);
    if (this.#formulaKeys.length > 0) {
      let compute: ((v: Readonly<Record<string, unknown>>) => Record<string, unknown>) | undefined;
      try {
        const compiled = compileForm(form);
        compute = (v) => compiled.compute(v);
      } catch {
        compute = undefined; // a formula being edited in the designer: show the values as they are
      }
      this.#computeLive = compute;
    } else this.#computeLive = undefined;
    let plan: VisibilityPlan | undefined;
    try {
      plan = visibilityPlan(form);
    } catch {
      plan = undefined; // showing input is safer than losing it
    }
    this.#plan = plan;
    this.#values = { ...values };
    this.#shown = this.#live();
    this.#errors = errors;
    this.#hidden = this.#fullVisibility();
    this.#readOnly = this.#readOnlyNow();
    for (const key of this.#keys) this.#states.set(key, this.#stateOf(key));
  }

  /** The record as the rows show it: the caller's values with the keystrokes since. */
  get values(): Readonly<Record<string, unknown>> {
    return this.#values;
  }

  /** The current state of a field (the same object until it changes). */
  get(key: string): FieldState {
    const state = this.#states.get(key);
    if (state !== undefined) return state;
    return { value: null, errors: NO_MESSAGES, hidden: false, readOnly: false, field: { id: key, key, type: 'text', label: key }, nestedErrors: NO_NESTED };
  }

  /** Calls `listener` whenever the state of field `key` changes; returns the unsubscribe function. */
  subscribe(key: string, listener: () => void): () => void {
    let set = this.#listeners.get(key);
    if (set === undefined) this.#listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  /** A new value typed into one field: that field and the fields whose visibility flips are told. */
  setValue(key: string, value: unknown): void {
    if (Object.is(this.#values[key], value)) return;
    this.#values[key] = value;
    this.#refresh([key]);
  }

  /**
   * The caller's values and errors (the renderer's props): compares them with what the rows
   * show and tells only the rows that differ. A keystroke that came back unchanged costs one
   * comparison per field.
   */
  sync(values: Readonly<Record<string, unknown>>, errors: FieldErrors = {}): void {
    const changed: string[] = [];
    for (const key of Object.keys(values)) if (!Object.is(values[key], this.#values[key])) changed.push(key);
    for (const key of Object.keys(this.#values)) if (!Object.hasOwn(values, key) && this.#values[key] !== undefined) changed.push(key);
    const errorsChanged = errors !== this.#errors;
    if (changed.length === 0 && !errorsChanged) return;
    this.#values = { ...values };
    this.#errors = errors;
    this.#refresh(changed, errorsChanged);
  }

  #live(): Readonly<Record<string, unknown>> {
    if (this.#computeLive === undefined) return this.#values;
    try {
      return this.#computeLive(this.#values);
    } catch {
      return this.#values;
    }
  }

  #fullVisibility(): ReadonlySet<string> {
    if (this.#plan === undefined) return NOTHING_HIDDEN;
    try {
      return this.#plan.hidden(this.#shown);
    } catch {
      return NOTHING_HIDDEN;
    }
  }

  #readOnlyNow(): ReadonlySet<string> {
    if (this.#readOnlyOf === undefined) return NOTHING_HIDDEN;
    try {
      return this.#readOnlyOf(this.#shown);
    } catch {
      return NOTHING_HIDDEN;
    }
  }

  #stateOf(key: string): FieldState {
    const value = this.#shown[key];
    const field = this.#fields.get(key)!;
    return {
      value: value === undefined ? null : value,
      errors: this.#errors[key] ?? NO_MESSAGES,
      hidden: this.#hidden.has(key),
      readOnly: this.#readOnly.has(key),
      field: cascadeField(field, this.#values),
      nestedErrors: nestedErrorsOf(this.#errors, key),
    };
  }

  /** Recomputes the states of the changed fields and of the fields whose visibility flipped, then notifies them. */
  #refresh(changedKeys: readonly string[], errorsChanged = false): void {
    const changed = [...changedKeys];
    if (this.#computeLive !== undefined && changed.length > 0) {
      const was = this.#shown;
      this.#shown = this.#live();
      for (const k of this.#formulaKeys) if (!sameComputed(was[k], this.#shown[k]) && !changed.includes(k)) changed.push(k);
    } else if (this.#computeLive === undefined) this.#shown = this.#values;
    const before = this.#hidden;
    if (this.#plan !== undefined && changed.length > 0) {
      try {
        this.#hidden = this.#plan.update(before, this.#shown, changed);
      } catch {
        this.#hidden = NOTHING_HIDDEN;
      }
    }
    const touched = new Set(changed);
    if (this.#hidden !== before) {
      for (const k of before) if (!this.#hidden.has(k)) touched.add(k);
      for (const k of this.#hidden) if (!before.has(k)) touched.add(k);
    }
    if (this.#readOnlyOf !== undefined && changed.length > 0) {
      const wasReadOnly = this.#readOnly;
      this.#readOnly = this.#readOnlyNow();
      for (const k of wasReadOnly) if (!this.#readOnly.has(k)) touched.add(k);
      for (const k of this.#readOnly) if (!wasReadOnly.has(k)) touched.add(k);
    }
    for (const k of changed) for (const child of this.#cascadeChildren.get(k) ?? []) touched.add(child);
    if (errorsChanged) for (const key of this.#keys) touched.add(key);
    const notify: string[] = [];
    for (const key of touched) {
      const old = this.#states.get(key);
      if (old === undefined) continue; // not a field of this form
      const next = this.#stateOf(key);
      const sameErrors = sameMessages(old.errors, next.errors);
      const sameInside = sameNested(old.nestedErrors, next.nestedErrors);
      if (Object.is(old.value, next.value) && old.hidden === next.hidden && old.readOnly === next.readOnly && old.field === next.field && sameErrors && sameInside) continue;
      // keep the old message lists when they read the same, so the editor sees the same objects
      this.#states.set(key, { ...next, errors: sameErrors ? old.errors : next.errors, nestedErrors: sameInside ? old.nestedErrors : next.nestedErrors });
      notify.push(key);
    }
    for (const key of notify) for (const listener of this.#listeners.get(key) ?? []) listener();
  }
}
