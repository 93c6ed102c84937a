import { useEffect, useState } from 'react';
import { adminApi } from './admin-api.js';
import type { Me } from '../api/api-client.js';
import { useAuth } from '../state/auth-store.js';

/** Who is signed in, as the management pages need to know it (from the app's auth store). */
export type AccessState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly me: Me }
  /** Not signed in. */
  | { readonly status: 'anonymous' };

/**
 * The signed-in user for the management pages, from {@link useAuth} (which the login page,
 * the user menu and every 401 keep current).
 *
 * @example const access = useAccess(); const admin = isAdmin(access);
 */
export function useAccess(): AccessState {
  const status = useAuth((s) => s.status);
  const me = useAuth((s) => s.me);
  if (status === 'unknown') return LOADING;
  if (status === 'anonymous' || me === null) return ANONYMOUS;
  return { status: 'ready', me };
}

const LOADING: AccessState = { status: 'loading' };
const ANONYMOUS: AccessState = { status: 'anonymous' };

/**
 * Whether the caller is an administrator (sees users, departments, the audit log).
 *
 * @example isAdmin({ status: 'anonymous' }) // false
 */
export function isAdmin(access: AccessState): boolean {
  return access.status === 'ready' && access.me.isAdmin;
}

/**
 * Whether the caller may open an app's roles page: administrators, and holders of the app's
 * design right (`GET /api/apps/:app/permissions`). `undefined` while it is being found out.
 *
 * @example const canManage = useCanManageRoles('crm'); if (canManage) <Link to="roles">…</Link>
 */
export function useCanManageRoles(app: string): boolean | undefined {
  const access = useAccess();
  const [design, setDesign] = useState<boolean | undefined>();
  const admin = isAdmin(access);
  useEffect(() => {
    if (access.status !== 'ready' || admin) return;
    let live = true;
    adminApi.permissions(app).then(
      (p) => live && setDesign(p.isAdmin || p.design),
      () => live && setDesign(false),
    );
    return () => {
      live = false;
    };
  }, [app, access.status, admin]);
  if (access.status === 'loading') return undefined;
  if (access.status === 'anonymous') return false;
  return admin ? true : design;
}
