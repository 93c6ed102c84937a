import { describe, expect, it } from 'vitest';
import { validateApp } from './validate-app.js';

function pkg(visibleWhen: unknown, extra: Record<string, unknown> = {}) {
  return {
    schemaVersion: 1,
    app: { key: 'crm', name: { 'zh-CN': '客户管理', en: 'CRM' } },
    forms: [{
      key: 'lead',
      name: '线索',
      fields: [
        { id: 'a', key: 'budget', type: 'number', label: '预算' },
        { id: 'b', key: 'note', type: 'text', label: '备注', visibleWhen, ...extra },
      ],
    }],
  };
}

describe('validateApp', () => {
  it('accepts a package whose conditions compile against their form', () => {
    expect(validateApp(pkg({ '>': [{ var: 'budget' }, 500000] })).ok).toBe(true);
    expect(validateApp(pkg(true)).ok).toBe(true);
  });

  it('reports a condition with an unknown operator at a path inside visibleWhen', () => {
    const r = validateApp(pkg({ and: [{ '>': [{ var: 'budget' }, 1] }, { frobnicate: [1] }] }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.path).toMatch(/^\/forms\/0\/fields\/1\/visibleWhen\/and\/1/);
  });

  it('reports a condition that names a field the form does not have', () => {
    const r = validateApp(pkg({ '==': [{ var: 'industry' }, 'it'] }));
    expect(r.ok === false && r.errors[0]!.path.startsWith('/forms/0/fields/1/visibleWhen')).toBe(true);
  });

  it('uses the built-in registry: unknown field types are refused', () => {
    const r = validateApp({ ...pkg(undefined), forms: [{ key: 'f', name: 'f', fields: [{ id: 'a', key: 'a', type: 'no_such_type', label: 'a' }] }] });
    expect(r).toEqual({ ok: false, errors: [{ path: '/forms/0/fields/0/type', message: expect.stringMatching(/^unknown field type 'no_such_type'/) }] });
  });
});

describe('validateApp: role scopes', () => {
  const withScope = (scope: unknown, form = 'lead') => ({
    ...pkg(undefined),
    roles: [{ key: 'rep', name: '销售代表', forms: { [form]: { actions: ['view', 'edit'], scope, fields: { budget: 'masked' } } } }],
  });
  const errorsOf = (input: unknown) => {
    const r = validateApp(input);
    return r.ok ? [] : r.errors;
  };

  it('accepts scopes over fields, system columns and every $user property', () => {
    for (const scope of [
      { '==': [{ var: 'owner_id' }, { var: '$user.id' }] },
      { in: [{ var: 'dept_id' }, { var: '$user.deptTree' }] },
      { or: [{ '==': [{ var: 'owner_id' }, { var: '$user.id' }] }, { in: [{ var: 'dept_id' }, { var: '$user.managedDeptTree' }] }, { in: [{ var: 'dept_id' }, { var: '$user.deptIds' }] }] },
      { and: [{ in: ['sales_director', { var: '$user.roles' }] }, { '>': [{ var: 'budget' }, 0] }] },
      { '<': [{ var: 'created_at' }, { var: '$now' }] },
      true,
    ]) {
      expect(errorsOf(withScope(scope))).toEqual([]);
    }
  });

  it('reports an unknown variable, a type mismatch and an unknown $user property at paths inside the scope', () => {
    expect(errorsOf(withScope({ '==': [{ var: 'owner' }, { var: '$user.id' }] }))).toEqual([
      { path: '/roles/0/forms/lead/scope/==/0/var', message: expect.stringMatching(/^unknown variable 'owner'/) },
    ]);
    expect(errorsOf(withScope({ in: [{ var: 'budget' }, { var: '$user.deptTree' }] }))).toEqual([
      { path: '/roles/0/forms/lead/scope/in/0', message: expect.stringContaining("'in' expects text here") },
    ]);
    expect(errorsOf(withScope({ '==': [{ var: 'note' }, { var: '$user.region' }] }))).toEqual([
      { path: '/roles/0/forms/lead/scope/==/1/var', message: "a row scope cannot read '$user.region'; it may read $user.id, $user.deptIds, $user.deptTree, $user.managedDeptTree, $user.roles" },
    ]);
  });

  it('leaves rights on unknown forms and fields to the semantic checks (one error each, no scope error)', () => {
    const input = withScope({ '==': [{ var: 'nope' }, 1] }, 'invoice');
    expect(errorsOf(input)).toEqual([{ path: '/roles/0/forms/invoice', message: expect.stringContaining("form 'invoice', which this package does not define") }]);
  });
});

describe('the example of docs/definition-language.md', () => {
  it('is a valid package', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../../docs/definition-language.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)![1]!;
    const r = validateApp(JSON.parse(example));
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});
