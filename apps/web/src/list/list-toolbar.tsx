import { useEffect, useState } from 'react';
import type { FormDef } from '@trellis/schema';
import { fieldTypes } from '@trellis/forms';
import { EMPTY_FILTER, FilterBuilder, activeClauseCount, type FilterState } from '@trellis/ui';
import { useLocale, useT } from '../i18n/use-t.js';

/** Props of `ListToolbar`. */
export interface ListToolbarProps {
  readonly form: FormDef;
  readonly q: string;
  readonly onSearch: (q: string) => void;
  readonly filter: FilterState;
  readonly onFilter: (filter: FilterState) => void;
  readonly deleted: boolean;
  readonly onToggleDeleted: () => void;
  readonly onNew: () => void;
}

/** Search box, filter panel, recycle-bin toggle and the New button above a list. */
export function ListToolbar({ form, q, onSearch, filter, onFilter, deleted, onToggleDeleted, onNew }: ListToolbarProps) {
  const t = useT();
  const locale = useLocale();
  const [text, setText] = useState(q);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(filter);
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    // search as the person types, without a request per keystroke
    if (text === q) return;
    const timer = setTimeout(() => onSearch(text), 350);
    return () => clearTimeout(timer);
  }, [text, q, onSearch]);
  const count = activeClauseCount(filter, form, fieldTypes);
  const toggleFilter = () => {
    setDraft(filter.clauses.length === 0 ? { ...EMPTY_FILTER } : filter);
    setOpen(!open);
  };
  return (
    <div className="toolbar-wrap">
      <div className="toolbar">
        <form
          role="search"
          className="search"
          onSubmit={(e) => {
            e.preventDefault();
            onSearch(text);
          }}
        >
          <input
            type="search"
            className="tr-input search-input"
            aria-label={t('search')}
            placeholder={t('searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </form>
        <button type="button" className={count > 0 ? 'button button-active' : 'button'} aria-expanded={open} onClick={toggleFilter}>
          {count > 0 ? t('filterWithCount', { count }) : t('filter')}
        </button>
        <button type="button" className={deleted ? 'button button-active' : 'button'} aria-pressed={deleted} onClick={onToggleDeleted}>
          {t('recycleBin')}
        </button>
        <span className="toolbar-spacer" />
        {deleted ? null : (
          <button type="button" className="button button-primary" onClick={onNew}>
            + {t('newRecord')}
          </button>
        )}
      </div>
      {open ? (
        <div className="filter-panel" role="region" aria-label={t('filter')}>
          <p className="filter-title">{t('filterTitle')}</p>
          <FilterBuilder form={form} value={draft} onChange={setDraft} locale={locale} catalog={fieldTypes} />
          <div className="filter-actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setDraft(EMPTY_FILTER);
                onFilter(EMPTY_FILTER);
                setOpen(false);
              }}
            >
              {t('filterClear')}
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                onFilter(draft);
                setOpen(false);
              }}
            >
              {t('filterApply')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
