import { describe, expect, it } from 'vitest';
import type { FieldDef, FormDef } from '@trellis/schema';
import { compileForm } from '../compile-form.js';
import { validateApp } from '../validate-app.js';
import { allowedChoiceValues } from './cascade.js';

const province: FieldDef = {
  id: 'f1',
  key: 'province',
  type: 'single_select',
  label: { 'zh-CN': '省份', en: 'Province' },
  options: { choices: [{ value: 'zj', label: { 'zh-CN': '浙江', en: 'Zhejiang' } }, { value: 'js', label: { 'zh-CN': '江苏', en: 'Jiangsu' } }, { value: 'sh', label: '上海' }] },
};
const city: FieldDef = {
  id: 'f2',
  key: 'city',
  type: 'single_select',
  label: { 'zh-CN': '城市', en: 'City' },
  options: {
    choices: [{ value: 'hz', label: { 'zh-CN': '杭州', en: 'Hangzhou' } }, { value: 'nb', label: { 'zh-CN': '宁波', en: 'Ningbo' } }, { value: 'nj', label: { 'zh-CN': '南京', en: 'Nanjing' } }],
    cascade: { field: 'province', choices: { zj: ['hz', 'nb'], js: ['nj'] } },
  },
};
const form = (...extra: FieldDef[]): FormDef => ({ key: 'addr', name: 'Address', fields: [province, city, ...extra] });
const pkg = (f: FormDef) => ({ schemaVersion: 1, app: { key: 'geo', name: 'Geo' }, forms: [f] });

describe('option cascades', () => {
  it('accepts a child choice the parent allows', () => {
    expect(compileForm(form()).process({ province: 'zj', city: 'nb' }, { mode: 'create' })).toEqual({ ok: true, value: { province: 'zj', city: 'nb' } });
  });

  it('refuses a child choice the parent does not allow, naming the allowed labels', () => {
    const r = compileForm(form()).process({ province: 'zj', city: 'nj' }, { mode: 'create', locale: 'en' });
    expect(r).toEqual({ ok: false, errors: [{ path: '/data/city', code: 'FIELD_NOT_A_CHOICE', message: "'City': 'nj' is not one of the choices; choose one of: Hangzhou, Ningbo" }] });
    const zh = compileForm(form()).process({ province: '江苏', city: '杭州' }, { mode: 'create' });
    expect(!zh.ok && zh.errors[0]!.message).toBe('「城市」的值「hz」不是可选项，请从以下选项中选择：南京');
  });

  it('an empty parent, or a parent value without an entry, allows no child choice', () => {
    const r = compileForm(form()).process({ city: 'hz' }, { mode: 'create', locale: 'en' });
    expect(!r.ok && r.errors[0]!.message).toBe("'City': 'hz' is not one of the choices; choose one of: (choose 'Province' first)");
    expect(compileForm(form()).process({ province: 'sh', city: 'hz' }, { mode: 'create' }).ok).toBe(false);
    expect(compileForm(form()).process({ province: 'sh' }, { mode: 'create' }).ok).toBe(true);
  });

  it('update: a patch of the parent re-checks the stored child', () => {
    const r = compileForm(form()).process({ province: 'js' }, { mode: 'update', existing: { province: 'zj', city: 'hz' } });
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['/data/city']);
  });

  it('a multi-select child under a multi-select parent allows the union of the parents’ choices', () => {
    const regions: FieldDef = { ...province, key: 'regions', id: 'f3', type: 'multi_select' };
    const cities: FieldDef = { ...city, key: 'cities', id: 'f4', type: 'multi_select', options: { ...city.options, cascade: { field: 'regions', choices: { zj: ['hz'], js: ['nj'] } } } };
    const f = form(regions, cities);
    expect(compileForm(f).process({ regions: ['zj', 'js'], cities: ['hz', 'nj'] }, { mode: 'create' }).ok).toBe(true);
    expect(compileForm(f).process({ regions: ['zj'], cities: ['hz', 'nj'] }, { mode: 'create' }).ok).toBe(false);
    expect([...allowedChoiceValues(cities, ['zj', 'js'])!]).toEqual(['hz', 'nj']);
  });

  it('definition checks: the parent exists and is a select, the values exist, no circle (with paths)', () => {
    const withCascade = (cascade: unknown, extra: FieldDef[] = []) => validateApp(pkg(form({ id: 'f9', key: 'district', type: 'single_select', label: 'D', options: { choices: [{ value: 'x', label: 'X' }], cascade } }, ...extra)));
    const paths = (r: ReturnType<typeof validateApp>) => (r.ok ? [] : r.errors.map((e) => e.path));
    expect(withCascade({ field: 'city', choices: { hz: ['x'] } }).ok).toBe(true);
    expect(paths(withCascade({ field: 'nothing', choices: {} }))).toEqual(['/forms/0/fields/2/options/cascade/field']);
    expect(paths(withCascade({ field: 'note', choices: {} }, [{ id: 'f8', key: 'note', type: 'text', label: 'N' }]))).toEqual(['/forms/0/fields/2/options/cascade/field']);
    expect(paths(withCascade({ field: 'district', choices: {} }))).toEqual(['/forms/0/fields/2/options/cascade/field']);
    expect(paths(withCascade({ field: 'city', choices: { 'x/y': ['x'], hz: ['q'] } }))).toEqual(['/forms/0/fields/2/options/cascade/choices/x~1y', '/forms/0/fields/2/options/cascade/choices/hz/0']);
    expect(paths(withCascade({ field: 'city', choices: [] }))).toEqual(['/forms/0/fields/2/options/cascade/choices']);
  });

  it('refuses a circle of cascades', () => {
    const a: FieldDef = { id: 'a', key: 'a', type: 'single_select', label: 'A', options: { choices: [{ value: 'x', label: 'X' }], cascade: { field: 'b', choices: {} } } };
    const b: FieldDef = { id: 'b', key: 'b', type: 'single_select', label: 'B', options: { choices: [{ value: 'x', label: 'X' }], cascade: { field: 'a', choices: {} } } };
    const r = validateApp(pkg({ key: 'c', name: 'C', fields: [a, b] }));
    expect(!r.ok && r.errors.map((e) => e.message)).toEqual([expect.stringContaining('circle'), expect.stringContaining('circle')]);
  });

  it('a hidden parent counts as empty', () => {
    const hiddenParent = { ...province, visibleWhen: false };
    const r = compileForm({ key: 'x', name: 'X', fields: [hiddenParent, city] }).process({ province: 'zj', city: 'hz' }, { mode: 'create' });
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['/data/city']);
  });
});
