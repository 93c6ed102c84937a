/** Strings of the relation picker and the computed-field displays (zh-CN and en). */
const messages = {
  'zh-CN': {
    relationSearch: '输入关键字搜索…',
    relationSearching: '正在搜索…',
    relationNoResults: '没有匹配的记录',
    relationMore: '结果较多，请输入更多文字缩小范围',
    relationRemove: '移除',
    relationClear: '清除',
    relationMissing: '（记录已删除）',
    relationUnavailable: '无法搜索关联记录',
    relationResults: '搜索结果',
    computedHint: '自动计算',
  },
  en: {
    relationSearch: 'Type to search…',
    relationSearching: 'Searching…',
    relationNoResults: 'No matching records',
    relationMore: 'More records match; type more to narrow the list',
    relationRemove: 'Remove',
    relationClear: 'Clear',
    relationMissing: '(deleted record)',
    relationUnavailable: 'Related records cannot be searched here',
    relationResults: 'Search results',
    computedHint: 'Computed',
  },
} as const satisfies Record<'zh-CN' | 'en', Record<string, string>>;

/** A key of the relation widgets' dictionary. */
export type RelationMessageKey = keyof (typeof messages)['en'];

/**
 * A relation-widget string in `locale` (`en`, or zh-CN for anything else).
 *
 * @example relationText('en', 'relationNoResults') // 'No matching records'
 */
export function relationText(locale: string, key: RelationMessageKey): string {
  return (locale === 'en' ? messages.en : messages['zh-CN'])[key];
}
