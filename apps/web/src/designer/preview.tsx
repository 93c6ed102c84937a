import { useMemo, useRef, useState } from 'react';
import { compileForm } from '@trellis/forms';
import type { FormDef } from '@trellis/schema';
import { FormRenderer, groupErrorsByField, type FieldErrors } from '@trellis/ui';
import { useLocale } from '../i18n/use-t.js';
import { useDesignerT } from './designer-messages.js';

/** Props of the live preview. */
export interface PreviewProps {
  readonly form: FormDef;
  readonly width: 'desktop' | 'phone';
  readonly onWidth: (width: 'desktop' | 'phone') => void;
}

/**
 * The form as users will see it, rendered by `FormRenderer` at desktop or phone width; typing
 * runs the same browser pipeline as the record page, so its messages show too.
 */
export function Preview({ form, width, onWidth }: PreviewProps) {
  const t = useDesignerT();
  const locale = useLocale();
  const [values, setValues] = useState<Record<string, unknown>>({});
  const compiled = useMemo(() => {
    try {
      return compileForm(form);
    } catch {
      return undefined; // an unfinished definition (bad options) still previews, without checks
    }
  }, [form]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const latest = useRef(values);
  latest.current = values;
  const change = (key: string, value: unknown) => {
    // the renderer may report several changes at once (a cascade clears its children): build on the latest
    const next = { ...latest.current, [key]: value };
    latest.current = next;
    setValues(next);
    if (compiled === undefined) return;
    const r = compiled.process(next, { mode: 'create', locale });
    const all = r.ok ? {} : groupErrorsByField(r.errors, form.fields.map((f) => f.key));
    // only fields the person touched show their messages
    setErrors(Object.fromEntries(Object.entries(all).filter(([k]) => k in next)));
  };
  return (
    <section className="designer-preview" aria-label={t('preview')}>
      <div className="designer-preview-bar">
        <h2 className="designer-panel-title">{t('preview')}</h2>
        <div role="radiogroup" aria-label={t('preview')} className="designer-segmented">
          {(['desktop', 'phone'] as const).map((w) => (
            <button key={w} type="button" role="radio" aria-checked={width === w} className={`button${width === w ? ' button-active' : ''}`} onClick={() => onWidth(w)}>
              {t(w)}
            </button>
          ))}
        </div>
      </div>
      <div className={`designer-preview-frame is-${width}`} data-preview-width={width}>
        <FormRenderer form={form} values={values} onChange={change} errors={errors} locale={locale} idPrefix="preview" />
      </div>
    </section>
  );
}
