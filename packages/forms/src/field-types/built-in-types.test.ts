import { describe, expect, it } from 'vitest';
import type { FieldDef, FormDef } from '@trellis/schema';
import { compileForm } from '../compile-form.js';
import { fieldTypes } from '../field-types-global.js';

let n = 0;
/** A one-field form (a fresh object each time, so compile caches do not mix tests). */
function formWith(field: Omit<FieldDef, 'id' | 'key' | 'label'> & Partial<FieldDef>): FormDef {
  n += 1;
  return { key: `t${n}`, name: { 'zh-CN': '测试', en: 'Test' }, fields: [{ id: 'f_v', key: 'v', label: { 'zh-CN': '值', en: 'Value' }, ...field }] };
}

/** Runs one value through the create pipeline. */
function run(field: Parameters<typeof formWith>[0], value: unknown, locale = 'en') {
  return compileForm(formWith(field)).process({ v: value }, { mode: 'create', locale });
}
const valueOf = (field: Parameters<typeof formWith>[0], value: unknown) => {
  const r = run(field, value);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value['v'];
};
const errorOf = (field: Parameters<typeof formWith>[0], value: unknown, locale = 'en') => {
  const r = run(field, value, locale);
  if (r.ok) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0]!.path).toBe('/data/v');
  return r.errors[0]!;
};

describe('the built-in registry', () => {
  it('holds exactly the built-in types, with their value types', () => {
    const types = fieldTypes.list().map((t) => [t.type, typeof t.valueType === 'string' ? t.valueType : 'fn']);
    expect(types).toEqual([
      ['text', 'text'], ['long_text', 'text'], ['number', 'number'], ['date', 'date'], ['datetime', 'datetime'],
      ['single_select', 'text'], ['multi_select', 'text_list'], ['boolean', 'boolean'],
      ['rich_text', 'text'], ['money', 'number'], ['percent', 'number'], ['rating', 'number'], ['time', 'text'],
      ['tags', 'text_list'], ['phone', 'text'], ['email', 'text'], ['url', 'text'], ['id_number', 'text'], ['description', 'text'],
      ['address', 'json'], ['member', 'fn'], ['department', 'fn'], ['serial', 'text'],
      ['created_by', 'uuid'], ['created_at', 'datetime'], ['updated_by', 'uuid'], ['updated_at', 'datetime'], ['owner', 'uuid'],
      ['subtable', 'json'],
      ['relation', 'fn'], ['lookup', 'fn'], ['rollup', 'fn'],
      ['formula', 'fn'],
      ['attachment', 'json'], ['image', 'json'], ['signature', 'json'],
    ]);
  });
});

