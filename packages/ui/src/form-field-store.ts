import { visibilityPlan, type VisibilityPlan } from '@trellis/forms';
import type { FormDef } from '@trellis/schema';
import type { FieldErrors } from './field-errors.js';

/** What one field row of the form renderer draws: its value, its messages and whether it is hidden. */
export interface FieldState {
  /** The value in wire format, `null` when empty. */
  readonly value: unknown;
  readonly errors: readonly string[];
  /** True while the field's `visibleWhen` is false. */
  readonly hidden: boolean;
}

const NO_MESSAGES: readonly string[] = [];
const NOTHING_HIDDEN: ReadonlySet<string> = new Set();

const sameMessages = (a: readonly string[], b: readonly string[]): boolean => a === b || (a.length === b.length && a.every((m, i) => m === b[i]));

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
  readonly #plan: VisibilityPlan | undefined;
  readonly #states = new Map<string, FieldState>();
  readonly #listeners = new Map<string, Set<() => void>>();
  /** The record the conditions read: the caller's values with the keystrokes since. */
  #values: Record<string, unknown>;
  #errors: FieldErrors;
  #hidden: ReadonlySet<string>;

  constructor(form: FormDef, values: Readonly<Record<string, unknown>>, errors: FieldErrors = {}) {
    this.#keys = form.fields.map((f) => f.key);
    let plan: VisibilityPlan | undefined;
    try {
      plan = visibilityPlan(form);
    } catch {
      plan = undefined; // showing input is safer than losing it
    }
    this.#plan = plan;
    this.#values = { ...values };
    this.#errors = errors;
    this.#hidden = this.#fullVisibility();
    for (const key of this.#keys) this.#states.set(key, this.#stateOf(key));
  }

  /** The current state of a field (the same object until it changes). */
  get(key: string): FieldState {
    return this.#states.get(key) ?? { value: null, errors: NO_MESSAGES, hidden: false };
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

  #fullVisibility(): ReadonlySet<string> {
    if (this.#plan === undefined) return NOTHING_HIDDEN;
    try {
      return this.#plan.hidden(this.#values);
    } catch {
      return NOTHING_HIDDEN;
    }
  }

  #stateOf(key: string): FieldState {
    const value = this.#values[key];
    return { value: value === undefined ? null : value, errors: this.#errors[key] ?? NO_MESSAGES, hidden: this.#hidden.has(key) };
  }

  /** Recomputes the states of the changed fields and of the fields whose visibility flipped, then notifies them. */
  #refresh(changed: readonly string[], errorsChanged = false): void {
    const before = this.#hidden;
    if (this.#plan !== undefined && changed.length > 0) {
      try {
        this.#hidden = this.#plan.update(before, this.#values, changed);
      } catch {
        this.#hidden = NOTHING_HIDDEN;
      }
    }
    const touched = new Set(changed);
    if (this.#hidden !== before) {
      for (const k of before) if (!this.#hidden.has(k)) touched.add(k);
      for (const k of this.#hidden) if (!before.has(k)) touched.add(k);
    }
    if (errorsChanged) for (const key of this.#keys) touched.add(key);
    const notify: string[] = [];
    for (const key of touched) {
      const old = this.#states.get(key);
      if (old === undefined) continue; // not a field of this form
      const next = this.#stateOf(key);
      if (Object.is(old.value, next.value) && old.hidden === next.hidden && sameMessages(old.errors, next.errors)) continue;
      // keep the old message list when it reads the same, so the row is not told
      this.#states.set(key, sameMessages(old.errors, next.errors) ? { ...next, errors: old.errors } : next);
      notify.push(key);
    }
    for (const key of notify) for (const listener of this.#listeners.get(key) ?? []) listener();
  }
}
