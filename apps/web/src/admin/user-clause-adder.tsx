import { useMemo, useState } from 'react';
import type { FormDef } from '@trellis/schema';
import { useLocale } from '../i18n/use-t.js';
import { useAdminT } from './admin-messages.js';
import { DEPT_LISTS, andClause, orClause, scopeColumns, userClause, type DeptList } from './user-clauses.js';

/**
 * Adds "this column is the person signed in" to a custom row scope, with "and" or "or":
 * the `$user` comparisons the shared condition builder cannot write itself (its values are
 * literals). The result is edited further in the builder's JSON view.
 */
export function UserClauseAdder({ form, scope, onChange, disabled = false, label }: { readonly form: FormDef; readonly scope: unknown; readonly onChange: (next: unknown) => void; readonly disabled?: boolean; readonly label: string }) {
  const t = useAdminT();
  const locale = useLocale();
  const columns = useMemo(() => scopeColumns(form, locale, { owner_id: t('colOwner'), created_by: t('colCreatedBy'), dept_id: t('colDept') }), [form, locale, t]);
  const [key, setKey] = useState(columns[0]?.key ?? '');
  const [list, setList] = useState<DeptList>('deptTree');
  const column = columns.find((c) => c.key === key) ?? columns[0];
  if (!column) return null;
  const add = (join: 'and' | 'or') => {
    const clause = userClause(column, list);
    onChange(join === 'and' ? andClause(scope, clause) : orClause(scope, clause));
  };
  return (
    <div className="admin-inline admin-section" role="group" aria-label={label}>
      <select className="tr-select" value={column.key} disabled={disabled} onChange={(e) => setKey(e.target.value)} aria-label={t('clauseColumn')}>
        {columns.map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
      </select>
      {column.kind === 'dept' ? (
        <select className="tr-select" value={list} disabled={disabled} onChange={(e) => setList(e.target.value as DeptList)} aria-label={t('clauseDeptList')}>
          {DEPT_LISTS.map((l) => (
            <option key={l} value={l}>
              {t(`clause_${l}`)}
            </option>
          ))}
        </select>
      ) : (
        <span>{column.kind === 'users' ? t('clauseIncludesMe') : t('clauseIsMe')}</span>
      )}
      <button type="button" className="button button-small" disabled={disabled} onClick={() => add('and')}>
        {t('clauseAddAnd')}
      </button>
      <button type="button" className="button button-small" disabled={disabled} onClick={() => add('or')}>
        {t('clauseAddOr')}
      </button>
    </div>
  );
}
