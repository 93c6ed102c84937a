import { describe, expect, it } from 'vitest';
import { detectLocale, parseStoredLocale } from './locale-store.js';
import { translate } from './messages.js';

describe('locale', () => {
  it('follows the first supported browser language, Chinese by default', () => {
    expect(detectLocale(['en-US', 'zh-CN'])).toBe('en');
    expect(detectLocale(['fr-FR', 'zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLocale(['fr-FR'])).toBe('zh-CN');
  });

  it('accepts only known remembered locales', () => {
    expect(parseStoredLocale('en')).toBe('en');
    expect(parseStoredLocale('de')).toBeUndefined();
    expect(parseStoredLocale(null)).toBeUndefined();
  });
});

describe('translate', () => {
  it('fills placeholders in both languages', () => {
    expect(translate('en', 'totalAbout', { count: '1,000,000' })).toBe('About 1,000,000');
    expect(translate('zh-CN', 'totalAbout', { count: '1,000,000' })).toBe('约 1,000,000 条');
  });

  it('leaves a placeholder visible when its value is missing', () => {
    expect(translate('en', 'pageNumber')).toBe('Page {page}');
  });
});
