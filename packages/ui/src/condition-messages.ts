const messages = {
  'zh-CN': {
    conditionNone: '始终显示（未设条件）',
    conditionRaw: '此条件是公式，以 JSON 编辑',
    conditionRawInvalid: 'JSON 无法解析',
    conditionClear: '清除条件',
  },
  en: {
    conditionNone: 'Always (no condition)',
    conditionRaw: 'This condition is a formula; edit it as JSON',
    conditionRawInvalid: 'The JSON does not parse',
    conditionClear: 'Clear condition',
  },
} as const;

/** Keys of the condition builder's texts. */
export type ConditionMessageKey = keyof (typeof messages)['en'];

/**
 * A text of the condition builder in `locale` (zh-CN unless `en`).
 *
 * @example conditionText('en', 'conditionClear') // 'Clear condition'
 */
export function conditionText(locale: string, key: ConditionMessageKey): string {
  return (locale === 'en' ? messages.en : messages['zh-CN'])[key];
}
