import { describe, expect, it } from 'vitest';
import type { FieldDef, FormDef } from '@trellis/schema';
import { compileForm } from '../compile-form.js';
import { fieldTypes } from '../field-types-global.js';
import { validateApp } from '../validate-app.js';

let n = 0;
type Field = Omit<FieldDef, 'id' | 'key' | 'label'> & Partial<FieldDef>;
function formWith(field: Field): FormDef {
  n += 1;
  return { key: `c${n}`, name: { 'zh-CN': '测试', en: 'Test' }, fields: [{ id: 'f_v', key: 'v', label: { 'zh-CN': '值', en: 'Value' }, ...field }] };
}
const run = (field: Field, value: unknown, locale = 'en') => compileForm(formWith(field)).process({ v: value }, { mode: 'create', locale });
const valueOf = (field: Field, value: unknown) => {
  const r = run(field, value);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value['v'];
};
const errorOf = (field: Field, value: unknown, locale = 'en') => {
  const r = run(field, value, locale);
  if (r.ok) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  expect(r.errors).toHaveLength(1);
  return r.errors[0]!;
};
const format = (field: Field, value: unknown, locale = 'en') => {
  const f = formWith(field).fields[0]!;
  return fieldTypes.get(f.type)!.format!(value, f, locale);
};

/** A valid ID number: the check character computed here from the GB 11643 weights. */
function idWithCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return first17 + (c === 10 ? 'X' : String(c));
}

describe('phone', () => {
  it('stores mobiles as 11 digits and landlines as area-number', () => {
    expect(valueOf({ type: 'phone' }, '+86 138-1234-1234')).toBe('13812341234');
    expect(valueOf({ type: 'phone' }, '0086 13912345678')).toBe('13912345678');
    expect(valueOf({ type: 'phone' }, '(010) 8888 6666')).toBe('010-88886666');
  });
  it('refuses invalid numbers with a message naming the field', () => {
    expect(errorOf({ type: 'phone' }, '12345')).toMatchObject({ code: 'FIELD_PATTERN', message: "'Value': must be an 11-digit mobile number (13812341234) or a landline number with area code (010-12345678)" });
    expect(errorOf({ type: 'phone' }, '12812341234', 'zh-CN').message).toBe('「值」应为 11 位手机号或带区号的固定电话（如 13812341234 或 010-12345678）');
  });
  it('restricts to mobiles or landlines when asked', () => {
    expect(errorOf({ type: 'phone', options: { kind: 'mobile' } }, '010-88886666').message).toContain('11-digit mobile');
    expect(errorOf({ type: 'phone', options: { kind: 'landline' } }, '13812341234').message).toContain('landline');
    expect(valueOf({ type: 'phone', options: { kind: 'landline' } }, '021 1234 5678')).toBe('021-12345678');
  });
  it('masks in lists when the mask option is on', () => {
    expect(format({ type: 'phone', options: { mask: true } }, '13812341234')).toBe('138****1234');
    expect(format({ type: 'phone' }, '13812341234')).toBe('13812341234');
  });
});

describe('email', () => {
  it('trims and lower-cases the domain only', () => {
    expect(valueOf({ type: 'email' }, '  Zhang.San@Example.COM ')).toBe('Zhang.San@example.com');
    expect(valueOf({ type: 'email' }, 'mailto:a@b.cn')).toBe('a@b.cn');
  });
  it('refuses addresses without a valid domain', () => {
    for (const bad of ['a@b', 'a@localhost', 'a@-x.com', 'a@x..com', 'a b@x.com', '@x.com', 'a@x.c0m', 'a..b@x.com']) {
      expect(errorOf({ type: 'email' }, bad).code).toBe('FIELD_PATTERN');
    }
  });
});

describe('url', () => {
  it('adds https:// to a bare host and keeps http(s) URLs', () => {
    expect(valueOf({ type: 'url' }, 'example.com/about')).toBe('https://example.com/about');
    expect(valueOf({ type: 'url' }, 'HTTP://Example.com')).toBe('http://example.com');
    expect(valueOf({ type: 'url' }, 'https://Example.com/Path?Q=1')).toBe('https://example.com/Path?Q=1');
  });
  it('refuses other schemes and non-URLs', () => {
    for (const bad of ['javascript:alert(1)', 'ftp://example.com', 'not a url', 'http://nodot', 'https://user:pw@example.com']) {
      expect(errorOf({ type: 'url' }, bad).message).toBe("'Value': must be a web address starting with http:// or https://");
    }
  });
});

