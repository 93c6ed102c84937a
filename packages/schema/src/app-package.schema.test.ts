import { describe, expect, it } from 'vitest';
import { fullPackage } from '../test/fixtures.js';
import { appPackageSchema, createSchemaAjv, SQL_RESERVED_WORDS, isSqlReservedWord, type LayoutTabs, type PrintBlock } from './index.js';

/**
 * The compiler keeps each `properties` object equal to the keys of its TypeScript type
 * (`PropertiesOf<T>` in app-package.schema.ts). These tests check the other direction at
 * run time: a fixture typed as `AppPackage` that uses every property is valid, and every
 * property the schema declares appears in the fixture, so nothing is declared twice or forgotten.
 */
describe('appPackageSchema', () => {
  it('compiles under ajv strict mode', () => {
    expect(() => createSchemaAjv().compile(appPackageSchema)).not.toThrow();
  });

  it('declares exactly the properties the full fixture (typed AppPackage) uses', () => {
    const pkg = fullPackage();
    const form = pkg.forms[0]!;
    const nav = pkg.app.navigation!;
    const used: Record<string, object> = {
      root: pkg,
      app: pkg.app,
      navForm: nav[0]!,
      navGroup: nav[1]!,
      form,
      field: { ...form.fields[0]!, ...form.fields[1]! },
      layoutSection: form.layout![0]!,
      layoutTabs: form.layout![1]!,
      layoutTab: (form.layout![1] as LayoutTabs).tabs[0]!,
      printTemplate: form.printTemplates![0]!,
    };
    const blockDefs: Record<PrintBlock['kind'], string> = { fields: 'printFields', text: 'printText', subtable: 'printSubtable', signature: 'printSignature', approvals: 'printApprovals' };
    for (const block of form.printTemplates![0]!.blocks) used[blockDefs[block.kind]] = block;
    expect(Object.keys(used).filter((k) => k.startsWith('print')).sort()).toEqual(['printApprovals', 'printFields', 'printSignature', 'printSubtable', 'printTemplate', 'printText']);
    const defs = appPackageSchema.$defs as Record<string, { properties?: object }>;
    for (const [name, value] of Object.entries(used)) {
      const declared = Object.keys(name === 'root' ? appPackageSchema.properties : defs[name]!.properties!).sort();
      expect([name, Object.keys(value).sort()]).toEqual([name, declared]);
    }
  });
});

describe('SQL reserved words', () => {
  it('contains the PostgreSQL reserved keywords a business key could hit', () => {
    for (const w of ['select', 'table', 'user', 'order', 'group', 'from', 'where', 'limit', 'offset', 'check', 'default', 'column', 'all', 'end', 'drop']) {
      expect(SQL_RESERVED_WORDS.has(w)).toBe(true);
    }
  });

  it('keeps words PostgreSQL allows as column names usable', () => {
    for (const w of ['name', 'position', 'value', 'time', 'status', 'amount', 'title']) expect(isSqlReservedWord(w)).toBe(false);
  });
});
