import { Fragment, useState } from 'react';
import { PERMISSION_ACTIONS, localize, type FieldDef, type FormDef } from '@trellis/schema';
import { fieldTypes } from '@trellis/forms';
import { ConditionBuilder } from '@trellis/ui';
import { useLocale } from '../i18n/use-t.js';
import { useAdminT } from './admin-messages.js';
import { FieldAccessGrid } from './field-access-grid.js';
import { UserClauseAdder } from './user-clause-adder.js';
import { SCOPE_PRESETS, formPermission, hasAction, presetOfScope, scopeOfPreset, setAllActions, setScope, toggleAction, type RoleForms, type ScopePreset } from './role-matrix.js';

/** Props of `PermissionMatrix`. */
export interface PermissionMatrixProps {
  readonly forms: readonly FormDef[];
  readonly value: RoleForms;
  readonly onChange: (next: RoleForms) => void;
  readonly disabled?: boolean;
}

/**
 * The fields a role can be given access to: those that hold a value (not description texts).
 *
 * @example permissionFields(form).map((f) => f.key) // ['name', 'phone']
 */
export function permissionFields(form: FormDef): FieldDef[] {
  return form.fields.filter((f) => {
    const type = fieldTypes.get(f.type);
    return !type || fieldTypes.storesValue(f);
  });
}

/**
 * The permission matrix of one role: a row per form with the actions as checkboxes, the row
 * scope as a preset (all, own, my department, my department tree, departments I manage,
 * custom — the shared condition builder), and the field grid behind a toggle. It edits
 * only through the pure functions of `role-matrix.ts`.
 */
export function PermissionMatrix({ forms, value, onChange, disabled = false }: PermissionMatrixProps) {
  const t = useAdminT();
  const locale = useLocale();
  const [custom, setCustom] = useState<ReadonlySet<string>>(() => new Set(forms.filter((f) => presetOfScope(formPermission(value, f.key).scope) === 'custom').map((f) => f.key)));
  const [openFields, setOpenFields] = useState<ReadonlySet<string>>(new Set());
  /** Per form, bumped when the scope is changed beside the builder: its JSON view keeps its own text, so it is mounted afresh. */
  const [builderGen, setBuilderGen] = useState<Readonly<Record<string, number>>>({});

  const choosePreset = (form: string, preset: ScopePreset) => {
    const next = new Set(custom);
    if (preset === 'custom') {
      next.add(form);
      // start from what the role has, so a preset can be refined instead of retyped
      setCustom(next);
      if (!hasAction(value, form, 'view')) onChange(toggleAction(value, form, 'view', true));
      return;
    }
    next.delete(form);
    setCustom(next);
    onChange(setScope(value, form, scopeOfPreset(preset)));
  };

  if (forms.length === 0) return <p className="empty">{t('noForms')}</p>;
  return (
    <div className="table-wrap">
      <table className="admin-matrix">
        <caption className="visually-hidden">{t('matrixTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('form')}</th>
            <th scope="col">{t('allActions')}</th>
            {PERMISSION_ACTIONS.map((a) => (
              <th key={a} scope="col">
                {t(`action_${a}`)}
              </th>
            ))}
            <th scope="col">{t('rowScope')}</th>
            <th scope="col">{t('fieldAccess')}</th>
          </tr>
        </thead>
        <tbody>
          {forms.map((form) => {
            const name = localize(form.name, locale) || form.key;
            const perm = formPermission(value, form.key);
            const visible = perm.actions.includes('view');
            const preset: ScopePreset = custom.has(form.key) ? 'custom' : presetOfScope(perm.scope);
            const fieldsOpen = openFields.has(form.key);
            const all = perm.actions.length === PERMISSION_ACTIONS.length;
            return (
              <Fragment key={form.key}>
                <tr>
                  <th scope="row">{name}</th>
                  <td>
                    <input type="checkbox" checked={all} disabled={disabled} aria-label={`${name}: ${t('allActions')}`} onChange={(e) => onChange(setAllActions(value, form.key, e.target.checked))} />
                  </td>
                  {PERMISSION_ACTIONS.map((a) => (
                    <td key={a}>
                      <input
                        type="checkbox"
                        checked={perm.actions.includes(a)}
                        disabled={disabled}
                        aria-label={`${name}: ${t(`action_${a}`)}`}
                        onChange={(e) => onChange(toggleAction(value, form.key, a, e.target.checked))}
                      />
                    </td>
                  ))}
                  <td>
                    <select className="tr-select" value={preset} disabled={disabled} aria-label={`${name}: ${t('rowScope')}`} onChange={(e) => choosePreset(form.key, e.target.value as ScopePreset)}>
                      {SCOPE_PRESETS.map((p) => (
                        <option key={p} value={p}>
                          {t(`scope_${p}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      aria-expanded={fieldsOpen}
                      aria-controls={`fields-${form.key}`}
                      onClick={() => setOpenFields((s) => (s.has(form.key) ? new Set([...s].filter((k) => k !== form.key)) : new Set([...s, form.key])))}
                    >
                      {t('fieldAccess')} {fieldsOpen ? '▾' : '▸'}
                    </button>
                  </td>
                </tr>
                {preset === 'custom' ? (
                  <tr className="admin-matrix-detail">
                    <td colSpan={PERMISSION_ACTIONS.length + 4}>
                      <p className="tr-field-description">{t('scopeCustomHint')}</p>
                      <ConditionBuilder
                        key={builderGen[form.key] ?? 0}
                        form={form}
                        value={perm.scope}
                        locale={locale}
                        catalog={fieldTypes}
                        label={`${name}: ${t('scope_custom')}`}
                        onChange={(c) => onChange(setScope(value, form.key, c))}
                      />
                      <UserClauseAdder
                        form={form}
                        scope={perm.scope}
                        disabled={disabled}
                        label={`${name}: ${t('clauseTitle')}`}
                        onChange={(c) => {
                          setBuilderGen((g) => ({ ...g, [form.key]: (g[form.key] ?? 0) + 1 }));
                          onChange(setScope(value, form.key, c));
                        }}
                      />
                    </td>
                  </tr>
                ) : null}
                {fieldsOpen ? (
                  <tr className="admin-matrix-detail" id={`fields-${form.key}`}>
                    <td colSpan={PERMISSION_ACTIONS.length + 4}>
                      {visible ? null : <p className="tr-field-description">{t('formNotVisible')}</p>}
                      <FieldAccessGrid formKey={form.key} formName={name} fields={permissionFields(form)} forms={value} onChange={onChange} disabled={disabled || !visible} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
