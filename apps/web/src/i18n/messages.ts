/**
 * Every string the web app shows itself, in Chinese and English. The English dictionary is
 * the reference: the Chinese one must have exactly the same keys (the type says so), so a
 * missing translation is a compile error. `{name}` placeholders are filled by `translate`.
 */
const en = {
  appTitle: 'Trellis',
  language: 'Language',
  homeTitle: 'Apps',
  homeSubtitle: 'Choose an app to work with its data.',
  homeEmpty: 'No apps yet. Import an app package with `trellis import` or POST /api/apps/import.',
  formsCount: '{count} forms',
  openApp: 'Open',
  appHomeSubtitle: 'Choose a form to see and edit its records.',
  navHome: 'All apps',
  loading: 'Loading…',
  retry: 'Retry',
  notFoundTitle: 'Page not found',
  notFoundText: 'The address does not lead anywhere. Go back to the list of apps.',
  formNotFound: "This app has no form '{form}'.",
  backToApps: 'Back to apps',
  networkError: 'The server cannot be reached. Check your connection and retry.',
  newRecord: 'New',
  search: 'Search',
  searchPlaceholder: 'Search…',
  filter: 'Filter',
  filterWithCount: 'Filter ({count})',
  filterApply: 'Apply',
  filterClear: 'Clear',
  filterTitle: 'Show records where',
  recycleBin: 'Recycle bin',
  recycleBinHint: 'Deleted records. Restore one to bring it back.',
  backToList: 'Back to records',
  totalExact: 'Total: {count}',
  totalAbout: 'About {count}',
  pageNext: 'Next',
  pagePrevious: 'Previous',
  pageNumber: 'Page {page}',
  emptyList: 'No records yet. Create the first one with “New”.',
  emptySearch: 'No records match. Change the search or the filter.',
  emptyBin: 'The recycle bin is empty.',
  restore: 'Restore',
  restored: 'Record restored.',
  deletedAt: 'Deleted',
  updatedAt: 'Updated',
  createdAt: 'Created',
  sortAscending: 'sorted ascending',
  sortDescending: 'sorted descending',
  sortBy: 'Sort by {field}',
  actions: 'Actions',
  newRecordTitle: 'New record',
  save: 'Save',
  saving: 'Saving…',
  create: 'Create',
  cancel: 'Cancel',
  delete: 'Delete',
  deleteConfirmTitle: 'Move this record to the recycle bin?',
  deleteConfirmText: 'You can restore it from the recycle bin of this list.',
  deleted: 'Record moved to the recycle bin.',
  saved: 'Saved.',
  created: 'Record created.',
  fixErrors: 'Please correct the marked fields.',
  conflictTitle: 'Someone else changed this record',
  conflictText: 'Your changes were not saved, because the record was changed after you opened it. Reload to see the latest version, then make your changes again.',
  reload: 'Reload',
  recordVersion: 'Version {version}',
  recordNotFound: 'This record does not exist or was deleted.',
  unsavedChanges: 'Unsaved changes',
  close: 'Close',
} as const;

/** A key of the web app's dictionary. */
export type MessageKey = keyof typeof en;

const zhCN: Record<MessageKey, string> = {
  appTitle: 'Trellis',
  language: '语言',
  homeTitle: '应用',
  homeSubtitle: '选择一个应用，查看和管理它的数据。',
  homeEmpty: '还没有应用。用 `trellis import` 或 POST /api/apps/import 导入一个应用包。',
  formsCount: '{count} 个表单',
  openApp: '打开',
  appHomeSubtitle: '选择一个表单，查看和编辑它的数据。',
  navHome: '全部应用',
  loading: '加载中…',
  retry: '重试',
  notFoundTitle: '页面不存在',
  notFoundText: '这个地址没有对应的页面。请返回应用列表。',
  formNotFound: '这个应用没有表单「{form}」。',
  backToApps: '返回应用列表',
  networkError: '无法连接服务器。请检查网络后重试。',
  newRecord: '新建',
  search: '搜索',
  searchPlaceholder: '搜索…',
  filter: '筛选',
  filterWithCount: '筛选（{count}）',
  filterApply: '应用',
  filterClear: '清除',
  filterTitle: '显示满足以下条件的数据',
  recycleBin: '回收站',
  recycleBinHint: '已删除的数据。恢复后会回到列表中。',
  backToList: '返回数据列表',
  totalExact: '共 {count} 条',
  totalAbout: '约 {count} 条',
  pageNext: '下一页',
  pagePrevious: '上一页',
  pageNumber: '第 {page} 页',
  emptyList: '还没有数据。点击“新建”添加第一条。',
  emptySearch: '没有符合条件的数据。请修改搜索或筛选条件。',
  emptyBin: '回收站是空的。',
  restore: '恢复',
  restored: '数据已恢复。',
  deletedAt: '删除时间',
  updatedAt: '更新时间',
  createdAt: '创建时间',
  sortAscending: '升序',
  sortDescending: '降序',
  sortBy: '按{field}排序',
  actions: '操作',
  newRecordTitle: '新建记录',
  save: '保存',
  saving: '保存中…',
  create: '提交',
  cancel: '取消',
  delete: '删除',
  deleteConfirmTitle: '将这条数据移到回收站？',
  deleteConfirmText: '之后可以在列表的回收站中恢复它。',
  deleted: '数据已移到回收站。',
  saved: '已保存。',
  created: '数据已创建。',
  fixErrors: '请修正标出的字段。',
  conflictTitle: '这条数据已被他人修改',
  conflictText: '你的修改没有保存，因为打开之后这条数据被修改过。请重新加载查看最新内容，再重新修改。',
  reload: '重新加载',
  recordVersion: '版本 {version}',
  recordNotFound: '这条数据不存在或已被删除。',
  unsavedChanges: '有未保存的修改',
  close: '关闭',
};

/** The locales of the web app. */
export type AppLocale = 'zh-CN' | 'en';

/** All locales, in the order the language switch shows them, with their own names. */
export const LOCALES: readonly { readonly code: AppLocale; readonly name: string }[] = [
  { code: 'zh-CN', name: '中文' },
  { code: 'en', name: 'English' },
];

const dictionaries: Record<AppLocale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/**
 * Looks a message up and fills its `{name}` placeholders.
 *
 * @example translate('en', 'totalAbout', { count: '1,000' }) // 'About 1,000'
 */
export function translate(locale: AppLocale, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
