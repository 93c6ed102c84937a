import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n/use-t.js';
import { LanguageSwitch } from './language-switch.js';
import { AdminMenu } from '../admin/admin-menu.js';

import { UserMenu } from './user-menu.js';

/** The top bar: the product mark (back to all apps), the current app's name, the administration menu, the language switch, the user's menu. */
export function AppHeader({ children }: { readonly children?: ReactNode }) {
  const t = useT();
  return (
    <header className="app-header">
      <Link to="/" className="brand" aria-label={t('navHome')}>
        <span className="brand-mark" aria-hidden="true">
          T
        </span>
        <span className="brand-name">{t('appTitle')}</span>
      </Link>
      <div className="app-header-title">{children}</div>
      <AdminMenu />
      <LanguageSwitch />
      <UserMenu />
    </header>
  );
}
