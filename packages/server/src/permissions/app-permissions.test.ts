import { describe, expect, it } from 'vitest';
import type { AppPackage } from '@trellis/schema';
import type { HeldRole } from '@trellis/store';
import type { Actor } from '../actor.js';
import { computePermissions } from './app-permissions.js';

const pkg: AppPackage = {
  schemaVersion: 1,
  app: { key: 'crm', name: 'CRM' },
  forms: [
    {
      key: 'customer',
      name: 'Customer',
      fields: [
        { id: 'a', key: 'name', type: 'text', label: 'Name' },
        { id: 'b', key: 'phone', type: 'phone', label: 'Phone' },
        { id: 'c', key: 'revenue', type: 'number', label: 'Revenue' },
        { id: 'd', key: 'owner', type: 'owner', label: 'Owner' },
      ],
    },
    { key: 'deal', name: 'Deal', fields: [{ id: 'e', key: 'title', type: 'text', label: 'Title' }] },
  ],
} as AppPackage;

const actor = (extra: Partial<Actor> = {}): Actor => ({
  id: 'u1', username: 'u1', displayName: 'U1', isAdmin: false, locale: null, deptIds: ['d1'], deptTree: ['d1', 'd2'], managedDeptTree: [], via: 'session', ...extra,
});
const own = { '==': [{ var: 'owner_id' }, { var: '$user.id' }] };
const dept = { in: [{ var: 'dept_id' }, { var: '$user.deptTree' }] };

describe('computePermissions (union of roles)', () => {
  const rep: HeldRole = { key: 'rep', design: false, forms: { customer: { actions: ['view', 'edit'], scope: own, fields: { phone: 'masked', revenue: 'hidden' } } } };
  const team: HeldRole = { key: 'team', design: false, forms: { customer: { actions: ['view'], scope: dept, fields: { revenue: 'readonly', phone: 'hidden' } } } };
  const all: HeldRole = { key: 'all', design: true, forms: { customer: { actions: ['view', 'delete'] } } };

  it('grants an action if any role grants it, and ORs the scopes of the granting roles', () => {
    const p = computePermissions(actor(), pkg, [rep, team]);
    const c = p.form('customer');
    expect([...c.actions]).toEqual(['view', 'edit']);
    expect(c.scopeFor('view')).toEqual({ or: [own, dept] });
    expect(c.scopeFor('edit')).toEqual(own);
    expect(c.scopeFor('delete')).toBe('none');
    expect(p.form('deal').actions.size).toBe(0);
    expect(p.roles).toEqual(['rep', 'team']);
    expect(p.ctx).toEqual({ user: { id: 'u1', deptIds: ['d1'], deptTree: ['d1', 'd2'], managedDeptTree: [], roles: ['rep', 'team'] } });
  });

  it('a granting role without scope means every row', () => {
    const c = computePermissions(actor(), pkg, [rep, all]).form('customer');
    expect(c.scopeFor('view')).toBeNull();
    expect(c.scopeFor('delete')).toBeNull();
    expect(c.scopeFor('edit')).toEqual(own);
  });

  it('takes the most permissive field access across the roles granting view; the owner is read-only without manage', () => {
    const c = computePermissions(actor(), pkg, [rep, team]).form('customer');
    expect(c.fields).toEqual({ name: 'editable', phone: 'masked', revenue: 'readonly', owner: 'readonly' });
    const managing = computePermissions(actor(), pkg, [{ key: 'm', design: false, forms: { customer: { actions: ['view', 'manage'] } } }]).form('customer');
    expect(managing.fieldAccess('owner')).toBe('editable');
  });

  it('design comes from any role with design; administrators hold everything', () => {
    expect(computePermissions(actor(), pkg, [rep]).design).toBe(false);
    expect(computePermissions(actor(), pkg, [rep, all]).design).toBe(true);
    const admin = computePermissions(actor({ isAdmin: true }), pkg, []);
    expect(admin).toMatchObject({ isAdmin: true, design: true, unrestricted: true, visible: true });
    expect(admin.form('deal').scopeFor('delete')).toBeNull();
  });

  it('an API key narrows to its apps and actions', () => {
    const key = (apps: string[] | null, actions: any[] | null) => actor({ via: 'apiKey', apiKey: { id: 'k', apps, actions } });
    const viewOnly = computePermissions(key(null, ['view']), pkg, [rep, all]).form('customer');
    expect([...viewOnly.actions]).toEqual(['view']);
    expect(computePermissions(key(['other'], null), pkg, [rep]).visible).toBe(false);
    const adminKey = computePermissions(actor({ isAdmin: true, via: 'apiKey', apiKey: { id: 'k', apps: null, actions: ['view'] } }), pkg, []);
    expect([...adminKey.form('customer').actions]).toEqual(['view']);
    expect(adminKey.unrestricted).toBe(false);
    expect(adminKey.design).toBe(false);
  });

  it('anonymous callers hold nothing', () => {
    expect(computePermissions(null, pkg, [])).toMatchObject({ unrestricted: false, visible: false, design: false });
    expect(computePermissions(null, pkg, []).form('customer').actions.size).toBe(0);
  });

  it('a scope that no longer compiles grants its action on no rows (other roles still count)', () => {
    const broken: HeldRole = { key: 'old', design: false, forms: { customer: { actions: ['view'], scope: { '==': [{ var: 'gone' }, 1] } } } };
    const scopeValid = (_form: string, scope: unknown) => !JSON.stringify(scope).includes('gone');
    expect(computePermissions(actor(), pkg, [broken], { scopeValid }).form('customer').scopeFor('view')).toBe('none');
    expect(computePermissions(actor(), pkg, [broken, team], { scopeValid }).form('customer').scopeFor('view')).toEqual(dept);
  });

  it('a form the caller may only create in (no view): field access from the roles granting create', () => {
    const submit = computePermissions(actor(), pkg, [{ key: 's', design: false, forms: { customer: { actions: ['create'], fields: { revenue: 'hidden' } } } }]).form('customer');
    expect(submit.fieldAccess('name')).toBe('editable');
    expect(submit.fieldAccess('revenue')).toBe('hidden');
    expect(submit.scopeFor('view')).toBe('none');
  });
});
