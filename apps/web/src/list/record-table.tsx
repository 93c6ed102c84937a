import { useNavigate } from 'react-router';
import { localize, type FieldDef, type FormDef } from '@trellis/schema';
import { CellValue, FileAccessProvider, formatDateTime } from '@trellis/ui';
import { recordFileAccess } from '../files/file-access.js';
import type { RecordDto, RelatedRecordsDto } from '../api/api-types.js';
import { useLocale, useT } from '../i18n/use-t.js';
import { usePrintT } from '../print/print-messages.js';
import { sortDirectionOf } from './list-view-state.js';
import { isSortableField } from './sortable-field.js';

/** Lookups, rollups and multiple relations have no column of their own: the server cannot sort by them. */

/** Props of `RecordTable`. */
export interface RecordTableProps {
  readonly app: string;
  readonly form: FormDef;
  readonly columns: readonly FieldDef[];
  readonly items: readonly RecordDto[];
  readonly sort: string;
  readonly onSort: (field: string) => void;
  /** Recycle bin mode: rows are not links, and each has a Restore button. */
  readonly deleted: boolean;
  readonly onRestore: (record: RecordDto) => void;
  readonly busy: boolean;
  /** Row checkboxes (for batch printing); no checkbox column when absent. */
  readonly selection?: RecordSelection;
  /** Display values of related records (the page's `related`), so relation cells show names. */
  readonly related?: RelatedRecordsDto;
}

/** The selected rows of a record table. */
export interface RecordSelection {
  readonly selected: ReadonlySet<string>;
  readonly onToggle: (id: string) => void;
  /** Selects every listed record, or clears them all when all are selected. */
  readonly onToggleAll: (ids: readonly string[]) => void;
}

/**
 * The records of a list page: one column per shown field plus the last change, sortable
 * headers (`aria-sort`), rows that open the record (the first cell is a real link, so the
 * keyboard reaches it), values drawn by the field widgets' cell renderers.
 */
export function RecordTable({ app, form, columns, items, sort, onSort, deleted, onRestore, busy, selection, related }: RecordTableProps) {
  const pt = usePrintT();
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const recordUrl = (r: RecordDto) => `/apps/${app}/forms/${form.key}/records/${r.id}`;
  const timeColumn = deleted ? 'deleted_at' : 'updated_at';
  const header = (key: string, label: string, sortable: boolean) => {
    const direction = sortDirectionOf(sort, key);
    return (
      <th key={key} scope="col" aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}>
        {sortable ? (
          <button type="button" className="th-sort" onClick={() => onSort(key)} title={t('sortBy', { field: label })}>
            {label}
            <span className={`sort-icon sort-${direction ?? 'none'}`} aria-hidden="true" />
            {direction ? <span className="visually-hidden">, {t(direction === 'asc' ? 'sortAscending' : 'sortDescending')}</span> : null}
          </button>
        ) : (
          label
        )}
      </th>
    );
  };
  return (
    <FileAccessProvider access={recordFileAccess(app, form.key)}>
    <div className={busy ? 'table-wrap is-busy' : 'table-wrap'}>
      <table className="record-table">
        <thead>
          <tr>
            {selection ? (
              <th scope="col" className="col-select">
                <input
                  type="checkbox"
                  aria-label={pt('selectAll')}
                  checked={items.length > 0 && items.every((r) => selection.selected.has(r.id))}
                  onChange={() => selection.onToggleAll(items.map((r) => r.id))}
                />
              </th>
            ) : null}
            {columns.map((f) => header(f.key, localize(f.label, locale), isSortableField(f)))}
            {header(timeColumn, t(deleted ? 'deletedAt' : 'updatedAt'), !deleted)}
            {deleted ? (
              <th scope="col" className="col-actions">
                {t('actions')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((record) => (
            <tr
              key={record.id}
              className={deleted ? undefined : 'row-link'}
              onClick={deleted ? undefined : (e) => {
                if ((e.target as HTMLElement).closest('a,button,input')) return;
                navigate(recordUrl(record));
              }}
            >
              {selection ? (
                <td className="col-select">
                  <input
                    type="checkbox"
                    aria-label={pt('selectRecord', { name: String(record.data[columns[0]?.key ?? ''] ?? record.id.slice(0, 8)) })}
                    checked={selection.selected.has(record.id)}
                    onChange={() => selection.onToggle(record.id)}
                  />
                </td>
              ) : null}
              {columns.map((field, i) => (
                <td key={field.key}>
                  {i === 0 && !deleted ? (
                    <a
                      href={recordUrl(record)}
                      className="row-title"
                      onClick={(e) => {
                        e.preventDefault();
                        navigate(recordUrl(record));
                      }}
                    >
                      <CellValue field={field} value={record.data[field.key]} locale={locale} related={related?.[field.key]} />
                    </a>
                  ) : (
                    <CellValue field={field} value={record.data[field.key]} locale={locale} related={related?.[field.key]} />
                  )}
                </td>
              ))}
              <td className="cell-muted">{formatDateTime((deleted ? record.deletedAt : record.updatedAt) ?? '', locale)}</td>
              {deleted ? (
                <td className="col-actions">
                  <button type="button" className="button button-small" onClick={() => onRestore(record)}>
                    {t('restore')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    </FileAccessProvider>
  );
}
