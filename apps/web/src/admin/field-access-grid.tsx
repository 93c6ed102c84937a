import { FIELD_ACCESS_LEVELS, localize, type FieldAccess, type FieldDef } from '@trellis/schema';
import { useLocale } from '../i18n/use-t.js';
import { useAdminT } from './admin-messages.js';
import { fieldAccess, setAllFieldAccess, setFieldAccess, type RoleForms } from './role-matrix.js';

/** The access levels from most to least permissive, as the grid's columns. */
const LEVELS: readonly FieldAccess[] = [...FIELD_ACCESS_LEVELS].reverse();

/** Props of `FieldAccessGrid`. */
export interface FieldAccessGridProps {
  readonly formKey: string;
  readonly formName: string;
  /** The form's value-holding fields. */
  readonly fields: readonly FieldDef[];
  readonly forms: RoleForms;
  readonly onChange: (next: RoleForms) => void;
  readonly disabled?: boolean;
}

/**
 * Fields × access levels (editable, read-only, masked, hidden) as one radio group per field;
 * a button per column sets every field at once. Arrow keys move within a field's group, as
 * native radios do.
 */
export function FieldAccessGrid({ formKey, formName, fields, forms, onChange, disabled = false }: FieldAccessGridProps) {
  const t = useAdminT();
  const locale = useLocale();
  const keys = fields.map((f) => f.key);
  return (
    <table className="admin-matrix" aria-label={t('fieldAccessFor', { form: formName })}>
      <thead>
        <tr>
          <th scope="col">{t('field')}</th>
          {LEVELS.map((level) => (
            <th key={level} scope="col">
              <button
                type="button"
                className="link-button"
                disabled={disabled}
                onClick={() => onChange(setAllFieldAccess(forms, formKey, keys, level))}
                title={t('setColumn', { access: t(`access_${level}`) })}
                aria-label={t('setColumn', { access: t(`access_${level}`) })}
              >
                {t(`access_${level}`)}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => {
          const label = localize(field.label, locale) || field.key;
          const current = fieldAccess(forms, formKey, field.key);
          return (
            <tr key={field.key} role="radiogroup" aria-label={label}>
              <th scope="row">{label}</th>
              {LEVELS.map((level) => (
                <td key={level}>
                  <input
                    type="radio"
                    name={`access-${formKey}-${field.key}`}
                    checked={current === level}
                    disabled={disabled}
                    aria-label={`${label}: ${t(`access_${level}`)}`}
                    onChange={() => onChange(setFieldAccess(forms, formKey, field.key, level))}
                  />
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
