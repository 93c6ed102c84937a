import { describe, expect, it } from 'vitest';
import type { FormDef } from '@trellis/schema';
import { compileForm } from '../compile-form.js';
import { fieldTypes } from '../field-types-global.js';
import { validateApp } from '../validate-app.js';

const form = (options: unknown): FormDef => ({
  key: 'visit',
  name: 'Visit',
  fields: [
    { id: 'f1', key: 'intro', type: 'description', label: 'Intro', options: options as Record<string, unknown> },
    { id: 'f2', key: 'name', type: 'text', label: 'Name' },
  ],
});
const pkg = (f: FormDef) => ({ schemaVersion: 1, app: { key: 'crm', name: 'CRM' }, forms: [f] });

describe('description text', () => {
  it('is a layout element in the layout palette group that stores no value', () => {
    const type = fieldTypes.require('description');
    expect(type.group).toBe('layout');
    expect(fieldTypes.storesValue(form({ text: 'x' }).fields[0]!)).toBe(false);
  });

  it('holds no value: the record has no property for it and input for it is an unknown field', () => {
    const f = compileForm(form({ text: { 'zh-CN': '请如实填写', en: 'Fill in truthfully' }, tone: 'info' }));
    expect(f.valueFields.map((v) => v.key)).toEqual(['name']);
    expect(f.process({ name: 'a' }, { mode: 'create' })).toEqual({ ok: true, value: { name: 'a' } });
    const r = f.process({ intro: 'x' }, { mode: 'create' });
    expect(!r.ok && r.errors[0]!.code).toBe('FIELD_UNKNOWN');
  });

  it('requires text and refuses unknown tones, with the option path', () => {
    expect(validateApp(pkg(form({ text: '第一行\n第二行' }))).ok).toBe(true);
    const noText = validateApp(pkg(form({ tone: 'info' })));
    expect(!noText.ok && noText.errors[0]!.path).toBe('/forms/0/fields/0/options/text');
    const tone = validateApp(pkg(form({ text: 'x', tone: 'loud' })));
    expect(!tone.ok && tone.errors[0]!.path).toBe('/forms/0/fields/0/options/tone');
  });

  it('is not a variable of conditions', () => {
    expect(Object.keys(compileForm(form({ text: 'x' })).varSchema)).not.toContain('intro');
  });
});
