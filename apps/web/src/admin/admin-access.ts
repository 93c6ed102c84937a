import { useEffect, useState } from 'react';
import { create } from 'zustand';
import { adminApi, type Me } from './admin-api.js';

/**
 * Who is signed in, as far as the management pages need to know: fetched once from
 * `GET /api/auth/me` and shared. The login work keeps its own auth store; at merge this
 * module is the one place to point at it instead (`useAuth().me`).
 */
export type AccessState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly me: Me }
  /** Not signed in (401) or the server could not say. */
  | { readonly status: 'anonymous' };

interface AccessSlice {
  readonly access: AccessState;
  load(force?: boolean): Promise<void>;
}

let inflight: Promise<void> | undefined;

/** The caller slice: `me` once known. */
export const useAccessStore = create<AccessSlice>()((set, get) => ({
  access: { status: 'loading' },
  load(force = false) {
    if (inflight) return inflight;
    // 'anonymous' is asked again by every page that mounts, so signing in is noticed without a reload
    if (!force && get().access.status === 'ready') return Promise.resolve();
    inflight = adminApi.me().then(
      (body) => set({ access: { status: 'ready', me: body.user } }),
      () => set({ access: { status: 'anonymous' } }),
    ).finally(() => {
      inflight = undefined;
    });
    return inflight;
  },
}));

/**
 * The signed-in user for the management pages, loading it on first use.
 *
 * @example const access = useAccess(); const admin = isAdmin(access);
 */
export function useAccess(): AccessState {
  const access = useAccessStore((s) => s.access);
  const load = useAccessStore((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  return access;
}

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
