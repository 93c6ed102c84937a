import { describe, expect, it } from 'vitest';
import type { FieldDef, FormDef } from '@trellis/schema';
import { validateAppPackage } from '@trellis/schema';
import { cleanNumber } from './cleaners.js';
import { compileForm } from './compile-form.js';
import { defineFieldType } from './field-type.js';
import { FieldTypeRegistry } from './field-type-registry.js';
import { builtInFieldTypes } from './field-types/index.js';

const ratingType = defineFieldType({
  type: 'stars',
  label: { 'zh-CN': '评分', en: 'Rating' },
  group: 'advanced',
  valueType: 'number',
  optionsSchema: { type: 'object', properties: { stars: { type: 'integer', minimum: 3, maximum: 10 } }, additionalProperties: false },
  valueSchema: (field: FieldDef) => ({ type: 'integer', minimum: 1, maximum: (field.options?.['stars'] as number | undefined) ?? 5 }),
  clean: cleanNumber,
  filterOperators: ['==', '>=', '<='],
});

describe('FieldTypeRegistry', () => {
  it('refuses a second type with a taken name', () => {
    const registry = new FieldTypeRegistry(builtInFieldTypes);
    expect(() => registry.register({ ...ratingType, type: 'text' })).toThrowError(expect.objectContaining({ code: 'FIELD_TYPE_DUPLICATE' }));
  });

  it('a plugin type works in validation and in the pipeline like a built-in', () => {
    const registry = new FieldTypeRegistry(builtInFieldTypes).register(ratingType);
    const form: FormDef = { key: 'survey', name: '满意度', fields: [{ id: 'r', key: 'score', type: 'stars', label: { 'zh-CN': '评分', en: 'Score' }, options: { stars: 5 } }] };
    const pkg = { schemaVersion: 1, app: { key: 'svc', name: '服务' }, forms: [form] };
    expect(validateAppPackage(pkg, registry).ok).toBe(true);
    expect(validateAppPackage({ ...pkg, forms: [{ ...form, fields: [{ ...form.fields[0], options: { stars: 20 } }] }] }, registry)).toEqual({
      ok: false,
      errors: [{ path: '/forms/0/fields/0/options/stars', message: 'must be <= 10' }],
    });
    const compiled = compileForm(form, registry);
    expect(compiled.process({ score: '4' }, { mode: 'create' })).toEqual({ ok: true, value: { score: 4 } });
    expect(compiled.process({ score: 6 }, { mode: 'create', locale: 'en' })).toMatchObject({ ok: false, errors: [{ path: '/data/score', code: 'FIELD_TOO_LARGE' }] });
  });

  it('reports the value type per field and whether it stores a value', () => {
    const registry = new FieldTypeRegistry(builtInFieldTypes);
    const field: FieldDef = { id: 'a', key: 'tags', type: 'multi_select', label: 'x', options: { choices: [{ value: 'a', label: 'A' }] } };
    expect(registry.valueType(field)).toBe('text_list');
    expect(registry.storesValue(field)).toBe(true);
  });

  it('checks that a default value is a valid value of its field', () => {
    const registry = new FieldTypeRegistry(builtInFieldTypes);
    const pkg = (field: Partial<FieldDef>) => ({ schemaVersion: 1, app: { key: 'a', name: 'a' }, forms: [{ key: 'f', name: 'f', fields: [{ id: 'x', key: 'x', label: 'x', type: 'number', ...field }] }] });
    expect(validateAppPackage(pkg({ defaultValue: '1,000' }), registry).ok).toBe(true);
    const r = validateAppPackage(pkg({ defaultValue: 'lots' }), registry);
    expect(r.ok === false && r.errors[0]!.path).toBe('/forms/0/fields/0/defaultValue');
    const r2 = validateAppPackage(pkg({ type: 'single_select', defaultValue: 'c', options: { choices: [{ value: 'a', label: 'A' }] } }), registry);
    expect(r2.ok === false && r2.errors[0]).toMatchObject({ path: '/forms/0/fields/0/defaultValue', message: expect.stringMatching(/^default value "c" is not a valid value/) });
  });

  it('reports duplicate choice values and inverted limits through the built-in checks', () => {
    const registry = new FieldTypeRegistry(builtInFieldTypes);
    const pkg = {
      schemaVersion: 1,
      app: { key: 'a', name: 'a' },
      forms: [{ key: 'f', name: 'f', fields: [
        { id: '1', key: 's', type: 'single_select', label: 's', options: { choices: [{ value: 'a', label: 'A' }, { value: 'a', label: 'B' }] } },
        { id: '2', key: 'n', type: 'number', label: 'n', options: { min: 5, max: 1 } },
        { id: '3', key: 't', type: 'text', label: 't', options: { pattern: '(a+)+' } },
      ] }],
    };
    const r = validateAppPackage(pkg, registry);
    expect(r.ok === false && r.errors.map((e) => e.path)).toEqual(['/forms/0/fields/0/options/choices/1/value', '/forms/0/fields/1/options/min', '/forms/0/fields/2/options/pattern']);
  });
});
