import { useCallback } from 'react';
import { useLocaleStore } from '../i18n/locale-store.js';
import type { AppLocale } from '../i18n/messages.js';

/**
 * The strings of the public form page and of the share panel, in English and Chinese. They
 * live beside the feature (not in `i18n/messages.ts`) so the public page carries only what it
 * needs; the locale is the web app's one (`useLocaleStore`), and the Chinese dictionary must
 * have exactly the English keys (the type says so).
 */
const en = {
  language: 'Language',
  loading: 'Loading…',
  retry: 'Retry',
  submit: 'Submit',
  submitting: 'Sending…',
  fixErrors: 'Please correct the fields marked below.',
  thankYouTitle: 'Thank you!',
  thankYouText: 'Your submission has been received.',
  submitAnother: 'Submit another response',
  unavailableTitle: 'This form is not available',
  unavailableText: 'The link may be wrong, expired or switched off. Ask the person who shared it for a current link.',
  tooMany: 'Too many submissions from your network. Please wait {seconds} seconds and try again.',
  alreadySubmitted: 'A submission with this value has already been received.',
  onePerHint: 'Each {field} can be used once.',
  networkError: 'The server cannot be reached. Check your connection and try again.',
  honeypotLabel: 'Leave this field empty',
  share: 'Share',
  shareTitle: 'Share “{form}”',
  shareIntro: 'Anyone with a public link can fill in this form without signing in. Submissions are added as records.',
  shareClose: 'Close',
  shareEmpty: 'No public link yet.',
  shareCreate: 'Create public link',
  shareLink: 'Public link',
  shareEmbed: 'Embed code',
  shareCopyLink: 'Copy link',
  shareCopyEmbed: 'Copy embed code',
  shareCopied: 'Copied to the clipboard',
  shareOpen: 'Open',
  shareOn: 'On',
  shareOff: 'Off',
  shareSwitchOff: 'Switch off',
  shareSwitchOn: 'Switch on',
  shareSwitchedOff: 'The public link is switched off; its address now answers “not available”.',
  shareSwitchedOn: 'The public link is on again.',
  shareCreated: 'Public link created.',
  shareThankYou: 'Thank-you message (optional)',
  shareOnePer: 'One submission per',
  shareOnePerNone: 'No limit',
  shareFieldsAll: 'Fields shown: all',
  shareFieldsSome: 'Fields shown: {count} chosen',
  shareFieldRequired: 'required, always shown',
  shareError: 'The public links could not be loaded or changed: {message}',
} as const;

/** A key of the public-forms dictionary. */
export type PublicMessageKey = keyof typeof en;

const zhCN: Record<PublicMessageKey, string> = {
  language: '语言',
  loading: '加载中…',
  retry: '重试',
  submit: '提交',
  submitting: '提交中…',
  fixErrors: '请更正下面标出的字段。',
  thankYouTitle: '感谢您的提交！',
  thankYouText: '我们已收到您的填写内容。',
  submitAnother: '再填一份',
  unavailableTitle: '此表单不可用',
  unavailableText: '链接可能有误、已过期或已被关闭。请向分享者索取新的链接。',
  tooMany: '您所在网络的提交次数过多，请等待 {seconds} 秒后再试。',
  alreadySubmitted: '使用该值的提交已经收到，不能重复提交。',
  onePerHint: '每个{field}只能提交一次。',
  networkError: '无法连接服务器，请检查网络后重试。',
  honeypotLabel: '请勿填写此项',
  share: '分享',
  shareTitle: '分享“{form}”',
  shareIntro: '拿到公开链接的任何人都无需登录即可填写此表单，提交内容会成为记录。',
  shareClose: '关闭',
  shareEmpty: '还没有公开链接。',
  shareCreate: '创建公开链接',
  shareLink: '公开链接',
  shareEmbed: '嵌入代码',
  shareCopyLink: '复制链接',
  shareCopyEmbed: '复制嵌入代码',
  shareCopied: '已复制到剪贴板',
  shareOpen: '打开',
  shareOn: '已开启',
  shareOff: '已关闭',
  shareSwitchOff: '关闭',
  shareSwitchOn: '开启',
  shareSwitchedOff: '公开链接已关闭，访问该地址将显示“不可用”。',
  shareSwitchedOn: '公开链接已重新开启。',
  shareCreated: '已创建公开链接。',
  shareThankYou: '感谢语（可选）',
  shareOnePer: '每个值只能提交一次',
  shareOnePerNone: '不限制',
  shareFieldsAll: '显示的字段：全部',
  shareFieldsSome: '显示的字段：已选 {count} 个',
  shareFieldRequired: '必填，始终显示',
  shareError: '无法加载或修改公开链接：{message}',
};

const dictionaries: Record<AppLocale, Record<PublicMessageKey, string>> = { en, 'zh-CN': zhCN };

/**
 * Looks up a public-forms string and fills its `{name}` placeholders.
 *
 * @example publicText('en', 'tooMany', { seconds: 30 }) // 'Too many submissions … wait 30 seconds …'
 */
export function publicText(locale: AppLocale, key: PublicMessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The translate function of the public-forms strings for the active locale. */
export type PublicTranslate = (key: PublicMessageKey, params?: Readonly<Record<string, string | number>>) => string;

/**
 * `useT()` for the public-forms strings: re-renders when the locale changes.
 *
 * @example const t = usePublicT(); <button>{t('submit')}</button>
 */
export function usePublicT(): PublicTranslate {
  const locale = useLocaleStore((s) => s.locale);
  return useCallback<PublicTranslate>((key, params) => publicText(locale, key, params), [locale]);
}
