import type { LocalizedText, SelectChoice } from '@trellis/schema';
import { useDesignerT } from './designer-messages.js';
import { textIn, withText } from './localized-input.js';

/** Edits the choices of a select: value, Chinese and English label, colour; add and remove rows. */
export function ChoicesEditor({ value, onChange }: { value: readonly SelectChoice[]; onChange: (next: SelectChoice[]) => void }) {
  const t = useDesignerT();
  const set = (i: number, change: Partial<SelectChoice>) => onChange(value.map((c, j) => (j === i ? { ...c, ...change } : c)));
  const nextValue = () => {
    const used = new Set(value.map((c) => c.value));
    for (let n = value.length + 1; ; n++) if (!used.has(`option_${n}`)) return `option_${n}`;
  };
  return (
    <fieldset className="designer-choices">
      <legend>{t('choices')}</legend>
      {value.map((choice, i) => (
        <div className="designer-choice" key={i}>
          <input className="tr-input" aria-label={`${t('choiceValue')} ${i + 1}`} value={choice.value} onChange={(e) => set(i, { value: e.target.value })} />
          {(['zh-CN', 'en'] as const).map((locale) => (
            <input
              key={locale}
              className="tr-input"
              lang={locale}
              aria-label={`${t('choiceLabel')} ${i + 1} (${locale})`}
              value={textIn(choice.label, locale)}
              onChange={(e) => set(i, { label: withText(choice.label, locale, e.target.value) ?? ('' as LocalizedText) })}
            />
          ))}
          <input
            type="color"
            aria-label={`${t('choiceColor')} ${i + 1}`}
            value={choice.color ?? '#64748b'}
            onChange={(e) => set(i, { color: e.target.value })}
          />
          <button type="button" className="button" aria-label={`${t('removeChoice')} ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" className="button" onClick={() => onChange([...value, { value: nextValue(), label: { 'zh-CN': `选项 ${value.length + 1}`, en: `Option ${value.length + 1}` } }])}>
        + {t('addChoice')}
      </button>
    </fieldset>
  );
}
