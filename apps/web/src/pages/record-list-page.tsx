import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { localize } from '@trellis/schema';
import { fieldTypes } from '@trellis/forms';
import { filterToJsonLogic, type FilterState } from '@trellis/ui';
import { api } from '../api/api.js';
import type { ApiError } from '../api/api-client.js';
import type { RecordDto, RecordPage } from '../api/api-types.js';
import { LoadError } from '../components/load-states.js';
import { useLocale, useT } from '../i18n/use-t.js';
import { listColumns } from '../list/list-columns.js';
import { ListToolbar } from '../list/list-toolbar.js';
import { INITIAL_LIST_VIEW, currentCursor, goNext, goPrevious, nextSort, withQuery, type ListViewState } from '../list/list-view-state.js';
import { useListViewStore } from '../list/list-view-store.js';
import { RecordTable } from '../list/record-table.js';
import { useNoticeStore } from '../state/notice-store.js';
import { useAppContext } from './app-layout.js';
import { ShareButton } from '../public/share-button.js';
import { usePrintT } from '../print/print-messages.js';
import { useFormActions } from '../state/form-rights.js';
import { listQuery } from '../api/api-client.js';

/** `set` with `id` added, or removed when it was there. */
function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** Records per page. */
export const PAGE_SIZE = 20;

/** `/apps/:app/forms/:form`: search, filter, sort and page through a form's records, or its recycle bin. */
export function RecordListPage() {
  const { app, pkg } = useAppContext();
  const { form: formKey = '' } = useParams();
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const notify = useNoticeStore((s) => s.show);
  const form = pkg.forms.find((f) => f.key === formKey);
  const viewKey = `${app}/${formKey}`;
  const view = useListViewStore((s) => s.views[viewKey]) ?? INITIAL_LIST_VIEW;
  const updateView = useListViewStore((s) => s.update);
  const update = useCallback((change: (s: ListViewState) => ListViewState) => updateView(viewKey, change), [updateView, viewKey]);
  const [page, setPage] = useState<RecordPage | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const pt = usePrintT();

  const filterLogic = useMemo(() => (form ? filterToJsonLogic(view.filter, form, fieldTypes) : undefined), [view.filter, form]);
  const cursor = currentCursor(view);

  useEffect(() => {
    if (!form) return;
    let stale = false;
    setBusy(true);
    api
      .listRecords(app, form.key, { q: view.q, sort: view.sort || undefined, filter: filterLogic, cursor, deleted: view.deleted, limit: PAGE_SIZE })
      .then(
        (result) => {
          if (stale) return;
          setPage(result);
          setError(undefined);
        },
        (e: ApiError) => !stale && setError(e),
      )
      .finally(() => !stale && setBusy(false));
    return () => {
      stale = true;
    };
  }, [app, form, view.q, view.sort, filterLogic, cursor, view.deleted, reloads]);

  const onSearch = useCallback((q: string) => update((s) => withQuery(s, { q })), [update]);
  const actions = useFormActions(app, formKey);
  const columns = useMemo(() => (form ? listColumns(form) : []), [form]);

  if (!form) {
    return <LoadError error={new Error(t('formNotFound', { form: formKey }))} />;
  }

  const restore = async (record: RecordDto) => {
    try {
      await api.restoreRecord(app, form.key, record.id);
      notify(t('restored'));
      setReloads((n) => n + 1);
    } catch (e) {
      setError(e as ApiError);
    }
  };

  const pageNumber = view.cursors.length + 1;
  const searching = view.q !== '' || filterLogic !== undefined;
  return (
    <>
      <div className="page-head">
        <div>
          <h1 className="page-title">
            {localize(form.name, locale)}
            {view.deleted ? <span className="title-badge">{t('recycleBin')}</span> : null}
          </h1>
          {view.deleted ? (
            <p className="page-subtitle">
              {t('recycleBinHint')}{' '}
              <button type="button" className="link-button" onClick={() => update((s) => withQuery(s, { deleted: false }))}>
                {t('backToList')}
              </button>
            </p>
          ) : form.description ? (
            <p className="page-subtitle">{localize(form.description, locale)}</p>
          ) : null}
        </div>
        {view.deleted ? null : (
          <div className="page-head-actions">
            <Link
              className={`button${selected.size === 0 ? ' is-disabled' : ''}`}
              aria-disabled={selected.size === 0 || undefined}
              to={`/apps/${app}/forms/${form.key}/print?ids=${[...selected].map(encodeURIComponent).join(',')}`}
              onClick={(e) => selected.size === 0 && e.preventDefault()}
              data-testid="print-selected"
            >
              {selected.size === 0 ? pt('print') : pt('printSelected', { count: selected.size })}
            </Link>
            {actions.has('export') ? (
              <a
                className="button"
                href={`/api/apps/${encodeURIComponent(app)}/forms/${encodeURIComponent(form.key)}/records/export?${listQuery({ q: view.q, sort: view.sort || undefined, filter: filterLogic })}`}
                title={t('exportCsvHint')}
                download
                data-testid="export-csv"
              >
                {t('exportCsv')}
              </a>
            ) : null}
            <ShareButton app={app} form={form} />
          </div>
        )}
      </div>
      <ListToolbar
        form={form}
        q={view.q}
        onSearch={onSearch}
        filter={view.filter}
        onFilter={(filter: FilterState) => update((s) => withQuery(s, { filter }))}
        deleted={view.deleted}
        onToggleDeleted={() => update((s) => withQuery(s, { deleted: !s.deleted }))}
        onNew={() => navigate(`/apps/${app}/forms/${form.key}/new`)}
      />
      {error ? <LoadError error={error} onRetry={() => setReloads((n) => n + 1)} /> : null}
      {page ? (
        page.items.length === 0 ? (
          <p className="empty">{t(view.deleted ? 'emptyBin' : searching ? 'emptySearch' : 'emptyList')}</p>
        ) : (
          <RecordTable
            app={app}
            form={form}
            columns={columns}
            items={page.items}
            {...(page.related ? { related: page.related } : {})}
            sort={view.sort}
            onSort={(field) => update((s) => withQuery(s, { sort: nextSort(s.sort, field) }))}
            deleted={view.deleted}
            onRestore={(r) => void restore(r)}
            busy={busy}
            selection={
              view.deleted
                ? undefined
                : {
                    selected,
                    onToggle: (id) => setSelected((s) => toggled(s, id)),
                    onToggleAll: (ids) => setSelected((s) => (ids.every((i) => s.has(i)) ? new Set([...s].filter((i) => !ids.includes(i))) : new Set([...s, ...ids]))),
                  }
            }
          />
        )
      ) : null}
      {page ? (
        <div className="pager">
          <span className="pager-total" data-testid="total">
            {t(page.totalExact ? 'totalExact' : 'totalAbout', { count: page.total.toLocaleString(locale) })}
          </span>
          <span className="toolbar-spacer" />
          <button type="button" className="button" disabled={pageNumber === 1 || busy} onClick={() => update(goPrevious)}>
            ‹ {t('pagePrevious')}
          </button>
          <span className="pager-page">{t('pageNumber', { page: pageNumber })}</span>
          <button type="button" className="button" disabled={!page.nextCursor || busy} onClick={() => page.nextCursor && update((s) => goNext(s, page.nextCursor!))}>
            {t('pageNext')} ›
          </button>
        </div>
      ) : null}
    </>
  );
}
