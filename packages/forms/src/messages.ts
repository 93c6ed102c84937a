import { localize, type FieldDef, type FormDef, type ValueType } from '@trellis/schema';
import type { FieldIssue, FieldIssueCode } from './field-issue.js';

/** Locales the form engine writes messages in. Any other locale falls back to `DEFAULT_MESSAGE_LOCALE`. */
export type MessageLocale = 'zh-CN' | 'en';

/** The default language of record-validation messages (see docs/decisions/0003-form-error-messages.md). */
export const DEFAULT_MESSAGE_LOCALE: MessageLocale = 'zh-CN';

type Params = { readonly [name: string]: unknown };
type Template = (label: string, p: Params) => string;

const EXPECTED: Record<MessageLocale, Record<ValueType, string>> = {
  'zh-CN': { text: '文本', number: '数字', boolean: '是或否', date: '日期（如 2024-05-01）', datetime: '日期时间（如 2024-05-01T08:30:00Z）', json: 'JSON 数据', text_list: '选项列表', uuid: '记录 ID' },
  en: { text: 'text', number: 'a number', boolean: 'yes or no', date: 'a date such as 2024-05-01', datetime: 'a date and time such as 2024-05-01T08:30:00Z', json: 'JSON data', text_list: 'a list of choices', uuid: 'a record id' },
};

const show = (v: unknown): string => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? s.slice(0, 37) + '…' : s;
};

