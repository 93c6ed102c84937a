import { describe, expect, it } from 'vitest';
import { fullPackage, testCatalog } from '../test/fixtures.js';
import { TrellisError, upgradePackage, validateAppPackage } from './index.js';

describe('upgradePackage', () => {
  it('returns a current package unchanged', () => {
    const pkg = fullPackage();
    expect(upgradePackage(pkg)).toBe(pkg);
  });

  it('upgrades a version-0 package (no schemaVersion, fields without ids) to a valid version 1', () => {
    const v0 = structuredClone(fullPackage()) as any;
    delete v0.schemaVersion;
    for (const form of v0.forms) for (const field of form.fields) delete field.id;
    v0.forms[0].fields.push({ id: 'f_code', key: 'code', type: 'text', label: '编码' }, { key: 'code_2', type: 'text', label: 'x' });
    v0.forms[0].fields[0].key = 'code';
    v0.forms[0].fields[0].key = 'name';
    const up = upgradePackage(v0) as any;
    expect(up.schemaVersion).toBe(1);
    expect(up.forms[0].fields.map((f: any) => f.id)).toEqual(['f_name', 'f_tier', 'f_code', 'f_code_2']);
    expect(validateAppPackage(up, testCatalog).ok).toBe(true);
    expect(v0.schemaVersion).toBeUndefined(); // the input is not mutated
  });

  it('gives generated ids a suffix when f_<key> is already taken', () => {
    const up = upgradePackage({ app: { key: 'a', name: 'a' }, forms: [{ key: 'f', name: 'f', fields: [{ id: 'f_x', key: 'y', type: 'text', label: 'y' }, { key: 'x', type: 'text', label: 'x' }] }] }) as any;
    expect(up.forms[0].fields[1].id).toBe('f_x_2');
  });

  it('treats schemaVersion 0 like a missing one', () => {
    expect((upgradePackage({ schemaVersion: 0, forms: [] }) as any).schemaVersion).toBe(1);
  });

  it('refuses a package from a newer Trellis with a clear message', () => {
    expect(() => upgradePackage({ schemaVersion: 7 })).toThrowError(/written for schemaVersion 7, but this Trellis understands up to 1; upgrade Trellis/);
    try {
      upgradePackage({ schemaVersion: 7 });
    } catch (e) {
      expect(TrellisError.is(e) && e.code).toBe('SCHEMA_VERSION_UNSUPPORTED');
      expect((e as TrellisError).details[0]!.path).toBe('/schemaVersion');
    }
  });

  it('refuses a schemaVersion that is not a whole number', () => {
    for (const v of ['1', 1.5, -1, null]) expect(() => upgradePackage({ schemaVersion: v })).toThrowError(/is not a version number/);
  });

  it('leaves non-objects for validation to report', () => {
    expect(upgradePackage('x')).toBe('x');
  });
});