describe('text', () => {
  it('trims, and stores blank as null', () => {
    expect(valueOf({ type: 'text' }, '  北京  ')).toBe('北京');
    expect(valueOf({ type: 'text' }, '   ')).toBeNull();
  });
  it('refuses values longer than maxLength, 200 by default', () => {
    expect(valueOf({ type: 'text' }, 'x'.repeat(200))).toHaveLength(200);
    expect(errorOf({ type: 'text' }, 'x'.repeat(201))).toMatchObject({ code: 'FIELD_TOO_LONG', message: "'Value' must be at most 200 characters long" });
    expect(errorOf({ type: 'text', options: { maxLength: 5 } }, '123456').code).toBe('FIELD_TOO_LONG');
  });
  it('refuses values shorter than minLength', () => {
    expect(errorOf({ type: 'text', options: { minLength: 3 } }, 'ab')).toMatchObject({ code: 'FIELD_TOO_SHORT', message: "'Value' must be at least 3 characters long" });
  });
  it('checks the pattern and uses the custom pattern message in the right language', () => {
    const field = { type: 'text', options: { pattern: '^1[3-9]\\d{9}$', patternMessage: { 'zh-CN': '请输入 11 位手机号', en: 'enter an 11-digit mobile number' } } };
    expect(valueOf(field, '13800138000')).toBe('13800138000');
    expect(errorOf(field, '1380013800')).toMatchObject({ code: 'FIELD_PATTERN', message: "'Value': enter an 11-digit mobile number" });
    expect(errorOf(field, '12345', 'zh-CN').message).toBe('「值」请输入 11 位手机号');
    expect(errorOf({ type: 'text', options: { pattern: '^\\d+$' } }, 'abc').message).toBe("'Value' is not in the expected format");
  });
  it('refuses non-text values with a type error naming the field', () => {
    expect(errorOf({ type: 'text' }, { a: 1 })).toMatchObject({ code: 'FIELD_TYPE', message: `'Value' must be text, not {"a":1}` });
    expect(errorOf({ type: 'text' }, true, 'zh-CN').message).toBe('「值」应为文本，收到的是 true');
  });
  it('a form with an unsafe pattern does not compile', () => {
    expect(() => compileForm(formWith({ type: 'text', options: { pattern: '^(a+)+$' } }))).toThrowError(/cannot be compiled.*\/fields\/0\/options\/pattern/);
  });
  it('matching a pattern stays fast on hostile input (the value is capped at maxLength first)', () => {
    const started = Date.now();
    expect(errorOf({ type: 'text', options: { pattern: '^[a-z]*$', maxLength: 50 } }, 'a'.repeat(100000)).code).toBe('FIELD_TOO_LONG');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('long_text', () => {
  it('trims the ends, keeps inner line breaks, normalises CRLF', () => {
    expect(valueOf({ type: 'long_text' }, '  第一行\r\n第二行  ')).toBe('第一行\n第二行');
  });
  it('allows 10000 characters by default, not more', () => {
    expect(valueOf({ type: 'long_text' }, 'x'.repeat(10000))).toHaveLength(10000);
    expect(errorOf({ type: 'long_text' }, 'x'.repeat(10001)).code).toBe('FIELD_TOO_LONG');
  });
});

describe('number', () => {
  it('parses numbers written by people', () => {
    expect(valueOf({ type: 'number' }, '1,200.50')).toBe(1200.5);
    expect(valueOf({ type: 'number' }, 7)).toBe(7);
    expect(valueOf({ type: 'number' }, '')).toBeNull();
  });
  it('refuses text that is not a number, quoting the input', () => {
    expect(errorOf({ type: 'number' }, '12 apples')).toMatchObject({ code: 'FIELD_TYPE', message: "'Value' must be a number, not 12 apples" });
    expect(errorOf({ type: 'number' }, true).code).toBe('FIELD_TYPE');
  });
  it('enforces min and max', () => {
    expect(errorOf({ type: 'number', options: { min: 0, max: 100 } }, -1)).toMatchObject({ code: 'FIELD_TOO_SMALL', message: "'Value' must be at least 0" });
    expect(errorOf({ type: 'number', options: { min: 0, max: 100 } }, '101', 'zh-CN')).toMatchObject({ code: 'FIELD_TOO_LARGE', message: '「值」不能大于 100' });
    expect(valueOf({ type: 'number', options: { min: 0, max: 100 } }, 100)).toBe(100);
  });
  it('enforces precision, tolerating floating-point noise', () => {
    expect(valueOf({ type: 'number', options: { precision: 2 } }, 0.1 + 0.2)).toBeCloseTo(0.3);
    expect(valueOf({ type: 'number', options: { precision: 2 } }, '19.99')).toBe(19.99);
    expect(errorOf({ type: 'number', options: { precision: 2 } }, 1.005).code).toBe('FIELD_PRECISION');
    expect(errorOf({ type: 'number', options: { precision: 0 } }, 1.5).message).toBe("'Value' must be a whole number");
  });
  it('refuses magnitudes beyond 1e15 even without max', () => {
    expect(errorOf({ type: 'number' }, 1e16).code).toBe('FIELD_TOO_LARGE');
  });
  it('formats with the unit and the locale', () => {
    const field = formWith({ type: 'number', options: { precision: 2, unit: { 'zh-CN': '元', en: 'CNY' } } }).fields[0]!;
    expect(fieldTypes.get('number')!.format!(1200.5, field, 'en')).toBe('1,200.50 CNY');
    expect(fieldTypes.get('number')!.format!(1200.5, field, 'zh-CN')).toBe('1,200.50 元');
  });
});

describe('date', () => {
  it('normalises to YYYY-MM-DD', () => {
    expect(valueOf({ type: 'date' }, '2024年5月1日')).toBe('2024-05-01');
    expect(valueOf({ type: 'date' }, '2024/5/1')).toBe('2024-05-01');
  });
  it('refuses impossible dates and text', () => {
    expect(errorOf({ type: 'date' }, '2023-02-29')).toMatchObject({ code: 'FIELD_DATE_INVALID', message: "'Value' is not a valid date: 2023-02-29" });
    expect(errorOf({ type: 'date' }, 'next week', 'zh-CN').message).toBe('「值」不是有效的日期：next week');
    expect(errorOf({ type: 'date' }, 20240501).code).toBe('FIELD_TYPE');
  });
  it('enforces min and max (inclusive)', () => {
    const field = { type: 'date', options: { min: '2024-01-01', max: '2024-12-31' } };
    expect(valueOf(field, '2024-01-01')).toBe('2024-01-01');
    expect(errorOf(field, '2023-12-31')).toMatchObject({ code: 'FIELD_DATE_TOO_EARLY', message: "'Value' must not be before 2024-01-01" });
    expect(errorOf(field, '2025-01-01').code).toBe('FIELD_DATE_TOO_LATE');
  });
});

describe('datetime', () => {
  it('normalises to ISO 8601 in UTC', () => {
    expect(valueOf({ type: 'datetime' }, '2024-05-01T10:00:00+08:00')).toBe('2024-05-01T02:00:00.000Z');
  });
  it('refuses text that is not a date and time', () => {
    expect(errorOf({ type: 'datetime' }, 'yesterday')).toMatchObject({ code: 'FIELD_DATE_INVALID', message: "'Value' is not a valid date and time: yesterday" });
  });
});

describe('single_select', () => {
  const field = {
    type: 'single_select',
    options: { choices: [{ value: 'strategic', label: { 'zh-CN': '战略客户', en: 'Strategic' } }, { value: 'key', label: { 'zh-CN': '重点客户', en: 'Key' } }] },
  };
  it('accepts a choice value, and a label in any locale', () => {
    expect(valueOf(field, 'key')).toBe('key');
    expect(valueOf(field, ' 重点客户 ')).toBe('key');
    expect(valueOf(field, 'Strategic')).toBe('strategic');
  });
  it('refuses anything else and lists the choices in the message language', () => {
    expect(errorOf(field, 'gold')).toMatchObject({ code: 'FIELD_NOT_A_CHOICE', message: "'Value': 'gold' is not one of the choices; choose one of: Strategic, Key" });
    expect(errorOf(field, 'gold', 'zh-CN').message).toBe('「值」的值「gold」不是可选项，请从以下选项中选择：战略客户、重点客户');
  });
  it('formats the label', () => {
    expect(fieldTypes.get('single_select')!.format!('key', formWith(field).fields[0]!, 'zh-CN')).toBe('重点客户');
  });
});

describe('multi_select', () => {
  const field = {
    type: 'multi_select',
    options: { choices: [{ value: 'vip', label: 'VIP' }, { value: 'price', label: { 'zh-CN': '价格敏感', en: 'Price-sensitive' } }, { value: 'new', label: '新品关注' }], maxItems: 2 },
  };
  it('dedupes, maps labels and splits comma-separated text', () => {
    expect(valueOf(field, ['vip', 'vip', '价格敏感'])).toEqual(['vip', 'price']);
    expect(valueOf(field, 'vip，新品关注')).toEqual(['vip', 'new']);
  });
  it('stores an empty selection as null', () => {
    expect(valueOf(field, [])).toBeNull();
    expect(valueOf(field, ['', ' '])).toBeNull();
  });
  it('refuses unknown items and too many items', () => {
    expect(errorOf(field, ['vip', 'gold']).code).toBe('FIELD_NOT_A_CHOICE');
    expect(errorOf(field, ['vip', 'price', 'new'])).toMatchObject({ code: 'FIELD_TOO_MANY', message: "'Value': choose at most 2" });
    expect(errorOf({ ...field, options: { ...field.options, minItems: 2 } }, ['vip']).code).toBe('FIELD_TOO_FEW');
  });
  it('refuses a non-list value', () => expect(errorOf(field, 5).code).toBe('FIELD_TYPE'));
  it('a required multi select with an empty list is missing', () => {
    expect(errorOf({ ...field, required: true }, []).code).toBe('FIELD_REQUIRED');
  });
});

describe('boolean', () => {
  it('reads booleans from text and numbers', () => {
    expect(valueOf({ type: 'boolean' }, 'true')).toBe(true);
    expect(valueOf({ type: 'boolean' }, 0)).toBe(false);
    expect(valueOf({ type: 'boolean' }, '是')).toBe(true);
  });
  it('refuses anything else', () => expect(errorOf({ type: 'boolean' }, 'maybe')).toMatchObject({ code: 'FIELD_TYPE', message: "'Value' must be yes or no, not maybe" }));
  it('counts false as an answer for a required field', () => expect(valueOf({ type: 'boolean', required: true }, false)).toBe(false));
});
