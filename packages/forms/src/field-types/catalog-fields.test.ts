import { describe, expect, it } from 'vitest';
import type { FieldDef, FormDef } from '@trellis/schema';
import { compileForm } from '../compile-form.js';
import { fieldTypes } from '../field-types-global.js';
import { validateApp } from '../validate-app.js';

let n = 0;
type Field = Omit<FieldDef, 'id' | 'key' | 'label'> & Partial<FieldDef>;
function formWith(field: Field): FormDef {
  n += 1;
  return { key: `k${n}`, name: { 'zh-CN': '测试', en: 'Test' }, fields: [{ id: 'f_v', key: 'v', label: { 'zh-CN': '值', en: 'Value' }, ...field }] };
}
const run = (field: Field, value: unknown, locale = 'en', mode: 'create' | 'update' = 'create') => compileForm(formWith(field)).process({ v: value }, { mode, locale });
const valueOf = (field: Field, value: unknown) => {
  const r = run(field, value);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value['v'];
};
const errorOf = (field: Field, value: unknown, locale = 'en') => {
  const r = run(field, value, locale);
  if (r.ok) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0]!.path).toBe('/data/v');
  return r.errors[0]!;
};
const format = (field: Field, value: unknown, locale = 'en') => {
  const f = formWith(field).fields[0]!;
  return fieldTypes.get(f.type)!.format!(value, f, locale);
};
const definitionProblems = (field: Field) => {
  const pkg = { schemaVersion: 1, app: { key: 'a', name: 'A' }, forms: [formWith(field)] };
  const r = validateApp(pkg as never);
  return r.ok ? [] : r.errors.map((e) => `${e.path} ${e.message}`);
};

const NANSHAN = { province: '440000', city: '440300', district: '440305', detail: '科技园路 1 号' };

describe('address', () => {
  it('takes codes (six, four or two digits) and names, and stores six-digit codes', () => {
    expect(valueOf({ type: 'address' }, { province: '440000', city: '440300', district: '440305', detail: ' 科技园路 1 号 ' })).toEqual(NANSHAN);
    expect(valueOf({ type: 'address' }, { province: '广东省', city: '深圳市', district: '南山区', detail: '科技园路 1 号' })).toEqual(NANSHAN);
    expect(valueOf({ type: 'address' }, { province: '广东', city: '深圳', district: '南山', detail: '科技园路 1 号' })).toEqual(NANSHAN);
    expect(valueOf({ type: 'address' }, { province: '44', city: '4403', district: '440305', detail: '科技园路 1 号' })).toEqual(NANSHAN);
  });

  it('reads one line of text, also with a municipality whose city level is implicit', () => {
    expect(valueOf({ type: 'address' }, '广东省 深圳市 南山区 科技园路 1 号')).toEqual(NANSHAN);
    expect(valueOf({ type: 'address' }, '北京市 东城区 东长安街')).toEqual({ province: '110000', city: '110100', district: '110101', detail: '东长安街' });
    expect(valueOf({ type: 'address' }, '   ')).toBeNull();
    expect(valueOf({ type: 'address' }, { province: '', city: null, district: ' ', detail: '' })).toBeNull();
  });

  it('refuses a city outside the province, a district outside the city, and unknown codes', () => {
    expect(errorOf({ type: 'address' }, { province: '440000', city: '110100', district: '110101', detail: null }).message).toBe(
      "'Value': city '110100' is not in 广东省",
    );
    expect(errorOf({ type: 'address' }, { province: '广东省', city: '深圳市', district: '天河区', detail: null }).message).toBe(
      "'Value': district '天河区' is not in 深圳市",
    );
    expect(errorOf({ type: 'address' }, { province: '990000', city: null, district: null, detail: null }).message).toBe(
      "'Value': there is no province with code or name '990000'",
    );
    expect(errorOf({ type: 'address' }, { province: '广东省', city: '深圳市', district: '天河区', detail: null }, 'zh-CN').message).toBe('「值」区县「天河区」不在「深圳市」内');
    expect(errorOf({ type: 'address' }, '火星 奥林帕斯山').code).toBe('FIELD_TYPE');
    expect(errorOf({ type: 'address' }, { province: '440000', street: 'x' }).code).toBe('FIELD_INVALID');
  });

  it('goes down to the level of the field: complete, and no further', () => {
    expect(errorOf({ type: 'address' }, { province: '广东省', city: '深圳市' }).message).toBe("'Value': choose a district");
    expect(valueOf({ type: 'address', options: { level: 'city' } }, { province: '广东省', city: '深圳市' })).toEqual({ province: '440000', city: '440300', district: null, detail: null });
    expect(errorOf({ type: 'address', options: { level: 'province' } }, { province: '广东省', city: '深圳市' }).message).toBe(
      "'Value': goes down to the province only; leave the city empty",
    );
    expect(errorOf({ type: 'address', options: { detail: false } }, NANSHAN).message).toBe("'Value': this address has no detail line; remove it");
    expect(errorOf({ type: 'address' }, { ...NANSHAN, detail: 'x'.repeat(201) }).code).toBe('FIELD_TOO_LONG');
    // 东莞市 has no districts: the address is complete at the city
    expect(valueOf({ type: 'address' }, '广东省 东莞市 南城街道')).toEqual({ province: '440000', city: '441900', district: null, detail: '南城街道' });
  });

  it('formats as names and detail, leaving out placeholder city levels', () => {
    expect(format({ type: 'address' }, NANSHAN)).toBe('广东省 深圳市 南山区 科技园路 1 号');
    expect(format({ type: 'address' }, { province: '110000', city: '110100', district: '110105', detail: null })).toBe('北京市 朝阳区');
    expect(format({ type: 'address' }, { province: '410000', city: '419000', district: '419001', detail: null })).toBe('河南省 济源市');
    expect(format({ type: 'address' }, null)).toBe('');
  });

  it('can be filtered by province in a condition', () => {
    const form: FormDef = {
      key: 'addr_cond',
      name: { en: 'A' },
      fields: [
        { id: 'f_a', key: 'address', label: { en: 'Address' }, type: 'address' },
        { id: 'f_n', key: 'note', label: { en: 'Note' }, type: 'text', visibleWhen: { '==': [{ var: 'address.province' }, '440000'] } },
      ],
    };
    const c = compileForm(form);
    expect(c.hiddenFields({ address: NANSHAN }).has('note')).toBe(false);
    expect(c.hiddenFields({ address: { ...NANSHAN, province: '110000' } }).has('note')).toBe(true);
  });
});

