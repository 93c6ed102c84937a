/**
 * Strings of the serial, system, member, department and address widgets (zh-CN and en;
 * anything that is not `en` falls back to Chinese, like `uiText`).
 */
const messages = {
  'zh-CN': {
    province: '省份',
    city: '城市',
    district: '区县',
    detail: '详细地址',
    detailPlaceholder: '街道、门牌号',
    choose: '请选择…',
    serialPending: '提交后自动生成',
    systemPending: '保存后自动填写',
    ownerDefault: '留空则为创建人',
    idsNote: '请填写 ID（uuid），多个用逗号分隔；选人和选部门将随用户与组织功能提供',
    idNote: '请填写 ID（uuid）；选人和选部门将随用户与组织功能提供',
    removeId: '移除',
  },
  en: {
    province: 'Province',
    city: 'City',
    district: 'District',
    detail: 'Street address',
    detailPlaceholder: 'Street and number',
    choose: 'Choose…',
    serialPending: 'Assigned when the record is saved',
    systemPending: 'Filled in when the record is saved',
    ownerDefault: 'Empty means the creator',
    idsNote: 'Enter ids (uuids), separated by commas; user and department pickers come with users and organisation',
    idNote: 'Enter an id (uuid); user and department pickers come with users and organisation',
    removeId: 'Remove',
  },
} as const satisfies Record<'zh-CN' | 'en', Record<string, string>>;

/** A key of the catalogue widgets' dictionary. */
export type CatalogMessageKey = keyof (typeof messages)['en'];

/**
 * A catalogue widget string in the given locale.
 *
 * @example catalogText('en', 'province') // 'Province'
 */
export function catalogText(locale: string, key: CatalogMessageKey): string {
  return (locale === 'en' ? messages.en : messages['zh-CN'])[key];
}
