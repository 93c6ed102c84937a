import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { formatDateTime } from '@trellis/ui';
import { LoadError, Loading } from '../components/load-states.js';
import { useLocale } from '../i18n/use-t.js';
import { adminApi, type AuditEntry } from './admin-api.js';
import { useAdminT } from './admin-messages.js';
import { AdminLayout } from './admin-ui.js';
import { AUDIT_ACTIONS, EMPTY_AUDIT_FILTERS, auditExportUrl, auditQuery, type AuditActionName, type AuditFilters } from './audit-query.js';

const PAGE_SIZE = 50;

/** `/admin/audit`: search the audit log (app, user, action, dates), page back in time, export CSV. */
export function AuditPage() {
  return (
    <AdminLayout adminOnly>
      <AuditScreen />
    </AdminLayout>
  );
}

function AuditScreen() {
  const t = useAdminT();
  const locale = useLocale();
  const [draft, setDraft] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const [items, setItems] = useState<readonly AuditEntry[] | undefined>();
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<Error | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());

  const load = useCallback(() => {
    setError(undefined);
    setItems(undefined);
    adminApi.audit(auditQuery(filters, { limit: PAGE_SIZE })).then((b) => {
      setItems(b.items);
      setNext(b.nextBeforeId);
    }, setError);
  }, [filters]);
  useEffect(load, [load]);
  useEffect(() => {
    adminApi.listUsers().then((b) => setNames(new Map(b.items.map((u) => [u.id, u.displayName]))), () => undefined);
  }, []);

  const more = async () => {
    if (next === null) return;
    setLoadingMore(true);
    try {
      const b = await adminApi.audit(auditQuery(filters, { beforeId: next, limit: PAGE_SIZE }));
      // a page never repeats an entry (beforeId is exclusive), but a write in between must not show one twice either
      setItems((list) => {
        const seen = new Set((list ?? []).map((x) => x.id));
        return [...(list ?? []), ...b.items.filter((x) => !seen.has(x.id))];
      });
      setNext(b.nextBeforeId);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoadingMore(false);
    }
  };

  const actionLabel = (action: string) => ((AUDIT_ACTIONS as readonly string[]).includes(action) ? t(`audit_${action as AuditActionName}`) : action);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
  };
  const set = (key: keyof AuditFilters, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const input = (key: keyof AuditFilters, label: string, type: 'text' | 'date' = 'text') => (
    <div className="tr-field admin-field">
      <label className="tr-field-label" htmlFor={`audit-${key}`}>
        {label}
      </label>
      <input id={`audit-${key}`} className="tr-input" type={type} value={draft[key]} onChange={(e) => set(key, e.target.value)} />
    </div>
  );

  return (
    <>
      <div className="page-head">
        <div>
          <h1 className="page-title">{t('auditTitle')}</h1>
          <p className="page-subtitle">{t('auditSubtitle')}</p>
        </div>
        <a className="button" href={auditExportUrl(filters)} download>
          {t('auditExport')}
        </a>
      </div>
      <form className="card admin-panel admin-inline" role="search" onSubmit={submit}>
        {input('app', t('auditApp'))}
        {input('actor', t('auditActor'))}
        <div className="tr-field admin-field">
          <label className="tr-field-label" htmlFor="audit-action">
            {t('auditAction')}
          </label>
          <select id="audit-action" className="tr-select" value={draft.action} onChange={(e) => set('action', e.target.value)}>
            <option value="">{t('auditAnyAction')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`audit_${a}`)}
              </option>
            ))}
          </select>
        </div>
        {input('from', t('auditFrom'), 'date')}
        {input('to', t('auditTo'), 'date')}
        <button type="submit" className="button button-primary">
          {t('auditApply')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setDraft(EMPTY_AUDIT_FILTERS);
            setFilters(EMPTY_AUDIT_FILTERS);
          }}
        >
          {t('auditReset')}
        </button>
      </form>
      {error ? (
        <LoadError error={error} onRetry={load} />
      ) : !items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{t('auditEmpty')}</p>
      ) : (
        <div className="table-wrap admin-section">
          <table className="record-table">
            <thead>
              <tr>
                <th scope="col">{t('auditWhen')}</th>
                <th scope="col">{t('auditActor')}</th>
                <th scope="col">{t('auditAction')}</th>
                <th scope="col">{t('auditTarget')}</th>
                <th scope="col">{t('auditIp')}</th>
                <th scope="col">{t('auditDetails')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => {
                const shown = open.has(e.id);
                return (
                  <tr key={e.id}>
                    <td>
                      <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
                    </td>
                    <td>{e.actor === null ? t('historySystem') : (names.get(e.actor) ?? e.actor)}</td>
                    <td>{actionLabel(e.action)}</td>
                    <td>{[e.app, e.form, e.recordId].filter((x) => x !== null && x !== '').join(' / ')}</td>
                    <td>{e.ip ?? ''}</td>
                    <td>
                      <button
                        type="button"
                        className="button button-small"
                        aria-expanded={shown}
                        onClick={() => setOpen((s) => (s.has(e.id) ? new Set([...s].filter((x) => x !== e.id)) : new Set([...s, e.id])))}
                      >
                        {shown ? t('auditHide') : t('auditShow')}
                      </button>
                      {shown ? (
                        <div>
                          <p>{t('auditBefore')}</p>
                          <pre className="admin-json">{JSON.stringify(e.before, null, 2)}</pre>
                          <p>{t('auditAfter')}</p>
                          <pre className="admin-json">{JSON.stringify(e.after, null, 2)}</pre>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {next !== null ? (
            <p className="pager">
              <button type="button" className="button" onClick={() => void more()} disabled={loadingMore}>
                {loadingMore ? t('loadingMore') : t('loadMore')}
              </button>
            </p>
          ) : null}
        </div>
      )}
    </>
  );
}
