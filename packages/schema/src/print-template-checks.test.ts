import { describe, expect, it } from 'vitest';
import { fullPackage, testCatalog } from '../test/fixtures.js';
import { checkPackageSemantics } from './semantic-checks.js';
import { validateAppPackage } from './validate-app-package.js';

function withTemplates(templates: unknown) {
  const pkg = structuredClone(fullPackage()) as any;
  pkg.forms[0].printTemplates = templates;
  return pkg;
}

describe('print templates', () => {
  it('accepts the full fixture with every block kind', () => {
    expect(validateAppPackage(fullPackage(), testCatalog).ok).toBe(true);
  });

  it('refuses a second template with the same key, pointing back at the first', () => {
    const pkg = withTemplates([
      { key: 'a', name: 'A', blocks: [] },
      { key: 'a', name: 'B', blocks: [] },
    ]);
    expect(checkPackageSemantics(pkg)).toEqual([
      { path: '/forms/0/printTemplates/1/key', message: "print template key 'a' is already used at /forms/0/printTemplates/0/key; print template keys must be unique within a form" },
    ]);
  });

  it('names every block that prints a field the form does not have', () => {
    const pkg = withTemplates([
      {
        key: 'a',
        name: 'A',
        blocks: [
          { kind: 'fields', fields: ['name', 'price'] },
          { kind: 'subtable', field: 'items' },
          { kind: 'signature', field: 'sign' },
          { kind: 'signature' },
        ],
      },
    ]);
    expect(checkPackageSemantics(pkg).map((e) => e.path)).toEqual([
      '/forms/0/printTemplates/0/blocks/0/fields/1',
      '/forms/0/printTemplates/0/blocks/1/field',
      '/forms/0/printTemplates/0/blocks/2/field',
    ]);
    expect(checkPackageSemantics(pkg)[0]!.message).toContain("print template 'a' prints field 'price', which form 'customer' does not have");
  });

  it('refuses unknown block kinds, papers and extra properties with precise paths', () => {
    const pkg = withTemplates([{ key: 'a', name: 'A', paper: 'B5', blocks: [{ kind: 'chart' }, { kind: 'fields', fields: [], columns: 9 }, { kind: 'text' }] }]);
    const r = validateAppPackage(pkg, testCatalog);
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/forms/0/printTemplates/0/paper', '/forms/0/printTemplates/0/blocks/0/kind', '/forms/0/printTemplates/0/blocks/1/columns', '/forms/0/printTemplates/0/blocks/2/text']));
  });
});
