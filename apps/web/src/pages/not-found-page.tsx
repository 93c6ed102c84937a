import { Link } from 'react-router';
import { AppHeader } from '../components/app-header.js';
import { useT } from '../i18n/use-t.js';

/** Any address that matches no route. */
export function NotFoundPage() {
  const t = useT();
  return (
    <div className="page-frame">
      <AppHeader />
      <main className="home" id="main">
        <h1 className="page-title">{t('notFoundTitle')}</h1>
        <p className="page-subtitle">{t('notFoundText')}</p>
        <Link className="button" to="/">
          {t('backToApps')}
        </Link>
      </main>
    </div>
  );
}
