import { useMemo } from 'react';
import { Link } from 'react-router';
import { localize } from '@trellis/schema';
import { AppAvatar } from '../components/app-avatar.js';
import { useLocale, useT } from '../i18n/use-t.js';
import { appNavigation, navForms } from '../state/app-navigation.js';
import { useAppContext } from './app-layout.js';

/** `/apps/:app`: the app's forms as cards, in menu order. */
export function AppHomePage() {
  const { app, pkg } = useAppContext();
  const locale = useLocale();
  const t = useT();
  const forms = useMemo(() => navForms(appNavigation(pkg, locale)), [pkg, locale]);
  return (
    <>
      <h1 className="page-title">{localize(pkg.app.name, locale)}</h1>
      <p className="page-subtitle">{localize(pkg.app.description, locale) || t('appHomeSubtitle')}</p>
      <ul className="card-grid">
        {forms.map((entry) => (
          <li key={entry.form.key}>
            <Link to={`/apps/${app}/forms/${entry.form.key}`} className="card card-link">
              <AppAvatar name={entry.label} color={pkg.app.color} />
              <span className="card-body">
                <span className="card-title">{entry.label}</span>
                {entry.form.description ? <span className="card-text">{localize(entry.form.description, locale)}</span> : null}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
