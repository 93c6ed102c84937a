import type { LocalizedText } from '@trellis/schema';

/** The text of `value` in `locale` (a plain string counts for both languages). */
export function textIn(value: LocalizedText | undefined, locale: 'zh-CN' | 'en'): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return value[locale] ?? '';
}

/** `value` with its `locale` text set; blank texts are dropped, and no text at all is `undefined`. */
export function withText(value: LocalizedText | undefined, locale: 'zh-CN' | 'en', text: string): LocalizedText | undefined {
  const base: Record<string, string> = typeof value === 'string' ? { 'zh-CN': value, en: value } : { ...(value ?? {}) };
  if (text.trim() === '') delete base[locale];
  else base[locale] = text;
  return Object.keys(base).length === 0 ? undefined : base;
}

/** Two inputs, Chinese and English, editing one localized text; `multiline` makes them text areas (line breaks kept). */
export function LocalizedInputs({ idBase, labels, value, onChange, multiline = false }: { idBase: string; labels: readonly [string, string]; value: LocalizedText | undefined; onChange: (next: LocalizedText | undefined) => void; multiline?: boolean }) {
  return (
    <>
      {(['zh-CN', 'en'] as const).map((locale, i) => (
        <div className="designer-prop" key={locale}>
          <label htmlFor={`${idBase}-${locale}`}>{labels[i]}</label>
          {multiline ? (
            <textarea id={`${idBase}-${locale}`} className="tr-input" rows={3} lang={locale} value={textIn(value, locale)} onChange={(e) => onChange(withText(value, locale, e.target.value))} />
          ) : (
            <input id={`${idBase}-${locale}`} className="tr-input" lang={locale} value={textIn(value, locale)} onChange={(e) => onChange(withText(value, locale, e.target.value))} />
          )}
        </div>
      ))}
    </>
  );
}
