import type { AppLocale } from '../i18n/messages.js';

/** Names of common field-type options in the designer's languages (others show their schema title or key). */
const OPTION_NAMES: Readonly<Record<string, Readonly<Record<AppLocale, string>>>> = {
  minLength: { 'zh-CN': '最少字数', en: 'Minimum length' },
  maxLength: { 'zh-CN': '最多字数', en: 'Maximum length' },
  pattern: { 'zh-CN': '格式（正则表达式）', en: 'Pattern (regular expression)' },
  patternMessage: { 'zh-CN': '格式不符时的提示', en: 'Message when the pattern does not match' },
  precision: { 'zh-CN': '小数位数', en: 'Decimal places' },
  min: { 'zh-CN': '最小值', en: 'Minimum' },
  max: { 'zh-CN': '最大值', en: 'Maximum' },
  unit: { 'zh-CN': '单位', en: 'Unit' },
  currency: { 'zh-CN': '币种', en: 'Currency' },
  choices: { 'zh-CN': '选项', en: 'Choices' },
  allowOther: { 'zh-CN': '允许“其他”并填写', en: 'Allow "other" with free text' },
  kind: { 'zh-CN': '类型', en: 'Kind' },
  mask: { 'zh-CN': '脱敏显示', en: 'Mask when shown' },
  withSeconds: { 'zh-CN': '包含秒', en: 'With seconds' },
  unique: { 'zh-CN': '不允许重复', en: 'Unique (no duplicates)' },
  prefix: { 'zh-CN': '前缀', en: 'Prefix' },
  datePattern: { 'zh-CN': '日期部分', en: 'Date part' },
  digits: { 'zh-CN': '序号位数', en: 'Counter digits' },
  resetEvery: { 'zh-CN': '序号重置', en: 'Counter starts again' },
  multiple: { 'zh-CN': '允许多个', en: 'Allow several' },
  level: { 'zh-CN': '地址级别', en: 'Address level' },
  detail: { 'zh-CN': '包含详细地址', en: 'With street address' },
  minRows: { 'zh-CN': '最少行数', en: 'Minimum rows' },
  maxRows: { 'zh-CN': '最多行数', en: 'Maximum rows' },
  formula: { 'zh-CN': '公式', en: 'Formula' },
  resultType: { 'zh-CN': '结果类型', en: 'Result type' },
  maxFiles: { 'zh-CN': '最多文件数', en: 'Maximum number of files' },
  maxSize: { 'zh-CN': '单个文件大小上限', en: 'Largest file' },
  accept: { 'zh-CN': '允许的文件类型（扩展名或 MIME 类型）', en: 'Allowed file types (extensions or MIME types)' },
};

/**
 * The label of an option in `locale`: a known name, else the schema's `title`, else the key.
 *
 * @example optionName('maxLength', 'en') // 'Maximum length'
 */
export function optionName(name: string, locale: AppLocale, title?: unknown): string {
  const known = OPTION_NAMES[name]?.[locale];
  if (known !== undefined) return known;
  if (typeof title === 'string') return title;
  if (typeof title === 'object' && title !== null) {
    const t = (title as Record<string, unknown>)[locale];
    if (typeof t === 'string') return t;
  }
  return name;
}
