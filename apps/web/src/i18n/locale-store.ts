import { create } from 'zustand';
import type { AppLocale } from './messages.js';

const STORAGE_KEY = 'trellis.locale';

/**
 * Picks the locale from the browser's preferred languages: English when the first language
 * the browser names that we support is English, Chinese otherwise (the product default).
 *
 * @example detectLocale(['en-US', 'zh-CN']) // 'en'
 */
export function detectLocale(languages: readonly string[]): AppLocale {
  for (const lang of languages) {
    const lower = lang.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/** Reads a remembered locale, or `undefined` when none or an unknown one is stored. */
export function parseStoredLocale(value: string | null): AppLocale | undefined {
  return value === 'en' || value === 'zh-CN' ? value : undefined;
}

function initialLocale(): AppLocale {
  if (typeof window === 'undefined') return 'zh-CN';
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage disabled: fall back to the browser language
  }
  return parseStoredLocale(stored) ?? detectLocale(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

/** The locale slice: the active locale and the action that switches (and remembers) it. */
export interface LocaleState {
  readonly locale: AppLocale;
  setLocale(locale: AppLocale): void;
}

/** The active UI locale, remembered in localStorage; the default comes from the browser. */
export const useLocaleStore = create<LocaleState>()((set) => ({
  locale: initialLocale(),
  setLocale(locale) {
    try {
      window.localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // not remembered, still switched
    }
    document.documentElement.lang = locale;
    set({ locale });
  },
}));
