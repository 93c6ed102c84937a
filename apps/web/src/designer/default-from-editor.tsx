import type { DefaultFrom, FieldDef, FormDef } from '@trellis/schema';
import { useDesignerT, type DesignerMessageKey } from './designer-messages.js';
import { FormulaEditor } from './formula-editor.js';

/** The kinds of default the picker offers (`static` = the plain default value). */
const KINDS: readonly { readonly kind: 'static' | DefaultFrom['kind']; readonly label: DesignerMessageKey }[] = [
  { kind: 'static', label: 'defaultStatic' },
  { kind: 'formula', label: 'defaultFormula' },
  { kind: 'currentUser', label: 'defaultCurrentUser' },
  { kind: 'currentDept', label: 'defaultCurrentDept' },
  { kind: 'today', label: 'defaultToday' },
  { kind: 'now', label: 'defaultNow' },
];

/**
 * Where a field's default comes from: the static default value, a formula, the current
 * user or department, today or now (`FieldDef.defaultFrom`). A data-linkage default set
 * elsewhere is shown and kept until another kind is picked.
 */
export function DefaultFromEditor({ id, form, field, onChange }: { id: string; form: FormDef; field: FieldDef; onChange: (next: DefaultFrom | undefined) => void }) {
  const t = useDesignerT();
  const current = field.defaultFrom?.kind ?? 'static';
  const kinds = current === 'linkage' ? [...KINDS, { kind: 'linkage' as const, label: 'defaultLinkage' as const }] : KINDS;
  return (
    <>
      <div className="designer-prop">
        <label htmlFor={id}>{t('defaultFrom')}</label>
        <select
          id={id}
          className="tr-input tr-select"
          value={current}
          onChange={(e) => {
            const kind = e.target.value;
            if (kind === 'static') onChange(undefined);
            else if (kind === 'formula') onChange({ kind: 'formula', formula: field.defaultFrom?.kind === 'formula' ? field.defaultFrom.formula : '' });
            else if (kind === 'currentUser' || kind === 'currentDept' || kind === 'today' || kind === 'now') onChange({ kind });
          }}
        >
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {t(k.label)}
            </option>
          ))}
        </select>
      </div>
      {field.defaultFrom?.kind === 'formula' ? (
        <FormulaEditor
          id={`${id}-formula`}
          label={t('defaultFormula')}
          form={form}
          fieldKey={field.key}
          value={field.defaultFrom.formula}
          onChange={(formula) => onChange({ kind: 'formula', formula })}
        />
      ) : null}
    </>
  );
}
