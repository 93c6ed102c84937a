import { useCallback } from 'react';
import { useLocaleStore } from './locale-store.js';
import { translate, type AppLocale, type MessageKey } from './messages.js';

/** The translate function of the active locale. */
export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

/**
 * The translate function for the active locale; components re-render when it changes.
 *
 * @example const t = useT(); <button>{t('save')}</button>
 */
export function useT(): Translate {
  const locale = useLocaleStore((s) => s.locale);
  return useCallback<Translate>((key, params) => translate(locale, key, params), [locale]);
}

/** The active locale (for labels of definitions, `localize(label, locale)`, and formatting). */
export function useLocale(): AppLocale {
  return useLocaleStore((s) => s.locale);
}
