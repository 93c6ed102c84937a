import { describe, expect, it } from 'vitest';
import { fullPackage } from '../test/fixtures.js';
import { checkPackageSemantics } from './semantic-checks.js';

function withEdit(edit: (pkg: any) => void) {
  const pkg = structuredClone(fullPackage()) as any;
  edit(pkg);
  return checkPackageSemantics(pkg);
}

describe('checkPackageSemantics', () => {
  it('finds nothing wrong in a valid package', () => {
    expect(checkPackageSemantics(fullPackage())).toEqual([]);
  });

  it('refuses SQL reserved words as app, form and field keys', () => {
    const errors = withEdit((p) => {
      p.app.key = 'user';
      p.forms[1].key = 'order';
      p.app.navigation[1].items[0].form = 'order';
      p.forms[1].fields[0].key = 'group';
      p.roles = [];
    });
    expect(errors).toEqual([
      { path: '/app/key', message: "app key 'user' is a reserved SQL word; choose another key, e.g. 'user_value' or 'app_user'" },
      { path: '/forms/1/key', message: expect.stringContaining("form key 'order' is a reserved SQL word") },
      { path: '/forms/1/fields/0/key', message: expect.stringContaining("field key 'group' is a reserved SQL word") },
    ]);
  });

  it('refuses the system columns as field keys', () => {
    for (const key of ['id', 'created_at', 'version', 'deleted_at', 'owner_id']) {
      const errors = withEdit((p) => { p.forms[1].fields[0].key = key; });
      expect(errors).toEqual([{ path: '/forms/1/fields/0/key', message: expect.stringContaining(`field key '${key}' is a system column`) }]);
    }
  });

  it('reports duplicate form keys, field keys and field ids at the later occurrence', () => {
    const errors = withEdit((p) => {
      p.forms[0].fields.push({ id: 'f_name', key: 'name', type: 'text', label: 'again' });
      p.forms.push({ key: 'opportunity', name: 'x', fields: [] });
    });
    expect(errors).toEqual([
      { path: '/forms/0/fields/2/key', message: "field key 'name' is already used at /forms/0/fields/0/key; field keys must be unique" },
      { path: '/forms/0/fields/2/id', message: "field id 'f_name' is already used at /forms/0/fields/0/id; field ids must be unique" },
      { path: '/forms/2/key', message: "form key 'opportunity' is already used at /forms/1/key; form keys must be unique" },
    ]);
  });

  it('allows the same field key and id in different forms', () => {
    expect(withEdit((p) => { p.forms[1].fields.push({ id: 'f_name', key: 'name', type: 'text', label: 'x' }); })).toEqual([]);
  });

  it('reports references to forms and fields that do not exist', () => {
    const errors = withEdit((p) => {
      p.app.navigation.push({ kind: 'form', form: 'invoice' });
      p.forms[0].titleField = 'company';
      p.forms[0].layout[0].fields.push('phone', 'name');
    });
    expect(errors).toEqual([
      { path: '/forms/0/titleField', message: "titleField 'company' is not a field of form 'customer'; use one of its field keys" },
      { path: '/forms/0/layout/0/fields/1', message: expect.stringContaining("layout places field 'phone'") },
      { path: '/forms/0/layout/0/fields/2', message: "field 'name' is already placed in the layout at /forms/0/layout/0/fields/0; place each field once" },
      { path: '/app/navigation/2/form', message: expect.stringContaining("navigation points to form 'invoice'") },
    ]);
  });

  it('reports role rights on forms and fields the package does not define', () => {
    const errors = withEdit((p) => {
      p.roles[0].forms.invoice = { actions: ['view'] };
      p.roles[0].forms.customer.fields.phone = 'masked';
    });
    expect(errors).toEqual([
      { path: '/roles/0/forms/customer/fields/phone', message: "role 'sales_rep' sets the access of field 'phone', which form 'customer' does not have; use one of its field keys" },
      { path: '/roles/0/forms/invoice', message: "role 'sales_rep' grants rights on form 'invoice', which this package does not define; add the form or remove its rights" },
    ]);
  });

  it('requires view with any other action on a form; no actions at all is allowed (the form stays invisible)', () => {
    const errors = withEdit((p) => {
      p.roles[0].forms.customer.actions = ['create', 'export'];
      p.roles[0].forms.opportunity.actions = [];
    });
    expect(errors).toEqual([
      { path: '/roles/0/forms/customer/actions', message: "role 'sales_rep' may create, export on form 'customer' but not view it; add 'view' (use a scope to limit which records it sees)" },
    ]);
  });

  it('reports duplicate keys among flows, rules, reports and roles', () => {
    expect(withEdit((p) => { p.roles.push({ key: 'sales_rep', name: 'x', forms: {} }); })).toEqual([
      { path: '/roles/1/key', message: "role key 'sales_rep' is already used at /roles/0/key; role keys must be unique" },
    ]);
  });

  it('tolerates malformed input without throwing', () => {
    for (const input of [null, 1, 'x', [], { forms: 'x' }, { forms: [null, { fields: [1, null] }] }, { app: { navigation: [null, { kind: 'group' }] } }]) {
      expect(() => checkPackageSemantics(input)).not.toThrow();
    }
  });
});
