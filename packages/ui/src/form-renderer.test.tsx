// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { FieldDef, FormDef } from '@trellis/schema';
import { compileForm } from '@trellis/forms';
import { defineFieldWidget, FieldWidgetRegistry, type FieldWidgetProps } from './field-widget.js';
import { builtInWidgets } from './built-in-widgets.js';
import { FormRenderer } from './form-renderer.js';
import type { FieldErrors } from './field-errors.js';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

/** Renders of each field's editor, by field key: an editor renders exactly when its row does. */
let renders = new Map<string, number>();
const countRenders = (key: string) => renders.set(key, (renders.get(key) ?? 0) + 1);

function CountingText({ field, value, onChange, id, describedBy }: FieldWidgetProps) {
  countRenders(field.key);
  return <input id={id} value={typeof value === 'string' ? value : ''} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} />;
}
const widgets = new FieldWidgetRegistry().register(defineFieldWidget({ type: 'text', Editor: CountingText }));

const text = (key: string, visibleWhen?: unknown): FieldDef => ({ id: `f_${key}`, key, type: 'text', label: key, ...(visibleWhen === undefined ? {} : { visibleWhen }) });

/** 40 plain fields, `kind`, and two fields shown only for some kinds (one reads the other). */
const form: FormDef = {
  key: 'big',
  name: 'Big',
  fields: [
    text('kind'),
    text('company', { '==': [{ var: 'kind' }, 'b2b'] }),
    text('vat', { '!!': [{ var: 'company' }] }),
    ...Array.from({ length: 40 }, (_, i) => text(`f${i}`)),
  ],
  layout: [
    { title: 'Who', fields: ['kind', 'company', 'vat'] },
    { title: 'More', columns: 2, fields: Array.from({ length: 40 }, (_, i) => `f${i}`) },
  ],
};

interface Harness {
  values: Record<string, unknown>;
  setErrors: (e: FieldErrors) => void;
  setValues: (v: Record<string, unknown>) => void;
  parentRenders: number;
}

let root: Root | undefined;
let host: HTMLDivElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = undefined;
});

/** Mounts the renderer under a parent that owns the values, as the record page does. */
function mount(f: FormDef, initial: Record<string, unknown> = {}, transform: (key: string, v: unknown) => unknown = (_k, v) => v): Harness {
  const h: Harness = { values: initial, setErrors: () => undefined, setValues: () => undefined, parentRenders: 0 };
  function Parent() {
    const [values, setValues] = useState(initial);
    const [errors, setErrors] = useState<FieldErrors>({});
    h.values = values;
    h.setErrors = setErrors;
    h.setValues = setValues;
    h.parentRenders++;
    return <FormRenderer form={f} values={values} onChange={(k, v) => setValues((old) => ({ ...old, [k]: transform(k, v) }))} errors={errors} locale="en" widgets={widgets} />;
  }
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<Parent />));
  return h;
}

const input = (key: string) => host!.querySelector<HTMLInputElement>(`#field-${key}`);

