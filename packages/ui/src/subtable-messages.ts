const messages = {
  'zh-CN': {
    subtableAddRow: '添加一行',
    subtableRemoveRow: '删除第 {n} 行',
    subtableMoveUp: '第 {n} 行上移',
    subtableMoveDown: '第 {n} 行下移',
    subtableRowNumber: '序号',
    subtableActions: '操作',
    subtableEmpty: '还没有数据，点「添加一行」开始填写',
    subtableRow: '第 {n} 行',
    subtableRowCount: '共 {n} 行',
    subtableRowCountOne: '共 1 行',
  },
  en: {
    subtableAddRow: 'Add row',
    subtableRemoveRow: 'Remove row {n}',
    subtableMoveUp: 'Move row {n} up',
    subtableMoveDown: 'Move row {n} down',
    subtableRowNumber: 'No.',
    subtableActions: 'Actions',
    subtableEmpty: 'No rows yet; choose “Add row” to start',
    subtableRow: 'Row {n}',
    subtableRowCount: '{n} rows',
    subtableRowCountOne: '1 row',
  },
} as const;

/** Keys of the sub-table editor's texts. */
export type SubtableMessageKey = keyof (typeof messages)['en'];

/**
 * A text of the sub-table editor in `locale` (zh-CN unless English), `{n}` filled in.
 *
 * @example subtableText('en', 'subtableRemoveRow', 2) // 'Remove row 2'
 */
export function subtableText(locale: string, key: SubtableMessageKey, n?: number): string {
  const text: string = (locale.toLowerCase().startsWith('en') ? messages.en : messages['zh-CN'])[key];
  return n === undefined ? text : text.replace('{n}', String(n));
}
