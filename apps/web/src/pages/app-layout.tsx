import { useMemo } from 'react';
import { NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import { designerText } from '../designer/designer-messages.js';
import { localize } from '@trellis/schema';
import type { AppPackage } from '../api/api-types.js';
import { AppAvatar } from '../components/app-avatar.js';
import { AppHeader } from '../components/app-header.js';
import { LoadError, Loading } from '../components/load-states.js';
import { useLocale, useT } from '../i18n/use-t.js';
import { appNavigation, type NavEntry } from '../state/app-navigation.js';
import { useAppPackage } from '../state/app-package-store.js';
import { RolesNavLink } from '../admin/roles-nav-link.js';

/** What the pages inside an app receive from the layout. */
export interface AppContext {
  readonly app: string;
  readonly pkg: AppPackage;
}

/** The package of the app whose pages are rendering (from `AppLayout`). */
export function useAppContext(): AppContext {
  return useOutletContext<AppContext>();
}

/** `/apps/:app/*`: header, the app's menu on the left, the page on the right. */
export function AppLayout() {
  const { app = '' } = useParams();
  const entry = useAppPackage(app);
  const locale = useLocale();
  const t = useT();
  const pkg = entry.status === 'ready' ? entry.pkg : undefined;
  const nav = useMemo(() => (pkg ? appNavigation(pkg, locale) : []), [pkg, locale]);
  const appName = pkg ? localize(pkg.app.name, locale) : app;

  return (
    <div className="page-frame">
      <AppHeader>
        {pkg ? (
          <NavLink to={`/apps/${app}`} end className="header-app">
            <AppAvatar name={appName} color={pkg.app.color} size="sm" />
            {appName}
          </NavLink>
        ) : null}
      </AppHeader>
      <div className="app-body">
        <nav className="side-nav" aria-label={appName}>
          <NavLink to="/" className="side-nav-back">
            ← {t('navHome')}
          </NavLink>
          {pkg ? <NavList app={app} entries={nav} /> : null}
          {pkg ? (
            <NavLink to={`/apps/${app}/design`} className="nav-item side-nav-design">
              ✎ {designerText(locale, 'design')}
            </NavLink>
          ) : null}
          {pkg ? <RolesNavLink app={app} /> : null}
        </nav>
        <main className="app-main" id="main">
          {entry.status === 'error' ? (
            <LoadError error={entry.error} onRetry={entry.reload} />
          ) : pkg ? (
            <Outlet context={{ app, pkg } satisfies AppContext} />
          ) : (
            <Loading />
          )}
        </main>
      </div>
    </div>
  );
}

function NavList({ app, entries }: { readonly app: string; readonly entries: readonly NavEntry[] }) {
  return (
    <ul className="nav-list">
      {entries.map((entry, i) =>
        entry.kind === 'form' ? (
          <li key={entry.form.key}>
            <NavLink to={`/apps/${app}/forms/${entry.form.key}`} className="nav-item">
              {entry.label}
            </NavLink>
          </li>
        ) : (
          <li key={`group-${i}`} className="nav-group">
            <span className="nav-group-label">{entry.label}</span>
            <NavList app={app} entries={entry.items} />
          </li>
        ),
      )}
    </ul>
  );
}
