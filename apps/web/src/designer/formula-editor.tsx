import { useMemo, useRef } from 'react';
import { FORMULA_FUNCTIONS } from '@trellis/expr';
import { fieldTypes } from '@trellis/forms';
import { localize, type FormDef } from '@trellis/schema';
import { useLocale } from '../i18n/use-t.js';
import { useDesignerT } from './designer-messages.js';
import { formulaEditorProblems } from './formula-check.js';

/** Props of the formula editor. */
export interface FormulaEditorProps {
  readonly id: string;
  readonly label: string;
  /** The form the formula belongs to: its fields are what the formula may name. */
  readonly form: FormDef;
  /** The field being edited (not offered as a reference to itself). */
  readonly fieldKey: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
}

const FUNCTION_NAMES = [...FORMULA_FUNCTIONS.values()].filter((f) => f.name !== 'TRUE' && f.name !== 'FALSE');

/**
 * A formula text area with buttons inserting the form's fields and the functions at the
 * cursor, and the formula's problems shown live under it in the user's language, each at
 * its character position.
 */
export function FormulaEditor({ id, label, form, fieldKey, value, onChange }: FormulaEditorProps) {
  const t = useDesignerT();
  const locale = useLocale();
  const area = useRef<HTMLTextAreaElement>(null);
  const fields = form.fields.filter((f) => f.key !== fieldKey && fieldTypes.has(f.type) && fieldTypes.storesValue(f));
  const problems = useMemo(() => formulaEditorProblems(value, form, locale), [value, form, locale]);
  const insert = (text: string) => {
    const el = area.current;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    const next = value.slice(0, start) + text + value.slice(end);
    onChange(next);
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      const at = start + text.length;
      el.setSelectionRange(at, at);
    });
  };
  return (
    <div className="designer-prop designer-formula">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={area}
        className="tr-input designer-formula-text"
        rows={3}
        spellCheck={false}
        value={value}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length > 0 ? `${id}-err` : undefined}
        placeholder='IF(amount > 500000, "A", "B")'
        onChange={(e) => onChange(e.target.value)}
      />
      {problems.length > 0 ? (
        <p id={`${id}-err`} className="tr-field-error" role="alert">
          {problems.join(' ')}
        </p>
      ) : value.trim() !== '' ? (
        <p className="designer-hint">{t('formulaOk')}</p>
      ) : null}
      <div className="designer-formula-insert" role="group" aria-label={t('formulaInsertField')}>
        <span className="designer-hint">{t('formulaInsertField')}</span>
        {fields.map((f) => (
          <button key={f.id} type="button" className="designer-chip" title={f.key} onClick={() => insert(f.key)}>
            {localize(f.label, locale) || f.key}
          </button>
        ))}
      </div>
      <details className="designer-formula-functions">
        <summary>{t('formulaInsertFunction')}</summary>
        <div role="group" aria-label={t('formulaInsertFunction')}>
          {FUNCTION_NAMES.map((f) => (
            <button key={f.name} type="button" className="designer-chip" title={f.signature} onClick={() => insert(`${f.name}(`)}>
              {f.name}
            </button>
          ))}
        </div>
      </details>
    </div>
  );
}