const MESSAGES: Record<MessageLocale, Record<FieldIssueCode, Template>> = {
  'zh-CN': {
    FIELD_REQUIRED: (l) => `「${l}」为必填项，请填写`,
    FIELD_UNKNOWN: (_l, p) => `未知字段「${String(p['key'])}」：表单「${String(p['form'])}」没有这个字段，请删除它`,
    FIELD_TYPE: (l, p) => `「${l}」应为${EXPECTED['zh-CN'][p['expected'] as ValueType] ?? String(p['expected'])}，收到的是 ${show(p['value'])}`,
    FIELD_TOO_SHORT: (l, p) => `「${l}」至少需要 ${String(p['limit'])} 个字符`,
    FIELD_TOO_LONG: (l, p) => `「${l}」最多 ${String(p['limit'])} 个字符`,
    FIELD_TOO_SMALL: (l, p) => `「${l}」不能小于 ${String(p['limit'])}`,
    FIELD_TOO_LARGE: (l, p) => `「${l}」不能大于 ${String(p['limit'])}`,
    FIELD_PRECISION: (l, p) => (p['limit'] === 0 ? `「${l}」必须是整数` : `「${l}」最多保留 ${String(p['limit'])} 位小数`),
    FIELD_NOT_A_CHOICE: (l, p) => `「${l}」的值「${show(p['value'])}」不是可选项，请从以下选项中选择：${String(p['allowed'])}`,
    FIELD_TOO_FEW: (l, p) => `「${l}」至少选择 ${String(p['limit'])} 项`,
    FIELD_TOO_MANY: (l, p) => `「${l}」最多选择 ${String(p['limit'])} 项`,
    FIELD_PATTERN: (l, p) => (typeof p['message'] === 'string' ? `「${l}」${p['message']}` : `「${l}」的格式不正确`),
    FIELD_DATE_INVALID: (l, p) => `「${l}」不是有效的${p['expected'] === 'datetime' ? '日期时间' : '日期'}：${show(p['value'])}`,
    FIELD_DATE_TOO_EARLY: (l, p) => `「${l}」不能早于 ${String(p['limit'])}`,
    FIELD_DATE_TOO_LATE: (l, p) => `「${l}」不能晚于 ${String(p['limit'])}`,
    FIELD_DUPLICATE: (l, p) => `「${l}」的值${p['value'] === undefined ? '' : `「${show(p['value'])}」`}已被另一条记录使用，请换一个值，或打开那条记录`,
    FIELD_INVALID: (l, p) => `「${l}」的值无效${p['reason'] === undefined ? '' : `：${String(p['reason'])}`}`,
  },
  en: {
    FIELD_REQUIRED: (l) => `'${l}' is required; fill it in`,
    FIELD_UNKNOWN: (_l, p) => `unknown field '${String(p['key'])}': form '${String(p['form'])}' has no such field; remove it`,
    FIELD_TYPE: (l, p) => `'${l}' must be ${EXPECTED.en[p['expected'] as ValueType] ?? String(p['expected'])}, not ${show(p['value'])}`,
    FIELD_TOO_SHORT: (l, p) => `'${l}' must be at least ${String(p['limit'])} characters long`,
    FIELD_TOO_LONG: (l, p) => `'${l}' must be at most ${String(p['limit'])} characters long`,
    FIELD_TOO_SMALL: (l, p) => `'${l}' must be at least ${String(p['limit'])}`,
    FIELD_TOO_LARGE: (l, p) => `'${l}' must be at most ${String(p['limit'])}`,
    FIELD_PRECISION: (l, p) => (p['limit'] === 0 ? `'${l}' must be a whole number` : `'${l}' may have at most ${String(p['limit'])} decimal places`),
    FIELD_NOT_A_CHOICE: (l, p) => `'${l}': '${show(p['value'])}' is not one of the choices; choose one of: ${String(p['allowed'])}`,
    FIELD_TOO_FEW: (l, p) => `'${l}': choose at least ${String(p['limit'])}`,
    FIELD_TOO_MANY: (l, p) => `'${l}': choose at most ${String(p['limit'])}`,
    FIELD_PATTERN: (l, p) => (typeof p['message'] === 'string' ? `'${l}': ${p['message']}` : `'${l}' is not in the expected format`),
    FIELD_DATE_INVALID: (l, p) => `'${l}' is not a valid ${p['expected'] === 'datetime' ? 'date and time' : 'date'}: ${show(p['value'])}`,
    FIELD_DATE_TOO_EARLY: (l, p) => `'${l}' must not be before ${String(p['limit'])}`,
    FIELD_DATE_TOO_LATE: (l, p) => `'${l}' must not be after ${String(p['limit'])}`,
    FIELD_DUPLICATE: (l, p) => `'${l}': ${p['value'] === undefined ? 'this value' : `'${show(p['value'])}'`} is already used by another record; enter another value or open that record`,
    FIELD_INVALID: (l, p) => `'${l}' is not valid${p['reason'] === undefined ? '' : `: ${String(p['reason'])}`}`,
  },
};

/** The message locale for any requested locale (`en-US` → `en`, unknown → the default). */
export function messageLocale(locale: string | undefined): MessageLocale {
  if (locale === undefined) return DEFAULT_MESSAGE_LOCALE;
  if (locale === 'zh-CN' || locale.toLowerCase().startsWith('zh')) return 'zh-CN';
  if (locale.toLowerCase().startsWith('en')) return 'en';
  return DEFAULT_MESSAGE_LOCALE;
}

/**
 * The sentence for one field problem, in `locale`, naming the field by its label.
 *
 * @example
 * issueMessage({ code: 'FIELD_REQUIRED' }, nameField, customerForm, 'en'); // "'Customer name' is required; fill it in"
 */
export function issueMessage(issue: FieldIssue, field: FieldDef | undefined, form: FormDef, locale?: string): string {
  const loc = messageLocale(locale);
  const label = field === undefined ? '' : localize(field.label, loc) || field.key;
  const params: Params = { form: localize(form.name, loc) || form.key, ...issue.params };
  // A custom message from the field options (e.g. patternMessage) is localized here.
  const custom = params['message'];
  const resolved = custom !== undefined && typeof custom === 'object' && custom !== null ? { ...params, message: localize(custom as Record<string, string>, loc) } : params;
  return MESSAGES[loc][issue.code](label, resolved);
}
