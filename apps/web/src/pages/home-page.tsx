import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { designerText } from '../designer/designer-messages.js';
import { localize } from '@trellis/schema';
import { api } from '../api/api.js';
import type { AppSummary } from '../api/api-types.js';
import type { ApiError } from '../api/api-client.js';
import { AppAvatar } from '../components/app-avatar.js';
import { AppHeader } from '../components/app-header.js';
import { LoadError, Loading } from '../components/load-states.js';
import { useLocale, useT } from '../i18n/use-t.js';

/** `/`: the installed apps as cards. */
export function HomePage() {
  const t = useT();
  const locale = useLocale();
  const [apps, setApps] = useState<AppSummary[] | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const load = useCallback(() => {
    setError(undefined);
    api.listApps().then(setApps, (e: ApiError) => setError(e));
  }, []);
  useEffect(load, [load]);

  return (
    <div className="page-frame">
      <AppHeader />
      <main className="home" id="main">
        <h1 className="page-title">{t('homeTitle')}</h1>
        <p className="page-subtitle">{t('homeSubtitle')}</p>
        <p>
          <Link to="/design/new" className="button">
            + {designerText(locale, 'newApp')}
          </Link>
        </p>
        {error ? (
          <LoadError error={error} onRetry={load} />
        ) : !apps ? (
          <Loading />
        ) : apps.length === 0 ? (
          <p className="empty">{t('homeEmpty')}</p>
        ) : (
          <ul className="card-grid">
            {apps.map((app) => (
              <li key={app.key}>
                <Link to={`/apps/${app.key}`} className="card card-link">
                  <AppAvatar name={localize(app.name, locale)} color={app.color} size="lg" />
                  <span className="card-body">
                    <span className="card-title">{localize(app.name, locale)}</span>
                    {app.description ? <span className="card-text">{localize(app.description, locale)}</span> : null}
                    {app.formCount === undefined ? null : <span className="card-meta">{t('formsCount', { count: app.formCount })}</span>}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