describe('id_number', () => {
  it('accepts valid numbers (check characters computed in the test), upper-cases x', () => {
    const id = idWithCheck('44030419880808123');
    expect(valueOf({ type: 'id_number' }, id)).toBe(id);
    expect(valueOf({ type: 'id_number' }, '11010519491231002x')).toBe('11010519491231002X');
  });
  it('says what is wrong: format, birth date or check digit', () => {
    const id = idWithCheck('44030419880808123');
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    expect(errorOf({ type: 'id_number' }, wrong).message).toBe("'Value': has a wrong check digit; check the number");
    expect(errorOf({ type: 'id_number' }, idWithCheck('44030419881308123')).message).toBe("'Value': contains an invalid birth date");
    expect(errorOf({ type: 'id_number' }, '4403041988', 'zh-CN').message).toBe('「值」应为 18 位身份证号（最后一位可为 X）');
  });
  it('masks the birth date in lists when asked', () => {
    expect(format({ type: 'id_number', options: { mask: true } }, '11010519491231002X')).toBe('110105********002X');
  });
});

describe('money', () => {
  it('reads currency signs and words, stores a number', () => {
    expect(valueOf({ type: 'money' }, '¥1,200.50')).toBe(1200.5);
    expect(valueOf({ type: 'money' }, '300元')).toBe(300);
    expect(valueOf({ type: 'money' }, 'RMB 5')).toBe(5);
    expect(valueOf({ type: 'money' }, 0.1 + 0.2)).toBeCloseTo(0.3);
  });
  it('refuses more than 2 decimals and out-of-range amounts', () => {
    expect(errorOf({ type: 'money' }, '1.005')).toMatchObject({ code: 'FIELD_PRECISION', message: "'Value' may have at most 2 decimal places" });
    expect(errorOf({ type: 'money', options: { min: 0 } }, -1).code).toBe('FIELD_TOO_SMALL');
  });
  it('formats with the currency and 2 decimals', () => {
    expect(format({ type: 'money' }, 1200.5, 'zh-CN')).toBe('¥1,200.50');
    expect(format({ type: 'money', options: { currency: 'USD' } }, 3, 'en')).toBe('$3.00');
  });
  it('refuses an unknown currency in the definition', () => {
    const r = validateApp({ schemaVersion: 1, app: { key: 'shop', name: 'Shop' }, forms: [formWith({ type: 'money', options: { currency: 'XXX' } })] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(JSON.stringify(r.errors)).toContain('/options/currency');
  });
});

describe('percent', () => {
  it('stores the number of percent, reading a % sign', () => {
    expect(valueOf({ type: 'percent' }, '12.5%')).toBe(12.5);
    expect(valueOf({ type: 'percent' }, 40)).toBe(40);
  });
  it('is 0–100 by default with 2 decimals', () => {
    expect(errorOf({ type: 'percent' }, '120%').code).toBe('FIELD_TOO_LARGE');
    expect(valueOf({ type: 'percent', options: { max: 500 } }, '120%')).toBe(120);
    expect(errorOf({ type: 'percent' }, 1.234).code).toBe('FIELD_PRECISION');
  });
  it('formats with a % sign', () => {
    expect(format({ type: 'percent' }, 12.5)).toBe('12.5%');
  });
});

describe('rating', () => {
  it('accepts 1..max (5 by default), 0 means no rating', () => {
    expect(valueOf({ type: 'rating' }, '4')).toBe(4);
    expect(valueOf({ type: 'rating' }, 0)).toBeNull();
    expect(valueOf({ type: 'rating' }, '★★★☆☆')).toBe(3);
    expect(errorOf({ type: 'rating' }, 6).code).toBe('FIELD_TOO_LARGE');
    expect(valueOf({ type: 'rating', options: { max: 10 } }, 10)).toBe(10);
    expect(errorOf({ type: 'rating' }, 2.5).code).toBe('FIELD_TYPE');
  });
  it('formats as stars', () => {
    expect(format({ type: 'rating' }, 3)).toBe('★★★☆☆');
  });
});

describe('time', () => {
  it('normalises to HH:MM', () => {
    expect(valueOf({ type: 'time' }, '9:5')).toBe('09:05');
    expect(valueOf({ type: 'time' }, '９：３０')).toBe('09:30');
    expect(valueOf({ type: 'time' }, '14点30分')).toBe('14:30');
    expect(valueOf({ type: 'time' }, '08:15:00')).toBe('08:15');
  });
  it('keeps seconds when withSeconds is on', () => {
    expect(valueOf({ type: 'time', options: { withSeconds: true } }, '8:15')).toBe('08:15:00');
    expect(valueOf({ type: 'time', options: { withSeconds: true } }, '08:15:42')).toBe('08:15:42');
  });
  it('refuses impossible times and seconds where none are kept', () => {
    for (const bad of ['24:00', '12:60', 'noon', '08:15:42']) expect(errorOf({ type: 'time' }, bad).code).toBe('FIELD_PATTERN');
  });
});

describe('tags', () => {
  it('splits, trims and dedupes free strings; empty is null', () => {
    expect(valueOf({ type: 'tags' }, ' vip， 华东、vip ,new')).toEqual(['vip', '华东', 'new']);
    expect(valueOf({ type: 'tags' }, ['a', ' a ', '', 'b'])).toEqual(['a', 'b']);
    expect(valueOf({ type: 'tags' }, [])).toBeNull();
  });
  it('limits the count and the length of tags', () => {
    expect(errorOf({ type: 'tags', options: { maxItems: 2 } }, 'a,b,c').code).toBe('FIELD_TOO_MANY');
    expect(errorOf({ type: 'tags', options: { maxLength: 3 } }, 'abcd').code).toBe('FIELD_TOO_LONG');
  });
  it('formats as a list', () => {
    expect(format({ type: 'tags' }, ['a', 'b'], 'zh-CN')).toBe('a、b');
  });
});

describe('rich_text', () => {
  it('stores sanitised HTML', () => {
    expect(valueOf({ type: 'rich_text' }, '<p onclick="x()">Hi <script>alert(1)</script><a href="javascript:void(0)">a</a></p>')).toBe('<p>Hi <a>a</a></p>');
  });
  it('stores HTML with no text as null (an empty editor)', () => {
    expect(valueOf({ type: 'rich_text' }, '<p><br></p>')).toBeNull();
    expect(valueOf({ type: 'rich_text' }, '<p><img src="/a.png"></p>')).toBe('<p><img src="/a.png"></p>');
  });
  it('a required rich text with only a script is missing', () => {
    expect(errorOf({ type: 'rich_text', required: true }, '<script>x</script>').code).toBe('FIELD_REQUIRED');
  });
  it('lists show the plain text', () => {
    expect(format({ type: 'rich_text' }, '<p>a &amp; <b>b</b></p>')).toBe('a & b');
  });
});

describe('selects with "other"', () => {
  const choices = [{ value: 'web', label: { 'zh-CN': '网站', en: 'Website' }, color: '#1677ff' }];
  it('a single select with allowOther keeps free text, and still maps labels to values', () => {
    expect(valueOf({ type: 'single_select', options: { choices, allowOther: true } }, '展会')).toBe('展会');
    expect(valueOf({ type: 'single_select', options: { choices, allowOther: true } }, '网站')).toBe('web');
    expect(errorOf({ type: 'single_select', options: { choices } }, '展会').code).toBe('FIELD_NOT_A_CHOICE');
    expect(errorOf({ type: 'single_select', options: { choices, allowOther: true } }, 'x'.repeat(201)).code).toBe('FIELD_TOO_LONG');
  });
  it('a multi select with allowOther mixes choices and free texts', () => {
    expect(valueOf({ type: 'multi_select', options: { choices, allowOther: true } }, 'Website, 朋友介绍')).toEqual(['web', '朋友介绍']);
    expect(errorOf({ type: 'multi_select', options: { choices } }, 'web, 朋友介绍').code).toBe('FIELD_NOT_A_CHOICE');
  });
});