const U1 = '0b6f3a52-8f0e-4c7e-9a43-5d1e0c9b7a11';
const U2 = '7d2c1e90-3b4a-4f5e-8c6d-9e0f1a2b3c4d';

describe('member and department', () => {
  it('hold a uuid, lower-cased; multiple holds a deduplicated list', () => {
    expect(valueOf({ type: 'member' }, ` ${U1.toUpperCase()} `)).toBe(U1);
    expect(valueOf({ type: 'department' }, `{${U2}}`)).toBe(U2);
    expect(valueOf({ type: 'member', options: { multiple: true } }, `${U1}, ${U2}，${U1}`)).toEqual([U1, U2]);
    expect(valueOf({ type: 'department', options: { multiple: true } }, [U2])).toEqual([U2]);
    expect(valueOf({ type: 'member', options: { multiple: true } }, [])).toBeNull();
  });

  it('refuse what is not a uuid, naming it', () => {
    expect(errorOf({ type: 'member' }, 'zhang.san').message).toBe("'Value': must be a user id (a uuid such as 0b6f…-…), not 'zhang.san'");
    expect(errorOf({ type: 'department', options: { multiple: true } }, [U1, 'sales'], 'zh-CN').message).toBe('「值」应为部门 ID（uuid，如 0b6f…-…），收到的是「sales」');
    expect(errorOf({ type: 'member' }, 12).code).toBe('FIELD_PATTERN');
  });

  it('store a uuid column, or a text list when multiple', () => {
    expect(fieldTypes.valueType({ id: 'x', key: 'x', label: {}, type: 'member' })).toBe('uuid');
    expect(fieldTypes.valueType({ id: 'x', key: 'x', label: {}, type: 'department', options: { multiple: true } })).toBe('text_list');
    expect(format({ type: 'member', options: { multiple: true } }, [U1, U2], 'zh-CN')).toBe(`${U1}、${U2}`);
  });
});

describe('serial', () => {
  it('ignores input on create: the store assigns the number', () => {
    expect(valueOf({ type: 'serial', options: { digits: 4 } }, 12)).toBeNull();
    expect(valueOf({ type: 'serial', options: { digits: 4 } }, { x: 1 })).toBeNull();
  });

  it('keeps a stored number through an update', () => {
    const r = compileForm(formWith({ type: 'serial', options: { prefix: 'HT-', digits: 4 } })).process({}, { mode: 'update', existing: { v: 'HT-0007' } });
    expect(r.ok && r.value['v']).toBe('HT-0007');
  });

  it('refuses options that could repeat numbers, and required', () => {
    expect(definitionProblems({ type: 'serial', options: { digits: 4, resetEvery: 'day', datePattern: 'YYYYMM' } })[0]).toContain('needs the day in the date part');
    expect(definitionProblems({ type: 'serial', options: { digits: 4, resetEvery: 'month' } })[0]).toContain('needs a date part');
    expect(definitionProblems({ type: 'serial', required: true, options: { digits: 4 } })[0]).toContain("remove 'required'");
    expect(definitionProblems({ type: 'serial', options: { digits: 2 } })).not.toEqual([]);
    expect(definitionProblems({ type: 'serial', options: { digits: 4, prefix: 'x'.repeat(21) } })).not.toEqual([]);
    expect(definitionProblems({ type: 'serial', options: { prefix: 'HT-', digits: 4, datePattern: 'YYYYMMDD', resetEvery: 'day' } })).toEqual([]);
  });
});

describe('system fields', () => {
  it('are computed by the store: no column, read-only values ignored on input', () => {
    for (const type of ['created_by', 'created_at', 'updated_by', 'updated_at', 'owner']) {
      expect(fieldTypes.storage({ id: 'x', key: 'x', label: {}, type })).toBe('computed');
      expect(fieldTypes.get(type)!.group).toBe('system');
    }
    expect(valueOf({ type: 'created_at' }, 'yesterday')).toBeNull();
    expect(valueOf({ type: 'created_at' }, '2026-12-01T08:00:00+08:00')).toBe('2026-12-01T00:00:00.000Z');
    expect(valueOf({ type: 'updated_by' }, 'someone')).toBeNull();
    expect(valueOf({ type: 'created_by' }, U1.toUpperCase())).toBe(U1);
  });

  it('owner takes a user id and refuses anything else', () => {
    expect(valueOf({ type: 'owner' }, U2)).toBe(U2);
    expect(errorOf({ type: 'owner' }, 'boss').code).toBe('FIELD_PATTERN');
  });

  it('cannot be required', () => {
    expect(definitionProblems({ type: 'created_at', required: true })[0]).toContain("remove 'required'");
  });

  it('format times in the locale', () => {
    expect(format({ type: 'updated_at' }, '2026-12-01T00:00:00.000Z', 'en')).toMatch(/2026/);
  });
});
