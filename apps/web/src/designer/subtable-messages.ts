import { useCallback } from 'react';
import { useLocaleStore } from '../i18n/locale-store.js';
import type { AppLocale } from '../i18n/messages.js';

/** The designer's strings of sub-tables, in English and Chinese (the Chinese has exactly the English keys). */
const en = {
  subtableColumns: 'Columns of “{name}”',
  subtableDrop: 'Drag a field type here to add a column',
  subtableDropMore: '+ column',
  addColumn: 'Add a column to “{name}”',
  addColumnOption: '+ Add column…',
  columnLeft: 'Move column left',
  columnRight: 'Move column right',
  columnRemove: 'Remove column',
  columnOf: 'Column of sub-table “{name}”',
  backToSubtable: 'Back to the sub-table',
  notAColumn: '“{type}” cannot be a sub-table column',
  planChildTables: 'New sub-table tables: {list}',
  planChildColumns: 'New sub-table columns: {list}',
  planChildHidden: 'Hidden sub-table columns (values kept): {list}',
};

/** A key of the sub-table strings. */
export type SubtableMessageKey = keyof typeof en;

const zhCN: Record<SubtableMessageKey, string> = {
  subtableColumns: '“{name}”的列',
  subtableDrop: '把字段类型拖到这里，添加一列',
  subtableDropMore: '+ 列',
  addColumn: '给“{name}”添加一列',
  addColumnOption: '+ 添加列…',
  columnLeft: '左移此列',
  columnRight: '右移此列',
  columnRemove: '删除此列',
  columnOf: '子表单“{name}”的列',
  backToSubtable: '返回子表单',
  notAColumn: '“{type}”不能作为子表单的列',
  planChildTables: '新建子表单数据表：{list}',
  planChildColumns: '子表单新增列：{list}',
  planChildHidden: '隐藏的子表单列（数据保留）：{list}',
};

const dictionaries: Record<AppLocale, Record<SubtableMessageKey, string>> = { en, 'zh-CN': zhCN };

/** A sub-table designer string in `locale`, `{name}` placeholders filled. */
export function subtableDesignerText(locale: AppLocale, key: SubtableMessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The translate function of the active locale. */
export function useSubtableT(): (key: SubtableMessageKey, params?: Readonly<Record<string, string | number>>) => string {
  const locale = useLocaleStore((s) => s.locale);
  return useCallback((key, params) => subtableDesignerText(locale, key, params), [locale]);
}
