import type { AppLocale } from '../i18n/messages.js';

/** Names of the enum values of the serial and address options (others show the value itself). */
const VALUE_NAMES: Readonly<Record<string, Readonly<Record<string, Readonly<Record<AppLocale, string>>>>>> = {
  datePattern: {
    none: { 'zh-CN': '不含日期', en: 'No date' },
    YYYY: { 'zh-CN': '年（2026）', en: 'Year (2026)' },
    YYYYMM: { 'zh-CN': '年月（202612）', en: 'Year and month (202612)' },
    YYYYMMDD: { 'zh-CN': '年月日（20261201）', en: 'Date (20261201)' },
  },
  resetEvery: {
    never: { 'zh-CN': '从不重置', en: 'Never' },
    year: { 'zh-CN': '每年', en: 'Every year' },
    month: { 'zh-CN': '每月', en: 'Every month' },
    day: { 'zh-CN': '每天', en: 'Every day' },
  },
  level: {
    province: { 'zh-CN': '省', en: 'Province' },
    city: { 'zh-CN': '省 / 市', en: 'Province / city' },
    district: { 'zh-CN': '省 / 市 / 区县', en: 'Province / city / district' },
  },
};

/**
 * The label of one enum value of an option in the designer.
 *
 * @example optionValueName('resetEvery', 'day', 'en') // 'Every day'
 */
export function optionValueName(option: string, value: unknown, locale: AppLocale): string {
  return VALUE_NAMES[option]?.[String(value)]?.[locale] ?? String(value);
}
