import { describe, expect, it } from 'vitest';
import { optionName } from './option-names.js';

describe('optionName', () => {
  it('names known options in both languages, else uses the schema title, else the key', () => {
    expect(optionName('maxLength', 'en')).toBe('Maximum length');
    expect(optionName('maxLength', 'zh-CN')).toBe('最多字数');
    expect(optionName('fancy', 'en', { en: 'Fancy option' })).toBe('Fancy option');
    expect(optionName('fancy', 'en', 'Plain title')).toBe('Plain title');
    expect(optionName('fancy', 'zh-CN')).toBe('fancy');
  });
});
