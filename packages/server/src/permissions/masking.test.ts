import { describe, expect, it } from 'vitest';
import { maskValue } from './masking.js';

describe('maskValue', () => {
  it.each([
    ['phone', '13812341234', '138****1234'],
    ['phone', '021-5555', '021****5555'],
    ['email', 'zhang@example.com', 'z***@example.com'],
    ['id_number', '110101199003071234', '110***********1234'],
    ['text', '上海某某公司', '上***司'],
    ['text', 'AB', 'A*'],
    ['text', 'A', '*'],
    ['long_text', 'a long secret', 'a***t'],
    ['number', 42, '***'],
    ['money', 19.5, '***'],
    ['multi_select', ['a'], '***'],
    ['date', '2026-01-01', '***'],
  ])('%s %j → %j', (type, value, masked) => {
    expect(maskValue(type, value)).toBe(masked);
  });
  it('keeps an empty value empty', () => {
    expect(maskValue('phone', null)).toBeNull();
    expect(maskValue('text', '')).toBe('');
  });
});
