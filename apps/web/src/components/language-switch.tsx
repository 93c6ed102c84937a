import { useLocaleStore } from '../i18n/locale-store.js';
import { LOCALES, type AppLocale } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';

/** The language menu of the header; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const setLocale = useLocaleStore((s) => s.setLocale);
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('language')}</span>
      <select value={locale} onChange={(e) => setLocale(e.target.value as AppLocale)} aria-label={t('language')}>
        {LOCALES.map((l) => (
          <option key={l.code} value={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
