import { useCallback } from 'react';
import { useLocaleStore } from '../i18n/locale-store.js';
import type { AppLocale } from '../i18n/messages.js';

/** The strings of the print pages, in English and Chinese (the Chinese dictionary has exactly the English keys). */
const en = {
  print: 'Print',
  printTitle: 'Print {form}',
  printSelected: 'Print ({count})',
  template: 'Template',
  defaultTemplate: 'Default (every field)',
  printHint: 'Use the browser’s print dialog; choose “Save as PDF” for a PDF file.',
  back: 'Back',
  noApprovals: 'No approval history',
  approvals: 'Approval history',
  signature: 'Signature',
  signedAt: 'Date',
  noRows: 'No rows',
  recordOf: 'Record {n} of {count}',
  noRecords: 'No records selected.',
  printedAt: 'Printed {time}',
  selectRecord: 'Select {name}',
  selectAll: 'Select all on this page',
} as const;

/** A key of the print strings. */
export type PrintMessageKey = keyof typeof en;

const zhCN: Record<PrintMessageKey, string> = {
  print: '打印',
  printTitle: '打印{form}',
  printSelected: '打印（{count}）',
  template: '打印模板',
  defaultTemplate: '默认（全部字段）',
  printHint: '使用浏览器的打印对话框；选择“另存为 PDF”即可得到 PDF 文件。',
  back: '返回',
  noApprovals: '暂无审批记录',
  approvals: '审批记录',
  signature: '签名',
  signedAt: '日期',
  noRows: '无数据',
  recordOf: '第 {n} 条，共 {count} 条',
  noRecords: '没有选择记录。',
  printedAt: '打印时间：{time}',
  selectRecord: '选择 {name}',
  selectAll: '全选本页',
};

const dictionaries: Record<AppLocale, Record<PrintMessageKey, string>> = { en, 'zh-CN': zhCN };

/** A print string in `locale`, `{name}` placeholders filled. */
export function printText(locale: AppLocale, key: PrintMessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The print pages' translate function of the active locale. */
export function usePrintT(): (key: PrintMessageKey, params?: Readonly<Record<string, string | number>>) => string {
  const locale = useLocaleStore((s) => s.locale);
  return useCallback((key, params) => printText(locale, key, params), [locale]);
}
