import { describe, expect, it } from 'vitest';
import { cleanIdNumber, idNumberCheckChar, idNumberInfo, idNumberProblem, maskIdNumber } from './china-id-number.js';

/** The GB 11643 check character, computed here independently from the definition (Σ aᵢ·2^(17-i) mod 11). */
function withCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return first17 + (c === 10 ? 'X' : String(c));
}

describe('resident ID numbers', () => {
  it('computes the published example check characters (GB 11643 annex)', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
  });
  it('agrees with an independent computation of the check character', () => {
    for (const first of ['32010219900307123', '51010719851111456', '65010220001229012', '31011519780201987']) {
      expect(idNumberProblem(withCheck(first))).toBeUndefined();
    }
  });
  it('refuses a wrong check character, an impossible birth date and the wrong length', () => {
    const good = withCheck('32010219900307123');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(idNumberProblem(wrong)).toBe('checksum');
    expect(idNumberProblem(withCheck('32010219900230123'))).toBe('birth_date'); // 30 February
    expect(idNumberProblem(withCheck('32010218991231123'))).toBe('birth_date'); // before 1900
    expect(idNumberProblem('3201021990030712')).toBe('format');
  });
  it('cleans spaces and a lower-case x', () => {
    expect(cleanIdNumber(' 110105 19491231 002x ')).toBe('11010519491231002X');
    expect(cleanIdNumber('')).toBeNull();
    expect(cleanIdNumber('abc')).toBe('abc');
  });
  it('derives the birth date and the gender (odd sequence digit = male)', () => {
    expect(idNumberInfo('11010519491231002x')).toEqual({ birthDate: '1949-12-31', gender: 'female', regionCode: '110105' });
    expect(idNumberInfo(withCheck('51010719851111456'))).toEqual({ birthDate: '1985-11-11', gender: 'female', regionCode: '510107' });
    expect(idNumberInfo(withCheck('51010719851111457'))?.gender).toBe('male');
    expect(idNumberInfo('110105194912310021')).toBeUndefined();
  });
  it('masks the birth date for display', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});
