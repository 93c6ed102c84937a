import { localize, type FieldDef, type FormDef, type SelectChoice } from '@trellis/schema';
import { CASCADE_PARENT_TYPES, choicesOf, type OptionCascade } from '@trellis/forms';
import { useLocale } from '../i18n/use-t.js';
import { useDesignerT } from './designer-messages.js';

/** Props of the cascade editor. */
export interface CascadeEditorProps {
  readonly form: FormDef;
  /** The select whose choices cascade. */
  readonly field: FieldDef;
  readonly idBase: string;
  /** The new `cascade` option; undefined removes it. */
  readonly onChange: (next: OptionCascade | undefined) => void;
}

/**
 * Edits a select's option cascade (选项联动): pick the parent select of the same form, then,
 * per parent choice, tick the choices of this field it allows.
 */
export function CascadeEditor({ form, field, idBase, onChange }: CascadeEditorProps) {
  const t = useDesignerT();
  const locale = useLocale();
  const cascade = field.options?.['cascade'] as OptionCascade | undefined;
  const parents = form.fields.filter((f) => f.key !== field.key && CASCADE_PARENT_TYPES.includes(f.type));
  const parent = cascade === undefined ? undefined : form.fields.find((f) => f.key === cascade.field);
  const own: readonly SelectChoice[] = choicesOf(field);
  const toggle = (pv: string, cv: string, on: boolean) => {
    if (cascade === undefined) return;
    const current = cascade.choices[pv] ?? [];
    const next = on ? own.map((c) => c.value).filter((v) => v === cv || current.includes(v)) : current.filter((v) => v !== cv);
    onChange({ ...cascade, choices: { ...cascade.choices, [pv]: next } });
  };
  return (
    <fieldset className="designer-options designer-cascade">
      <legend>{t('cascade')}</legend>
      <div className="designer-prop">
        <label htmlFor={`${idBase}-parent`}>{t('cascadeParent')}</label>
        <select
          id={`${idBase}-parent`}
          className="tr-input tr-select"
          value={cascade?.field ?? ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : { field: e.target.value, choices: {} })}
        >
          <option value="">{t('cascadeNone')}</option>
          {parents.map((p) => (
            <option key={p.key} value={p.key}>
              {localize(p.label, locale)} ({p.key})
            </option>
          ))}
        </select>
      </div>
      {cascade !== undefined && parent !== undefined ? (
        <table className="designer-cascade-table">
          <thead>
            <tr>
              <th scope="col">{localize(parent.label, locale)}</th>
              <th scope="col">{t('cascadeAllowed')}</th>
            </tr>
          </thead>
          <tbody>
            {choicesOf(parent).map((pc) => (
              <tr key={pc.value} data-parent-choice={pc.value}>
                <th scope="row">{localize(pc.label, locale)}</th>
                <td>
                  {own.map((c) => {
                    const id = `${idBase}-${pc.value}-${c.value}`;
                    return (
                      <span key={c.value} className="designer-inline">
                        <input id={id} type="checkbox" checked={(cascade.choices[pc.value] ?? []).includes(c.value)} onChange={(e) => toggle(pc.value, c.value, e.target.checked)} />
                        <label htmlFor={id}>{localize(c.label, locale)}</label>
                      </span>
                    );
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </fieldset>
  );
}
