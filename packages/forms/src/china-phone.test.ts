import { describe, expect, it } from 'vitest';
import { cleanPhone, maskPhone, phoneKind } from './china-phone.js';

describe('Chinese phone numbers', () => {
  it('strips spaces, dashes, parentheses and the +86 / 0086 / 86 prefixes from mobiles', () => {
    for (const raw of ['13812341234', '138 1234 1234', '138-1234-1234', '+86 138 1234 1234', '+86-13812341234', '008613812341234', '8613812341234', 13812341234, '１３８１２３４１２３４']) {
      expect(cleanPhone(raw)).toBe('13812341234');
    }
  });
  it('normalises landlines to area-number[-extension]', () => {
    expect(cleanPhone('010 12345678')).toBe('010-12345678');
    expect(cleanPhone('(0755) 1234567')).toBe('0755-1234567');
    expect(cleanPhone('+86 21 1234 5678'.replace('+86 ', '+86 0'))).toBe('021-12345678');
    expect(cleanPhone('010-12345678 转 801')).toBe('010-12345678-801');
  });
  it('leaves what is not a phone number unchanged, blank becomes null', () => {
    expect(cleanPhone('12812341234')).toBe('12812341234'); // second digit 2 is no mobile prefix
    expect(cleanPhone('1381234123')).toBe('1381234123');
    expect(cleanPhone('call me')).toBe('call me');
    expect(cleanPhone('  ')).toBeNull();
  });
  it('tells mobiles from landlines', () => {
    expect(phoneKind('13812341234')).toBe('mobile');
    expect(phoneKind('010-12345678')).toBe('landline');
    expect(phoneKind('12812341234')).toBeUndefined();
  });
  it('masks the middle digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('010-12345678')).toBe('010-****5678');
  });
});