/** Types into an input the way a browser does: the DOM value changes, then an `input` event. */
function type(key: string, value: string) {
  const el = input(key)!;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const rendered = () => Object.fromEntries(renders);

describe('FormRenderer re-renders only what changed', () => {
  it('a keystroke re-renders the typed row alone, although the parent and the renderer re-render', () => {
    renders = new Map();
    const h = mount(form);
    expect(renders.get('f7')).toBe(1);
    const parentBefore = h.parentRenders;
    renders = new Map();
    type('f7', 'hello');
    expect(h.values['f7']).toBe('hello');
    expect(h.parentRenders).toBe(parentBefore + 1);
    expect(rendered()).toEqual({ f7: 1 });
    expect(input('f7')!.value).toBe('hello');
    type('f7', 'hello!');
    expect(rendered()).toEqual({ f7: 2 });
  });

  it('a keystroke that flips a condition re-renders the row it shows, and the chain behind it, nothing else', () => {
    const h = mount(form);
    expect(input('company')).toBeNull();
    renders = new Map();
    type('kind', 'b2');
    expect(rendered()).toEqual({ kind: 1 }); // no condition flipped
    type('kind', 'b2b');
    expect(rendered()).toEqual({ kind: 2, company: 1 });
    expect(input('company')).not.toBeNull();
    expect(input('vat')).toBeNull();
    renders = new Map();
    type('company', 'ACME');
    expect(rendered()).toEqual({ company: 1, vat: 1 });
    expect(input('vat')).not.toBeNull();
    renders = new Map();
    type('kind', 'b2c'); // hides company, and vat with it (hidden fields count as empty); hidden rows draw no editor
    expect(rendered()).toEqual({ kind: 1 });
    expect(input('company')).toBeNull();
    expect(input('vat')).toBeNull();
    expect(h.values).toEqual({ kind: 'b2c', company: 'ACME' });
  });

  it('new messages re-render only the rows whose messages changed', () => {
    const h = mount(form);
    renders = new Map();
    act(() => h.setErrors({ f3: ['too short'] }));
    expect(rendered()).toEqual({ f3: 1 });
    expect(host!.querySelector('[data-field="f3"].tr-field-error')?.textContent).toBe('too short');
    expect(input('f3')!.getAttribute('aria-describedby')).toBe('field-f3-error');
    renders = new Map();
    act(() => h.setErrors({ f3: ['too short'], f9: ['required'] })); // f3 reads the same: not re-rendered
    expect(rendered()).toEqual({ f9: 1 });
  });

  it('values replaced by the caller (a record loaded) re-render the rows that differ and show them', () => {
    const h = mount(form, { f1: 'a', f2: 'b' });
    expect(input('f1')!.value).toBe('a');
    renders = new Map();
    act(() => h.setValues({ f1: 'a', f2: 'changed', kind: 'b2b' }));
    expect(rendered()).toEqual({ f2: 1, kind: 1, company: 1 });
    expect(input('f2')!.value).toBe('changed');
    expect(input('company')).not.toBeNull();
  });

  it('stays controlled: a caller that rewrites the value gets its value shown', () => {
    mount(form, {}, (_k, v) => (typeof v === 'string' ? v.toUpperCase() : v));
    type('f0', 'abc');
    expect(input('f0')!.value).toBe('ABC');
  });

  it('shows exactly the fields the form engine keeps visible, for the built-in widgets too', () => {
    const select: FieldDef = { id: 'f_s', key: 's', type: 'single_select', label: 'S', options: { choices: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] } };
    const f: FormDef = { key: 'v', name: 'V', fields: [select, { ...text('only_b'), visibleWhen: { '==': [{ var: 's' }, 'b'] } }, { ...text('never'), visibleWhen: false }] };
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    const all = new FieldWidgetRegistry();
    for (const w of builtInWidgets) all.register(w);
    for (const values of [{}, { s: 'a' }, { s: 'b' }]) {
      act(() => root!.render(<FormRenderer form={f} values={values} onChange={() => undefined} locale="en" widgets={all} />));
      const shown = [...host.querySelectorAll('[data-field]')].map((e) => e.getAttribute('data-field'));
      const hidden = compileForm(f).hiddenFields(values);
      expect(shown).toEqual(f.fields.map((x) => x.key).filter((k) => !hidden.has(k)));
    }
  });

  it('rows off screen may be skipped by the browser, except the row holding the focus (its popups must not be clipped)', () => {
    mount(form);
    const row = host!.querySelector<HTMLElement>('[data-field="f2"]')!;
    expect(row.style.getPropertyValue('content-visibility')).toBe('auto');
    renders = new Map();
    act(() => input('f2')!.focus());
    expect(row.style.getPropertyValue('content-visibility')).toBe('');
    expect(host!.querySelector<HTMLElement>('[data-field="f3"]')!.style.getPropertyValue('content-visibility')).toBe('auto');
    act(() => input('f3')!.focus());
    expect(row.style.getPropertyValue('content-visibility')).toBe('auto');
    expect(Object.keys(rendered()).sort()).toEqual(['f2', 'f3']); // focus moves re-render those two rows only
  });

  it('a new form definition (the designer editing it) renders the new fields', () => {
    const h = mount(form, { f0: 'kept' });
    void h;
    const next: FormDef = { ...form, fields: [...form.fields, text('added')], layout: undefined };
    act(() => root!.render(<FormRenderer form={next} values={{ f0: 'kept' }} onChange={() => undefined} locale="en" widgets={widgets} />));
    expect(input('added')).not.toBeNull();
    expect(input('f0')!.value).toBe('kept');
  });
});
