/**
 * The few strings the shared widgets show themselves (field labels, options and error
 * messages come from definitions and engines). Apps pass the active `locale`; anything that
 * is not `en` falls back to Chinese, the product's default language.
 */
const messages = {
  'zh-CN': {
    yes: '是',
    no: '否',
    formulaEmpty: '自动计算',
    selectPlaceholder: '请选择…',
    noneChoice: '（空）',
    required: '必填',
    formProblems: '请修正标出的字段后再提交',
    unknownFieldType: '不支持的字段类型',
    clearValue: '清除',
    richBold: '加粗',
    richItalic: '斜体',
    richUnderline: '下划线',
    richList: '项目列表',
    otherChoice: '其他…',
    otherPlaceholder: '请填写其他内容',
    tabHasErrors: '此标签页中有需要修正的字段',
    filterMatchAll: '满足全部条件',
    filterMatchAny: '满足任一条件',
    filterAdd: '添加条件',
    filterRemove: '删除条件',
    filterField: '字段',
    filterOperator: '条件',
    filterValue: '值',
    op_eq: '等于',
    op_ne: '不等于',
    op_contains: '包含',
    op_not_contains: '不包含',
    op_gt: '大于',
    op_gte: '大于等于',
    op_lt: '小于',
    op_lte: '小于等于',
    op_before: '早于',
    op_after: '晚于',
    op_is_empty: '为空',
    op_is_not_empty: '不为空',
    op_is_true: '是',
    op_is_false: '否',
  },
  en: {
    yes: 'Yes',
    formulaEmpty: 'Computed',
    no: 'No',
    selectPlaceholder: 'Select…',
    noneChoice: '(none)',
    required: 'Required',
    formProblems: 'Please correct the marked fields before submitting',
    unknownFieldType: 'Unsupported field type',
    clearValue: 'Clear',
    richBold: 'Bold',
    richItalic: 'Italic',
    richUnderline: 'Underline',
    richList: 'Bulleted list',
    otherChoice: 'Other…',
    otherPlaceholder: 'Type your answer',
    tabHasErrors: 'This tab has fields to fix',
    filterMatchAll: 'Match all conditions',
    filterMatchAny: 'Match any condition',
    filterAdd: 'Add condition',
    filterRemove: 'Remove condition',
    filterField: 'Field',
    filterOperator: 'Operator',
    filterValue: 'Value',
    op_eq: 'is',
    op_ne: 'is not',
    op_contains: 'contains',
    op_not_contains: 'does not contain',
    op_gt: 'greater than',
    op_gte: 'at least',
    op_lt: 'less than',
    op_lte: 'at most',
    op_before: 'before',
    op_after: 'after',
    op_is_empty: 'is empty',
    op_is_not_empty: 'is not empty',
    op_is_true: 'is yes',
    op_is_false: 'is no',
  },
} as const satisfies Record<'zh-CN' | 'en', Record<string, string>>;

/** A key of the widgets' own dictionary. */
export type UiMessageKey = keyof (typeof messages)['en'];

/**
 * Returns a widget string in the given locale (`en` or, for anything else, zh-CN).
 *
 * @example uiText('en', 'yes') // 'Yes'
 */
export function uiText(locale: string, key: UiMessageKey): string {
  return (locale === 'en' ? messages.en : messages['zh-CN'])[key];
}
