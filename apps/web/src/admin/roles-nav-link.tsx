import { NavLink } from 'react-router';
import { useCanManageRoles } from './admin-access.js';
import { useAdminT } from './admin-messages.js';

/** "Roles & permissions" in an app's menu, for administrators and the app's designers. */
export function RolesNavLink({ app }: { readonly app: string }) {
  const t = useAdminT();
  const allowed = useCanManageRoles(app);
  if (!allowed) return null;
  return (
    <NavLink to={`/apps/${app}/roles`} className="nav-item side-nav-design">
      {t('navRoles')}
    </NavLink>
  );
}
