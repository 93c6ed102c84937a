import { describe, expect, it } from 'vitest';
import { fullPackage, testCatalog } from '../test/fixtures.js';
import { assertAppPackage, TrellisError, validateAppPackage, type AppPackage } from './index.js';

/** Deep-clones the full fixture and lets a test break it. */
function broken(edit: (pkg: any) => void): unknown {
  const pkg = structuredClone(fullPackage()) as any;
  edit(pkg);
  return pkg;
}

function errorsOf(input: unknown, catalog = testCatalog) {
  const r = validateAppPackage(input, catalog);
  if (r.ok) throw new Error('expected the package to be refused');
  return r.errors;
}

describe('validateAppPackage', () => {
  it('accepts a package that uses every property and returns it typed', () => {
    const pkg = fullPackage();
    const r = validateAppPackage(pkg, testCatalog);
    expect(r).toEqual({ ok: true, value: pkg });
  });

  it('refuses input that is not an object', () => {
    expect(errorsOf('hello')).toEqual([{ path: '', message: 'must be an object, not "hello"' }]);
    expect(errorsOf(null)[0]!.path).toBe('');
  });

  it('names each missing required property with its path', () => {
    const errors = errorsOf(broken((p) => { delete p.app.name; delete p.forms[0].fields[1].id; }));
    expect(errors).toContainEqual({ path: '/app/name', message: "'name' is required here; add it" });
    expect(errors).toContainEqual({ path: '/forms/0/fields/1/id', message: "'id' is required here; add it" });
  });

  it('reports an unknown property at its own path and says to remove it', () => {
    const errors = errorsOf(broken((p) => { p.forms[0].fields[0].colour = 'red'; }));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('/forms/0/fields/0/colour');
    expect(errors[0]!.message).toMatch(/^unknown property 'colour'; remove it \(allowed here: id, key, type/);
  });

  it('refuses an injection attempt as a field key, with the path of the key', () => {
    const errors = errorsOf(broken((p) => { p.forms[0].fields[1].key = 'x"; drop table'; }));
    expect(errors).toContainEqual({
      path: '/forms/0/fields/1/key',
      message: expect.stringContaining('must start with a lowercase letter'),
    });
  });

  it('refuses keys that break the key pattern: upper case, leading digit, too long, hyphen', () => {
    for (const key of ['Customer', '1st', 'a'.repeat(49), 'due-date', '', '客户']) {
      const errors = errorsOf(broken((p) => { p.forms[1].key = key; p.app.navigation[1].items[0].form = key; p.roles = []; }));
      expect(errors.map((e) => e.path)).toContain('/forms/1/key');
    }
    expect(validateAppPackage(broken((p) => { p.forms[1].key = 'a' + 'b'.repeat(47); p.app.navigation[1].items[0].form = p.forms[1].key; p.roles = []; }), testCatalog).ok).toBe(true);
  });

  it('returns all problems at once, structural and semantic together', () => {
    const errors = errorsOf(broken((p) => {
      p.app.color = 'blue';
      p.forms[1].fields[0].key = 'select';
      p.forms.push({ key: 'customer', name: '重复', fields: [] });
      p.extra = 1;
    }));
    expect(errors.map((e) => e.path).sort()).toEqual(['/app/color', '/extra', '/forms/1/fields/0/key', '/forms/2/key'].sort());
  });

  it('accepts labels as a plain string or as a locale map, and refuses empty ones', () => {
    expect(validateAppPackage(broken((p) => { p.app.name = '客户管理'; }), testCatalog).ok).toBe(true);
    expect(errorsOf(broken((p) => { p.app.name = ''; }))).toEqual([{ path: '/app/name', message: 'a label must not be blank' }]);
    expect(errorsOf(broken((p) => { p.app.name = {}; }))).toEqual([{ path: '/app/name', message: 'must give at least one locale, e.g. { "zh-CN": "客户" }' }]);
    expect(errorsOf(broken((p) => { p.app.name = { 'zh-CN': '  ' }; }))).toEqual([{ path: '/app/name/zh-CN', message: 'a label must not be blank' }]);
    expect(errorsOf(broken((p) => { p.app.name = { chinese: '客户' }; }))).toEqual([{ path: '/app/name/chinese', message: "'chinese' is not a locale code; use codes like zh-CN or en" }]);
    expect(errorsOf(broken((p) => { p.app.name = 42; }))[0]!.message).toMatch(/must be a text or a map of locales/);
  });

  it('explains an unknown navigation or layout kind and lists the allowed ones', () => {
    const errors = errorsOf(broken((p) => { p.app.navigation[0].kind = 'link'; p.forms[0].layout[0].kind = 'tab'; }));
    expect(errors).toContainEqual({ path: '/app/navigation/0/kind', message: 'unknown kind "link"; use one of: form, group' });
    expect(errors).toContainEqual({ path: '/forms/0/layout/0/kind', message: 'unknown kind "tab"; use one of: section, tabs' });
  });

  it('checks sections inside tabs: unknown fields and fields placed twice are named with their paths', () => {
    const errors = errorsOf(broken((p) => { p.forms[0].layout[1].tabs[0].sections[0].fields.push('ghost', 'name'); }));
    expect(errors).toContainEqual({ path: '/forms/0/layout/1/tabs/0/sections/0/fields/1', message: expect.stringContaining("field 'ghost'") });
    expect(errors).toContainEqual({ path: '/forms/0/layout/1/tabs/0/sections/0/fields/2', message: expect.stringContaining('already placed in the layout at /forms/0/layout/0/fields/0') });
  });

  it('refuses a defaultFrom of an unknown kind, a formula default without formula, and extra properties', () => {
    const errors = errorsOf(broken((p) => {
      p.forms[0].fields[0].defaultFrom = { kind: 'yesterday' };
      p.forms[0].fields[1].defaultFrom = { kind: 'formula' };
      p.forms[1].fields[0].defaultFrom = { kind: 'today', formula: 'x' };
    }));
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['/forms/0/fields/0/defaultFrom/kind', '/forms/0/fields/1/defaultFrom', '/forms/1/fields/0/defaultFrom/formula']));
  });

  it('accepts a data-linkage default and refuses one whose match is empty', () => {
    const ok = validateAppPackage(broken((p) => { p.forms[0].fields[0].defaultFrom = { kind: 'linkage', form: 'opportunity', match: [{ field: 'title', equals: 'name' }], take: 'title' }; }), testCatalog);
    expect(ok.ok).toBe(true);
    const errors = errorsOf(broken((p) => { p.forms[0].fields[0].defaultFrom = { kind: 'linkage', form: 'opportunity', match: [], take: 'title' }; }));
    expect(errors.map((e) => e.path)).toContain('/forms/0/fields/0/defaultFrom/match');
  });

  it('checks nested navigation groups', () => {
    const errors = errorsOf(broken((p) => { p.app.navigation[1].items.push({ kind: 'group', label: 'x', items: [{ kind: 'form', form: 'quote', extra: true }] }); }));
    expect(errors).toContainEqual({ path: '/app/navigation/1/items/1/items/0/extra', message: expect.stringMatching(/^unknown property 'extra'/) });
    expect(errors).toContainEqual({ path: '/app/navigation/1/items/1/items/0/form', message: expect.stringContaining("form 'quote'") });
  });

  it('refuses a wrong schemaVersion and points to upgradePackage', () => {
    expect(errorsOf(broken((p) => { p.schemaVersion = 2; }))).toEqual([
      { path: '/schemaVersion', message: 'schemaVersion must be 1; upgrade older packages with upgradePackage()' },
    ]);
  });

  it('refuses a layout column count outside 1..4', () => {
    expect(errorsOf(broken((p) => { p.forms[0].layout[0].columns = 5; }))).toEqual([{ path: '/forms/0/layout/0/columns', message: 'must be <= 4' }]);
  });

  it('accepts flows, rules and reports as keyed placeholders with any other properties', () => {
    expect(errorsOf(broken((p) => { p.flows.push({ name: 'no key' }); }))).toEqual([{ path: '/flows/1/key', message: "'key' is required here; add it" }]);
  });

  it('checks the shape of roles: known actions, once each; known field access levels; a key as form key', () => {
    const errors = errorsOf(broken((p) => {
      p.roles[0].forms.customer.actions = ['view', 'approve', 'view'];
      p.roles[0].forms.customer.fields.tier = 'secret';
      p.roles[0].forms['Bad-Key'] = { actions: ['view'] };
      p.roles[0].colour = 'red';
    }));
    expect(errors).toEqual(expect.arrayContaining([
      { path: '/roles/0/colour', message: expect.stringMatching(/^unknown property 'colour'; remove it \(allowed here: key, name, description, design, forms\)/) },
      { path: '/roles/0/forms/customer/actions/1', message: expect.stringMatching(/^"approve" is not allowed; use one of: "view", "create", "edit", "delete", "import", "export", "manage"/) },
      { path: '/roles/0/forms/customer/actions', message: expect.stringMatching(/^must not list the same item twice/) },
      { path: '/roles/0/forms/customer/fields/tier', message: expect.stringMatching(/^"secret" is not allowed; use one of: "hidden", "masked", "readonly", "editable"/) },
      { path: '/roles/0/forms/Bad-Key', message: expect.stringMatching(/^'Bad-Key' is not a valid key here: must start with a lowercase letter/) },
    ]));
  });

  it('requires a role key, name and forms, and actions in each form permission', () => {
    const errors = errorsOf(broken((p) => { p.roles.push({ key: 'viewer', forms: { customer: { scope: true } } }); }));
    expect(errors).toEqual([
      { path: '/roles/1/name', message: "'name' is required here; add it" },
      { path: '/roles/1/forms/customer/actions', message: "'actions' is required here; add it" },
    ]);
  });

  describe('with a field-type catalog', () => {
    it('refuses an unknown field type', () => {
      expect(errorsOf(broken((p) => { p.forms[0].fields[0].type = 'signature'; }))).toEqual([
        { path: '/forms/0/fields/0/type', message: expect.stringMatching(/^unknown field type 'signature'/) },
      ]);
    });

    it('validates options against the type and puts the paths inside options', () => {
      const errors = errorsOf(broken((p) => { p.forms[0].fields[0].options = { maxLength: 0, minLen: 2 }; p.forms[0].fields[1].options = {}; }));
      expect(errors).toEqual([
        { path: '/forms/0/fields/0/options/minLen', message: expect.stringMatching(/^unknown property 'minLen'; remove it \(allowed here: maxLength\)/) },
        { path: '/forms/0/fields/0/options/maxLength', message: 'must be >= 1' },
        { path: '/forms/0/fields/1/options/choices', message: "'choices' is required here; add it" },
      ]);
    });

    it('treats missing options as an empty object (so required options are reported)', () => {
      expect(errorsOf(broken((p) => { delete p.forms[0].fields[1].options; }))).toEqual([
        { path: '/forms/0/fields/1/options/choices', message: "'choices' is required here; add it" },
      ]);
    });

    it("runs the type's own checks with paths relative to the field", () => {
      const errors = errorsOf(broken((p) => { p.forms[0].fields[1].options.choices.push({ value: 'key', label: 'again' }); }));
      expect(errors).toEqual([{ path: '/forms/0/fields/1/options/choices/2/value', message: "duplicate choice 'key'" }]);
    });

    it('without a catalog, field types and options are not checked', () => {
      const pkg = broken((p) => { p.forms[0].fields[0].type = 'signature'; p.forms[0].fields[1].options = {}; });
      expect(validateAppPackage(pkg).ok).toBe(true);
    });
  });
});

describe('assertAppPackage', () => {
  it('returns the typed package when it is valid', () => {
    const pkg: AppPackage = assertAppPackage(fullPackage(), testCatalog);
    expect(pkg.app.key).toBe('crm');
  });

  it('throws SCHEMA_INVALID (400) with every problem in details', () => {
    let caught: unknown;
    try {
      assertAppPackage(broken((p) => { p.forms[0].key = 'table'; p.forms[1].fields[0].key = 'id'; p.roles = []; }), testCatalog);
    } catch (e) {
      caught = e;
    }
    expect(TrellisError.is(caught)).toBe(true);
    const err = caught as TrellisError;
    expect(err.code).toBe('SCHEMA_INVALID');
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/^\[schema\] the app package has 3 problems/);
    expect(err.details.map((d) => d.path)).toEqual(['/forms/0/key', '/forms/1/fields/0/key', '/app/navigation/0/form']);
  });
});
