import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FormDef } from '@trellis/schema';
import { formatDateTime } from '@trellis/ui';
import { LoadError, Loading } from '../components/load-states.js';
import { useLocale } from '../i18n/use-t.js';
import { adminApi } from './admin-api.js';
import { useAdminT, type AdminMessageKey } from './admin-messages.js';
import { actorName, recordTimeline, type HistoryEntry } from './record-history.js';
import './admin.css';

const KNOWN_ACTIONS = new Set(['create', 'update', 'delete', 'restore']);

/**
 * A record's history as a timeline, newest first: who, when, what they did, and each changed
 * field as before → after with the form's labels. Values are plain text (React escapes them);
 * nothing from a record is ever rendered as HTML.
 */
export function RecordTimeline({ app, form, recordId, version }: { readonly app: string; readonly form: FormDef; readonly recordId: string; readonly version?: number }) {
  const t = useAdminT();
  const locale = useLocale();
  const [entries, setEntries] = useState<readonly HistoryEntry[] | undefined>();
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [error, setError] = useState<Error | undefined>();
  const load = useCallback(() => {
    setError(undefined);
    adminApi.recordHistory(app, form.key, recordId).then((b) => setEntries(b.items), setError);
  }, [app, form.key, recordId]);
  // reload when the record's version changes (the person saved on the form tab)
  useEffect(load, [load, version]);
  useEffect(() => {
    // display names come from the directory, which only administrators may read; others see ids
    adminApi.listUsers().then((b) => setNames(new Map(b.items.map((u) => [u.id, u.displayName]))), () => undefined);
  }, []);
  const items = useMemo(() => (entries ? recordTimeline(form, entries, locale, { ownerId: t('historyOwner'), deptId: t('historyDept') }) : []), [entries, form, locale, t]);

  if (error) return <LoadError error={error} onRetry={load} />;
  if (!entries) return <Loading />;
  if (items.length === 0) return <p className="empty">{t('historyEmpty')}</p>;
  return (
    <ol className="admin-timeline">
      {items.map((item) => (
        <li key={item.id}>
          <p>
            <strong>{actorName(item.actor, names, t('historySystem'))}</strong>{' '}
            {KNOWN_ACTIONS.has(item.action) ? t(`history_${item.action}` as AdminMessageKey) : t('history_other', { action: item.action })}{' '}
            · <time dateTime={item.at}>{formatDateTime(item.at, locale)}</time>
          </p>
          {item.changes.length === 0 ? (
            item.action === 'update' ? <p className="cell-muted">{t('historyNoFieldChanges')}</p> : null
          ) : (
            <ul className="admin-changes">
              {item.changes.map((c) => (
                <li key={c.key}>
                  {c.label}:{' '}
                  {item.action === 'create' ? null : (
                    <>
                      <span className="admin-change-value admin-change-before">{c.before === '' ? t('historyEmptyValue') : c.before}</span>
                      {' → '}
                    </>
                  )}
                  <span className="admin-change-value">{c.after === '' ? t('historyEmptyValue') : c.after}</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
