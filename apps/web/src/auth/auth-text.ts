import { useCallback } from 'react';
import { useLocaleStore } from '../i18n/locale-store.js';
import type { AppLocale } from '../i18n/messages.js';

/**
 * The strings of login, the user menu and the account page, in English and Chinese. They
 * live beside the feature (as the designer's do); the Chinese dictionary has exactly the
 * English keys.
 */
const en = {
  loginTitle: 'Log in to Trellis',
  loginSubtitle: 'Enter your username and password.',
  username: 'Username',
  password: 'Password',
  logIn: 'Log in',
  loggingIn: 'Logging in…',
  loginInvalid: 'The username or password is wrong.',
  loginRateLimited: 'Too many attempts. Wait {seconds} seconds, then try again.',
  loginLocked: 'Too many failed logins: this account is locked for now. Try again in {minutes} minutes.',
  loginRequired: 'Enter your username and password.',
  userMenu: 'Account menu of {name}',
  account: 'My account',
  changePassword: 'Change password',
  logOut: 'Log out',
  logOutEverywhere: 'Log out everywhere',
  logOutEverywhereHint: 'Ends your sessions on every device and browser, this one included.',
  currentPassword: 'Current password',
  newPassword: 'New password',
  confirmPassword: 'Repeat the new password',
  passwordRule: 'At least 8 characters.',
  passwordTooShort: 'The new password needs at least 8 characters.',
  passwordMismatch: 'The two new passwords differ.',
  passwordChanged: 'Password changed. Your other sessions have ended.',
  accountTitle: 'My account',
  signedInAs: 'Logged in as {name} ({username})',
  administrator: 'Administrator',
} as const;

/** A key of the auth dictionary. */
export type AuthMessageKey = keyof typeof en;

const zhCN: Record<AuthMessageKey, string> = {
  loginTitle: '登录 Trellis',
  loginSubtitle: '请输入用户名和密码。',
  username: '用户名',
  password: '密码',
  logIn: '登录',
  loggingIn: '登录中…',
  loginInvalid: '用户名或密码错误。',
  loginRateLimited: '尝试次数过多。请等待 {seconds} 秒后再试。',
  loginLocked: '登录失败次数过多，账户已临时锁定。请 {minutes} 分钟后再试。',
  loginRequired: '请输入用户名和密码。',
  userMenu: '{name} 的账户菜单',
  account: '我的账户',
  changePassword: '修改密码',
  logOut: '退出登录',
  logOutEverywhere: '退出所有设备',
  logOutEverywhereHint: '结束你在所有设备和浏览器上的会话，包括当前这个。',
  currentPassword: '当前密码',
  newPassword: '新密码',
  confirmPassword: '再次输入新密码',
  passwordRule: '至少 8 个字符。',
  passwordTooShort: '新密码至少需要 8 个字符。',
  passwordMismatch: '两次输入的新密码不一致。',
  passwordChanged: '密码已修改，你的其他会话已结束。',
  accountTitle: '我的账户',
  signedInAs: '当前登录：{name}（{username}）',
  administrator: '系统管理员',
};

const dictionaries: Record<AppLocale, Record<AuthMessageKey, string>> = { en, 'zh-CN': zhCN };

/**
 * Looks an auth message up and fills its `{name}` placeholders.
 *
 * @example authText('en', 'loginRateLimited', { seconds: 30 })
 */
export function authText(locale: AppLocale, key: AuthMessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The auth translate function of the active locale. */
export function useAuthT(): (key: AuthMessageKey, params?: Readonly<Record<string, string | number>>) => string {
  const locale = useLocaleStore((s) => s.locale);
  return useCallback((key, params) => authText(locale, key, params), [locale]);
}
