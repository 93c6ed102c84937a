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

describe('the example of docs/definition-language.md', () => {
  it('is a valid package', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../../docs/definition-language.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)![1]!;
    const r = validateApp(JSON.parse(example));
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});
