import { describe, expect, it } from 'vitest';
import {
  SCOPE_PRESETS,
  fieldAccess,
  formsEqual,
  hasAction,
  presetOfScope,
  pruneForms,
  scopeOfPreset,
  setAllActions,
  setAllFieldAccess,
  setFieldAccess,
  setScope,
  toggleAction,
} from './role-matrix.js';

describe('role matrix: actions', () => {
  it('granting an action grants view with it, in the canonical order', () => {
    const forms = toggleAction({}, 'customer', 'export', true);
    expect(forms).toEqual({ customer: { actions: ['view', 'export'] } });
    expect(toggleAction(forms, 'customer', 'create', true).customer!.actions).toEqual(['view', 'create', 'export']);
  });

  it('revoking view revokes every action and makes the form invisible', () => {
    const forms = setAllActions({}, 'customer', true);
    expect(forms.customer!.actions).toHaveLength(7);
    expect(toggleAction(forms, 'customer', 'view', false)).toEqual({});
  });

  it('revoking one action keeps the others, the scope and the field access', () => {
    let forms = toggleAction({}, 'c', 'edit', true);
    forms = setScope(forms, 'c', scopeOfPreset('own'));
    forms = setFieldAccess(forms, 'c', 'phone', 'masked');
    const next = toggleAction(forms, 'c', 'edit', false);
    expect(next.c).toEqual({ actions: ['view'], scope: scopeOfPreset('own'), fields: { phone: 'masked' } });
    expect(hasAction(next, 'c', 'edit')).toBe(false);
    expect(hasAction(next, 'c', 'view')).toBe(true);
  });

  it('does not change the input (definitions are immutable)', () => {
    const forms = Object.freeze({ c: Object.freeze({ actions: Object.freeze(['view'] as const) }) });
    const next = toggleAction(forms as never, 'c', 'delete', true);
    expect(forms.c.actions).toEqual(['view']);
    expect(next.c!.actions).toEqual(['view', 'delete']);
  });

  it('other forms are untouched', () => {
    const forms = toggleAction(toggleAction({}, 'a', 'view', true), 'b', 'edit', true);
    expect(setAllActions(forms, 'b', false)).toEqual({ a: { actions: ['view'] } });
  });
});

describe('role matrix: row scope presets', () => {
  it('every preset round-trips through its scope JSON', () => {
    for (const preset of SCOPE_PRESETS.filter((p) => p !== 'custom')) expect(presetOfScope(scopeOfPreset(preset))).toBe(preset);
  });

  it('writes the documented conditions', () => {
    expect(scopeOfPreset('all')).toBeUndefined();
    expect(scopeOfPreset('own')).toEqual({ '==': [{ var: 'owner_id' }, { var: '$user.id' }] });
    expect(scopeOfPreset('dept')).toEqual({ in: [{ var: 'dept_id' }, { var: '$user.deptIds' }] });
    expect(scopeOfPreset('deptTree')).toEqual({ in: [{ var: 'dept_id' }, { var: '$user.deptTree' }] });
    expect(scopeOfPreset('managed')).toEqual({ in: [{ var: 'dept_id' }, { var: '$user.managedDeptTree' }] });
  });

  it('recognises a scope parsed from stored JSON, and anything else as custom', () => {
    expect(presetOfScope(JSON.parse('{"in":[{"var":"dept_id"},{"var":"$user.deptTree"}]}'))).toBe('deptTree');
    expect(presetOfScope(null)).toBe('all');
    const custom = { '==': [{ var: 'status' }, 'open'] };
    expect(presetOfScope(custom)).toBe('custom');
    expect(scopeOfPreset('custom', custom)).toBe(custom);
  });

  it('setting a scope on an invisible form grants view; "all" removes the scope', () => {
    const forms = setScope({}, 'c', scopeOfPreset('dept'));
    expect(forms.c).toEqual({ actions: ['view'], scope: scopeOfPreset('dept') });
    expect(setScope(forms, 'c', scopeOfPreset('all')).c).toEqual({ actions: ['view'] });
  });
});

describe('role matrix: field access', () => {
  it('unnamed fields are editable; editable is stored as no entry', () => {
    let forms = toggleAction({}, 'c', 'view', true);
    expect(fieldAccess(forms, 'c', 'phone')).toBe('editable');
    forms = setFieldAccess(forms, 'c', 'phone', 'masked');
    forms = setFieldAccess(forms, 'c', 'salary', 'hidden');
    expect(forms.c!.fields).toEqual({ phone: 'masked', salary: 'hidden' });
    forms = setFieldAccess(forms, 'c', 'phone', 'editable');
    expect(forms.c!.fields).toEqual({ salary: 'hidden' });
    forms = setFieldAccess(forms, 'c', 'salary', 'editable');
    expect(forms.c).toEqual({ actions: ['view'] });
  });

  it('sets a whole column at once', () => {
    const forms = setAllFieldAccess(toggleAction({}, 'c', 'view', true), 'c', ['a', 'b'], 'readonly');
    expect(forms.c!.fields).toEqual({ a: 'readonly', b: 'readonly' });
    expect(setAllFieldAccess(forms, 'c', ['a', 'b'], 'editable').c!.fields).toBeUndefined();
  });
});

describe('role matrix: saving', () => {
  it('prunes forms the app no longer has and forms without actions', () => {
    expect(pruneForms({ gone: { actions: ['view'] }, c: { actions: [] }, d: { actions: ['view'] } }, ['c', 'd'])).toEqual({ d: { actions: ['view'] } });
  });

  it('compares grants, not spelling', () => {
    expect(formsEqual({ a: { actions: ['edit', 'view'] } }, { a: { actions: ['view', 'edit'], fields: {} } })).toBe(true);
    expect(formsEqual({ a: { actions: [] } }, {})).toBe(true);
    expect(formsEqual({ a: { actions: ['view'] } }, { a: { actions: ['view'], scope: scopeOfPreset('own') } })).toBe(false);
  });
});
